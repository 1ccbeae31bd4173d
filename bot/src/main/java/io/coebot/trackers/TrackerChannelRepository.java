package io.coebot.trackers;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TrackerChannelRepository extends GenericRepository<TrackerChannelRow, TrackerChannelRow.Key> {

    Optional<TrackerChannelRow> findById(TrackerChannelRow.Key id);

    /** Native: an upsert (ON CONFLICT); the latest choice wins. */
    @Query("""
            INSERT INTO tracker_channel (team_id, channel_id, tracker, target, set_by, set_at)
            VALUES (:teamId, :channelId, :tracker, :target, :setBy, :setAt)
            ON CONFLICT (team_id, channel_id) DO UPDATE
            SET tracker = excluded.tracker, target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at""")
    void choose(String teamId, String channelId, String tracker, String target, String setBy, Instant setAt);
}
