package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of timeline_seen_message: a message seen in a channel with an open COE. */
@MappedEntity("timeline_seen_message")
record SeenMessageRow(@EmbeddedId Key id, @Nullable String threadTs, @Nullable String userId, boolean bot, String text,
                      Instant seenAt) {

    @Embeddable
    record Key(@MappedProperty("team_id") String teamId, @MappedProperty("channel_id") String channelId,
               @MappedProperty("ts") String ts) {
    }

    TimelineStore.SeenMessage toSeen() {
        return new TimelineStore.SeenMessage(id.channelId(), id.ts(), threadTs, userId, bot, text);
    }
}
