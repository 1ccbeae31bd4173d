package io.coebot.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewerRepository extends GenericRepository<ReviewerRow, ReviewerRow.Key> {

    List<ReviewerRow> findByIdCoeId(long coeId);

    /** Native: an upsert (ON CONFLICT); who asked and when stays as first stored. */
    @Query("""
            INSERT INTO coe_reviewer (coe_id, team_id, user_id, verdict, stale, asked_by, asked_at, decided_at)
            VALUES (:coeId, :teamId, :userId, :verdict, :stale, :askedBy, :askedAt, :decidedAt)
            ON CONFLICT (coe_id, user_id) DO UPDATE SET verdict = excluded.verdict, stale = excluded.stale,
                decided_at = excluded.decided_at""")
    void put(long coeId, String teamId, String userId, String verdict, boolean stale, String askedBy, Instant askedAt,
             @Nullable Instant decidedAt);
}
