package io.coebot.trackers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TrackerSyncRepository extends GenericRepository<TrackerSyncRow, TrackerSyncRow.Key> {

    /** Native: the target's row, unless there is one (ON CONFLICT). */
    @Query("INSERT INTO tracker_sync (tracker, target) VALUES (:tracker, :target) ON CONFLICT DO NOTHING")
    void ensure(String tracker, String target);

    /** Native: the lease ends; a failed run (null) leaves synced_until where it was (COALESCE). */
    @Query("""
            UPDATE tracker_sync SET running_until = NULL, synced_until = COALESCE(CAST(:syncedUntil AS timestamptz), synced_until)
            WHERE tracker = :tracker AND target = :target""")
    void release(String tracker, String target, @Nullable Instant syncedUntil);
}
