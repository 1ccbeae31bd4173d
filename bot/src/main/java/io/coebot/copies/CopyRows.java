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
import java.util.ArrayList;
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
    private final SecureRandom claims = new SecureRandom();

    CopyRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A publish: write this body (again). A row waiting out a back-off keeps its time, and the next write sends this
     * body; one that failed for good (refused) is tried at once, since the person may have fixed it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void want(String teamId, long coeId, String target, String body, String publishedBy, int version, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO coe_copy (coe_id, team_id, target, body, published_by, version, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (coe_id, target) DO UPDATE SET body = excluded.body, published_by = excluded.published_by,
                    version = excluded.version, wanted = coe_copy.wanted + 1,
                    next_attempt_at = CASE WHEN coe_copy.wanted = coe_copy.pushed OR coe_copy.refused
                                           THEN excluded.next_attempt_at ELSE coe_copy.next_attempt_at END,
                    refused = FALSE, attempts = CASE WHEN coe_copy.refused THEN 0 ELSE coe_copy.attempts END""", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, teamId);
            ps.setString(3, target);
            ps.setString(4, body);
            ps.setString(5, publishedBy);
            ps.setInt(6, version);
            ps.setTimestamp(7, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<Claimed> claimNext(Instant now, Duration lease) {
        long claim = claims.nextLong();
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
        return jdbc.prepareStatement("""
                UPDATE coe_copy SET remote_id = ?, url = ?, pushed = ?, attempts = 0, last_error = NULL, refused = FALSE,
                       maybe_created = FALSE, sending_until = NULL, sending_claim = NULL
                WHERE coe_id = ? AND target = ? AND sending_claim = ?""", ps -> {
            ps.setString(1, w.remoteId());
            ps.setString(2, w.url());
            ps.setInt(3, c.row().wanted());
            ps.setLong(4, c.row().coeId());
            ps.setString(5, c.row().target());
            ps.setLong(6, c.claim());
            return ps.executeUpdate() == 1;
        });
    }

    /** Back to the queue until {@code when}; a wait the remote asked for is not a failed attempt. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean retryAt(Claimed c, Instant when, String error, boolean refused, boolean maybeCreated, boolean countAttempt) {
        return jdbc.prepareStatement("""
                UPDATE coe_copy SET next_attempt_at = ?, last_error = ?, refused = ?, maybe_created = maybe_created OR ?,
                       attempts = attempts - ?, sending_until = NULL, sending_claim = NULL
                WHERE coe_id = ? AND target = ? AND sending_claim = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(when));
            ps.setString(2, error);
            ps.setBoolean(3, refused);
            ps.setBoolean(4, maybeCreated);
            ps.setInt(5, countAttempt ? 0 : 1);
            ps.setLong(6, c.row().coeId());
            ps.setString(7, c.row().target());
            ps.setLong(8, c.claim());
            return ps.executeUpdate() == 1;
        });
    }

    /** A COE's copies, in the order the one message lists them. */
    @Transactional
    List<Row> of(long coeId) {
        return jdbc.prepareStatement("SELECT *, FALSE AS was_sending FROM coe_copy WHERE coe_id = ? ORDER BY target", ps -> {
            ps.setLong(1, coeId);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, false));
                }
            }
            return out;
        });
    }

    private static Row read(ResultSet rs, boolean wasSending) throws SQLException {
        return new Row(rs.getLong("coe_id"), rs.getString("team_id"), rs.getString("target"), rs.getString("remote_id"),
                rs.getString("url"), rs.getString("body"), rs.getString("published_by"), rs.getInt("version"),
                rs.getInt("wanted"), rs.getInt("pushed"), rs.getInt("attempts"), rs.getBoolean("maybe_created"),
                rs.getString("last_error"), rs.getBoolean("refused"), wasSending);
    }
}
