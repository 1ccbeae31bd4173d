package io.coebot.trackers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of tracker_sync: how far the reconcile of one tracker target got, and who runs it now (a lease). */
@MappedEntity("tracker_sync")
record TrackerSyncRow(@EmbeddedId Key id, @Nullable Instant syncedUntil, @Nullable Instant runningUntil) {

    @Embeddable
    record Key(@MappedProperty("tracker") String tracker, @MappedProperty("target") String target) {
    }
}
