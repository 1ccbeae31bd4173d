package io.coebot.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SlackUserRepository extends GenericRepository<SlackUserRow, Void> {
    Optional<SlackUserRow> findByTeamIdAndUserId(@Nullable String teamId, @Nullable String userId);

    Optional<String> findTzByTeamIdAndUserId(@Nullable String teamId, @Nullable String userId);

    /** Native: stale at once ('epoch'), so the next read asks Slack again. */
    @Query("UPDATE slack_user SET fetched_at = 'epoch' WHERE team_id = :teamId AND user_id = :userId")
    void forget(@Nullable String teamId, @Nullable String userId);

    /** Native: an upsert (ON CONFLICT … DO UPDATE), which Micronaut Data cannot say. */
    @Query("""
            INSERT INTO slack_user (team_id, user_id, tz, deactivated, display_name, real_name, email, fetched_at)
            VALUES (:teamId, :userId, :tz, :deactivated, :displayName, :realName, :email, :fetchedAt)
            ON CONFLICT (team_id, user_id) DO UPDATE
            SET tz = excluded.tz, deactivated = excluded.deactivated, display_name = excluded.display_name,
                real_name = excluded.real_name, email = excluded.email, fetched_at = excluded.fetched_at""")
    void remember(String teamId, String userId, @Nullable String tz, boolean deactivated, @Nullable String displayName,
                  @Nullable String realName, @Nullable String email, Instant fetchedAt);
}
