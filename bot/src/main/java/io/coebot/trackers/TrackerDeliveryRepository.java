package io.coebot.trackers;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TrackerDeliveryRepository extends GenericRepository<TrackerDeliveryRow, TrackerDeliveryRow.Key> {

    /** Native: ON CONFLICT DO NOTHING; 0 when the delivery was handled before. */
    @Query("""
            INSERT INTO tracker_delivery (tracker, delivery_id, received_at) VALUES (:tracker, :deliveryId, :now)
            ON CONFLICT DO NOTHING""")
    int record(String tracker, String deliveryId, Instant now);
}
