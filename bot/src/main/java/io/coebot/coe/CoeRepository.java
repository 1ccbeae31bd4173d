package io.coebot.coe;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CoeRepository extends GenericRepository<CoeRow, Long> {
    /** One INSERT … RETURNING: the id comes back with the row. */
    CoeRow insert(CoeRow row);

    Optional<CoeRow> findById(long id);

    /** Native: a row lock is FOR UPDATE, which a derived query cannot say. */
    @Query("SELECT id FROM coe WHERE id = :coeId FOR UPDATE")
    Optional<Long> lock(long coeId);

    Optional<CoeRow> findByIdAndTeamId(long id, @Nullable String teamId);

    Optional<CoeRow> findByTeamIdAndChannelIdAndStatusNotEqual(@Nullable String teamId, @Nullable String channelId,
                                                               Coe.Status status);

    List<CoeRow> findByTeamIdAndStatusNotEqualOrderById(@Nullable String teamId, Coe.Status status);

    /** The open one first, then the newest: an order by a condition, which a method name cannot say. */
    @Query("SELECT * FROM coe WHERE team_id = :teamId AND channel_id = :channelId "
            + "ORDER BY (status <> 'PUBLISHED') DESC, id DESC LIMIT 1")
    Optional<CoeRow> findLatest(@Nullable String teamId, @Nullable String channelId);

    @Query("SELECT DISTINCT team_id FROM coe WHERE status <> 'PUBLISHED'")
    List<String> findTeamsWithUnpublished();

    /** The open COE with whether its card's first post is still in the outbox: a join on another feature's table. */
    @Query("""
            SELECT c.*, EXISTS (SELECT 1 FROM outbox o WHERE o.card_of_coe = c.id AND o.kind = 'POST'
                                AND o.status IN ('PENDING', 'SENDING')) AS card_queued
            FROM coe c WHERE c.team_id = :teamId AND c.channel_id = :channelId AND c.status <> 'PUBLISHED'""")
    Optional<OpenCoeRow> findOpenWithCardState(@Nullable String teamId, @Nullable String channelId);

    void update(@Id long id, Coe.Status status);

    void update(@Id long id, @Nullable String cardTs);

    @Introspected
    record OpenCoeRow(long id, String teamId, String channelId, int number, String title, String ownerUserId,
                      Coe.Status status, @Nullable String cardTs, Instant createdAt, boolean cardQueued) {
        Coe coe() {
            return new Coe(id, teamId, channelId, number, title, ownerUserId, status, cardTs, createdAt);
        }
    }
}
