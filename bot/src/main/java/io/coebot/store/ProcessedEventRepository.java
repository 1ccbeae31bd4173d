package io.coebot.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProcessedEventRepository extends GenericRepository<ProcessedEventRow, Void> {
    /** Native: records the event unless it is there (ON CONFLICT DO NOTHING); @return 1 the first time. */
    @Query("INSERT INTO processed_event (team_id, event_id, processed_at) VALUES (:teamId, :eventId, :processedAt) ON CONFLICT DO NOTHING")
    int record(String teamId, String eventId, Instant processedAt);
}
