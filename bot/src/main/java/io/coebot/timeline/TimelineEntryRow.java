package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of timeline_entry; source and milestone hold their enums' stored keys. */
@MappedEntity("timeline_entry")
record TimelineEntryRow(@Id @GeneratedValue @Nullable Long id, String teamId, long coeId, String channelId,
                        Instant occurredAt, @Nullable String messageTs, String text, @Nullable String author,
                        String source, @Nullable String permalink, @Nullable String milestone, @Nullable String note,
                        @Nullable String addedBy, Instant createdAt) {

    TimelineEntry toEntry() {
        return new TimelineEntry(id, occurredAt, messageTs, text, author, TimelineSource.fromKey(source), permalink,
                milestone == null ? null : Milestone.fromKey(milestone), note);
    }
}
