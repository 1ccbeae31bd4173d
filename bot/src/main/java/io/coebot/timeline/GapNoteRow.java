package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of timeline_gap_note: what the team said about one silence, keyed like {@link TimelineGap#key()}. */
@MappedEntity("timeline_gap_note")
record GapNoteRow(@EmbeddedId Key id, String teamId, String explanation, @Nullable String explainedBy,
                  Instant explainedAt) {

    @Embeddable
    record Key(@MappedProperty("coe_id") long coeId, @MappedProperty("gap_key") String gapKey) {
    }
}
