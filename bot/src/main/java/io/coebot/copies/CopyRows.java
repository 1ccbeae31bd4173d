package io.coebot.copies;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code coe_copy} rows: which COE is copied where, the copy once it exists, and what is still to write
 * ({@code wanted > pushed}). Claimed as the trackers' rows are: SKIP LOCKED so two instances never hold one row, a
 * lease so a writer that died leaves it to another, a claim number so a late answer cannot overwrite a takeover.
 */
@Singleton
class CopyRows {
    /** One row; {@code wasSending}: a writer's lease ran out while it held the row (it may have created the copy). */
    record Row(long coeId, String teamId, String target, String remoteId, String url, String body, String publishedBy,
               int version, int wanted, int pushed, int attempts, boolean maybeCreated, String lastError, boolean refused,
               boolean wasSending) {
        boolean pending() {
            return wanted > pushed;
        }
    }

    record Claimed(Row row, long claim) {}

    private final JdbcOperations jdbc;
    private final CopyRepository copies;
    private final SecureRandom claims = new SecureRandom();

    CopyRows(JdbcOperations jdbc, CopyRepository copies) {
        this.jdbc = jdbc;
        this.copies = copies;
    }

    /**
     * A publish: write this body (again). A row waiting out a back-off keeps its time, and the next write sends this
     * body; one that failed for good (refused) is tried at once, since the person may have fixed it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void want(String teamId, long coeId, String target, String body, String publishedBy, int version, Instant now) {
        copies.want(coeId, teamId, target, body, publishedBy, version, now);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<Claimed> claimNext(Instant now, Duration lease) {
        long claim = claims.nextLong();
        // Hand-written: FOR UPDATE SKIP LOCKED inside an UPDATE … RETURNING, which Micronaut Data cannot say.
        return jdbc.prepareStatement("""
                WITH next AS (
                  SELECT coe_id, target, sending_until IS NOT NULL AS was_sending FROM coe_copy
                  WHERE wanted > pushed AND next_attempt_at <= ? AND (sending_until IS NULL OR sending_until <= ?)
                  ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE coe_copy c SET sending_until = ?, sending_claim = ?, attempts = c.attempts + 1
                FROM next WHERE c.coe_id = next.coe_id AND c.target = next.target
                RETURNING c.*, next.was_sending""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now.plus(lease)));
            ps.setLong(4, claim);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Claimed(read(rs, rs.getBoolean("was_sending")), claim)) : Optional.empty();
            }
        });
    }

    /** The place has the body as claimed: its id, its link and the version, with the check that the claim is ours. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean succeeded(Claimed c, Written w) {
        return copies.succeeded(c.row().coeId(), c.row().target(), c.claim(), w.remoteId(), w.url(), c.row().wanted()) == 1;
    }

    /** Back to the queue until {@code when}; a wait the remote asked for is not a failed attempt. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean retryAt(Claimed c, Instant when, String error, boolean refused, boolean maybeCreated, boolean countAttempt) {
        return copies.retryAt(c.row().coeId(), c.row().target(), c.claim(), when, error, refused, maybeCreated,
                countAttempt ? 0 : 1) == 1;
    }

    /** A COE's copies, in the order the one message lists them. */
    @Transactional
    List<Row> of(long coeId) {
        return copies.findByIdCoeId(coeId).stream().map(CopyRow::toRow).sorted(Comparator.comparing(Row::target)).toList();
    }

    private static Row read(ResultSet rs, boolean wasSending) throws SQLException {
        return new Row(rs.getLong("coe_id"), rs.getString("team_id"), rs.getString("target"), rs.getString("remote_id"),
                rs.getString("url"), rs.getString("body"), rs.getString("published_by"), rs.getInt("version"),
                rs.getInt("wanted"), rs.getInt("pushed"), rs.getInt("attempts"), rs.getBoolean("maybe_created"),
                rs.getString("last_error"), rs.getBoolean("refused"), wasSending);
    }
}
