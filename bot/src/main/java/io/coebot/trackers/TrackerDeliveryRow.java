package io.coebot.trackers;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of tracker_delivery: a webhook delivery already handled. */
@MappedEntity("tracker_delivery")
record TrackerDeliveryRow(@EmbeddedId Key id, Instant receivedAt) {

    @Embeddable
    record Key(@MappedProperty("tracker") String tracker, @MappedProperty("delivery_id") String deliveryId) {
    }
}
