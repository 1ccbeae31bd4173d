package io.coebot.graphs;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code /coe graph} requests not yet answered ({@code graph_request}): stored before the command is answered,
 * claimed by one worker at a time under a lease, and ended (drawn or failed) only by the worker that still holds the
 * claim, so a request taken over after a lost lease is drawn once. Joins the caller's transaction.
 */
@Transactional
@Singleton
class GraphRequests {
    /** A request as the worker that claimed it holds it: {@code claim} proves it still does. */
    record Claimed(long id, long claim, String teamId, long coeId, String by, GraphRequest.Draw draw, String responseUrl,
                   Instant requestedAt, int attempts) {}

    private static final String WAITING = "waiting";

    private final JdbcOperations jdbc;
    private final GraphRequestRepository requests;
    private final SecureRandom claims = new SecureRandom();

    GraphRequests(JdbcOperations jdbc, GraphRequestRepository requests) {
        this.jdbc = jdbc;
        this.requests = requests;
    }

    long add(String teamId, long coeId, String by, GraphRequest.Draw draw, String responseUrl, Instant now) {
        return requests.save(new GraphRequestRow(null, teamId, coeId, by, draw.query(), draw.title(), responseUrl,
                WAITING, null, 0, null, null, now, null)).id();
    }

    /** The oldest waiting request nobody holds (never claimed, released, or its holder's lease ran out). */
    Optional<Claimed> claimNext(Instant now, Duration lease) {
        long claim = claims.nextLong();
        // Hand-written: FOR UPDATE SKIP LOCKED inside an UPDATE … RETURNING, which Micronaut Data cannot say.
        return jdbc.prepareStatement("""
                WITH next AS (
                  SELECT id FROM graph_request
                  WHERE status = 'waiting' AND (claimed_until IS NULL OR claimed_until <= ?)
                  ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE graph_request g SET claim = ?, claimed_until = ?, attempts = g.attempts + 1
                FROM next WHERE g.id = next.id
                RETURNING g.*""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, claim);
            ps.setTimestamp(3, Timestamp.from(now.plus(lease)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /**
     * Ends the request as drawn or failed, if {@code c} still holds it; the response_url goes with it (nothing is told
     * through it afterwards). False when another worker has taken it over: that one answers.
     */
    boolean end(Claimed c, boolean drawn, String reason, Instant now) {
        return requests.finish(c.id(), c.claim(), drawn ? "drawn" : "failed", reason, now) == 1;
    }

    /** Gives the request back at once (this instance is stopping), for the next start or another instance. */
    void release(Claimed c) {
        requests.release(c.id(), c.claim());
    }

    private static Claimed read(ResultSet rs) throws SQLException {
        return new Claimed(rs.getLong("id"), rs.getLong("claim"), rs.getString("team_id"), rs.getLong("coe_id"),
                rs.getString("requested_by"), new GraphRequest.Draw(rs.getString("query"), rs.getString("title")),
                rs.getString("response_url"), rs.getTimestamp("requested_at").toInstant(), rs.getInt("attempts"));
    }
}
