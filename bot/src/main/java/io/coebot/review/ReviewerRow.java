package io.coebot.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of coe_reviewer: a person asked to review a COE and what they said. */
@MappedEntity("coe_reviewer")
record ReviewerRow(@EmbeddedId Key id, String teamId, String verdict, boolean stale, String askedBy, Instant askedAt,
                   @Nullable Instant decidedAt) {

    @Embeddable
    record Key(@MappedProperty("coe_id") long coeId, @MappedProperty("user_id") String userId) {
    }

    Reviewer toReviewer() {
        return new Reviewer(id.userId(), Verdict.valueOf(verdict), stale, askedBy, askedAt, decidedAt);
    }
}
