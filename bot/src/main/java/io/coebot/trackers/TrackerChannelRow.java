package io.coebot.trackers;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of tracker_channel: the tracker a channel chose (or "none"); target is "" when it names none. */
@MappedEntity("tracker_channel")
record TrackerChannelRow(@EmbeddedId Key id, String tracker, String target, String setBy, Instant setAt) {

    @Embeddable
    record Key(@MappedProperty("team_id") String teamId, @MappedProperty("channel_id") String channelId) {
    }
}
