package io.coebot.slack;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Message events kept between Slack's ack and their handling: one INSERT, committed before the ack, so nothing
 * acknowledged is lost; then claimed one at a time, in order per channel (a thread's replies are answers in the order
 * people wrote them), by the inbox's workers, possibly in several instances.
 * Its statements stay hand-written: an insert that skips a redelivered event (ON CONFLICT), a claim that picks and holds
 * in one statement (FOR UPDATE SKIP LOCKED … RETURNING), and the lease's release, on the hottest path there is.
 */
@Singleton
class MessageInbox {
    /** How often a message whose handling fails is tried again before it is parked (its channel then goes on). */
    static final int MAX_ATTEMPTS = 5;

    /** A message a worker holds until {@code working_until}; {@code attempts} counts this one. */
    record Claimed(long id, ThreadMessage message, int attempts) {}

    private final JdbcOperations jdbc;

    MessageInbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Message events acknowledged to Slack and not handled yet, for the operator's metrics (an aggregate: hand-written). */
    @Transactional
    long unhandled() {
        return jdbc.prepareStatement("SELECT count(*) FROM message_inbox WHERE status = 'PENDING'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** @return false when Slack delivered this event before and it is still queued */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean accept(ThreadMessage m, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO message_inbox (team_id, channel_id, event_id, change, user_id, human, from_bot, ts, thread_ts,
                                           text, our_bot_user_id, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (team_id, event_id) WHERE event_id IS NOT NULL DO NOTHING""", ps -> {
            ps.setString(1, m.teamId());
            ps.setString(2, m.channelId());
            ps.setString(3, m.eventId() == null || m.eventId().isBlank() ? null : m.eventId());
            ps.setString(4, m.change().name());
            ps.setString(5, m.userId());
            ps.setBoolean(6, m.human());
            ps.setBoolean(7, m.fromBot());
            ps.setString(8, m.ts());
            ps.setString(9, m.threadTs());
            ps.setString(10, m.text());
            ps.setString(11, m.ourBotUserId());
            ps.setTimestamp(12, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * The oldest message of a channel with nothing earlier left to handle, held for {@code lease}: a row another
     * worker holds is skipped (SKIP LOCKED) and, since it is still there until handled, keeps its channel's later
     * messages back. A worker that died leaves its message to be taken again once the lease is over; the features'
     * processed_event record makes a second handling of what the first committed a no-op.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<Claimed> claimNext(Instant now, Duration lease) {
        // one statement: pick and hold
        return jdbc.prepareStatement("""
                UPDATE message_inbox SET working_until = ?, attempts = attempts + 1
                WHERE id = (SELECT i.id FROM message_inbox i
                            WHERE i.status = 'PENDING' AND (i.working_until IS NULL OR i.working_until <= ?)
                              AND NOT EXISTS (SELECT 1 FROM message_inbox p WHERE p.status = 'PENDING'
                                              AND p.team_id = i.team_id AND p.channel_id = i.channel_id AND p.id < i.id)
                            ORDER BY i.id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void handled(long id) {
        jdbc.prepareStatement("DELETE FROM message_inbox WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    /**
     * Handling failed (the database was away, a bug): tried again after a pause that doubles, and after
     * {@link #MAX_ATTEMPTS} parked as FAILED, kept for the operator, so that one bad message does not stop its channel.
     *
     * @return when it will be tried again; empty when it was parked
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<Instant> failed(Claimed c, Instant now, String error) {
        boolean park = c.attempts() >= MAX_ATTEMPTS;
        Instant again = now.plusSeconds(1L << Math.min(c.attempts(), 6));
        jdbc.prepareStatement("UPDATE message_inbox SET status = ?, working_until = ?, last_error = ? WHERE id = ?", ps -> {
            ps.setString(1, park ? "FAILED" : "PENDING");
            ps.setTimestamp(2, Timestamp.from(again));
            ps.setString(3, error);
            ps.setLong(4, c.id());
            return ps.executeUpdate();
        });
        return park ? Optional.empty() : Optional.of(again);
    }

    private static Claimed read(ResultSet rs) throws SQLException {
        var m = new ThreadMessage(ThreadMessage.Change.valueOf(rs.getString("change")), rs.getString("team_id"),
                rs.getString("channel_id"), rs.getString("event_id"), rs.getString("user_id"), rs.getBoolean("human"),
                rs.getBoolean("from_bot"), rs.getString("ts"), rs.getString("thread_ts"), rs.getString("text"),
                rs.getString("our_bot_user_id"));
        return new Claimed(rs.getLong("id"), m, rs.getInt("attempts"));
    }
}
