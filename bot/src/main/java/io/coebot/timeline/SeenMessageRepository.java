package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SeenMessageRepository extends GenericRepository<SeenMessageRow, SeenMessageRow.Key> {

    /** Native: an upsert (ON CONFLICT) that keeps a thread_ts already known when the new sighting lacks it. */
    @Query("""
            INSERT INTO timeline_seen_message (team_id, channel_id, ts, thread_ts, user_id, bot, text, seen_at)
            VALUES (:teamId, :channelId, :ts, :threadTs, :userId, :bot, :text, :seenAt)
            ON CONFLICT (team_id, channel_id, ts) DO UPDATE SET text = excluded.text,
                thread_ts = COALESCE(excluded.thread_ts, timeline_seen_message.thread_ts)""")
    void remember(String teamId, String channelId, String ts, @Nullable String threadTs, @Nullable String userId,
                  boolean bot, String text, Instant seenAt);

    Optional<SeenMessageRow> findById(SeenMessageRow.Key id);

    void update(@Id SeenMessageRow.Key id, String text);

    void deleteById(SeenMessageRow.Key id);
}
