package io.coebot.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of coe_review_note: a comment or change request. */
@MappedEntity("coe_review_note")
record ReviewNoteRow(@Id @GeneratedValue @Nullable Long id, long coeId, String teamId, String kind, String author,
                     @Nullable String section, String body, Instant createdAt, @Nullable String resolvedBy,
                     @Nullable Instant resolvedAt, @Nullable String sourceKey) {

    ReviewNote toNote() {
        return new ReviewNote(id, ReviewNote.Kind.valueOf(kind), author, section, body, createdAt, resolvedBy,
                resolvedAt, sourceKey);
    }
}
