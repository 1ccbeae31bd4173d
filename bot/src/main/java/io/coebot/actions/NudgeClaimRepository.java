package io.coebot.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface NudgeClaimRepository extends GenericRepository<NudgeClaimRow, Void> {
    /** Native: "not a failure whose retry is due" is a negated pair of conditions, which a method name cannot say. */
    @Query("""
            SELECT * FROM nudge_claim
            WHERE team_id = :teamId AND claimed_at > :since AND NOT (status = 'FAILED' AND retry_after <= :now)""")
    List<NudgeClaimRow> findHeld(String teamId, Instant since, Instant now);

    /** Native: a row without a single-column id is updated by its whole key. */
    @Query("""
            UPDATE nudge_claim SET status = :status, retry_after = :retryAfter
            WHERE team_id = :teamId AND kind = :kind AND claim_key = :claimKey""")
    void settle(String teamId, String kind, String claimKey, String status, @Nullable Instant retryAfter);
}
