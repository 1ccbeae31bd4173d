package io.coebot.store;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Commit state before talking: features write what they want to say in the same transaction as
 * the change, and {@code io.coebot.slack.SlackGateway} sends it after commit. A crash between the
 * two loses nothing (the row is still pending at restart), and a failed send never rolls back or
 * repeats the change that decided it.
 *
 * <p>Its statements stay hand-written: a queue's leases (claims and superseded edits taken with FOR UPDATE SKIP
 * LOCKED, compare-and-set on the claim, RETURNING what was taken), which Micronaut Data's repositories cannot say; the
 * insert and the plain updates stay beside them, so the queue's whole life reads in one place on the hottest path.
 */
@Singleton
public class Outbox {
    /** Published in the enqueuing transaction; the gateway listens after commit to send at once. */
    public record Enqueued(long id) {}

    /**
     * The owner of one kind of message ({@link OutboundMessage#ownedBy}), told inside the sending transaction what
     * became of its messages, and of no one else's: the ts, or that there will never be one.
     */
    public interface Owner {
        OwnerKind kind();

        void sent(MessageOwner owner, PendingMessage message, String ts);

        /** Slack refused the message for good (or we gave up retrying): it will never have a ts. */
        default void failed(MessageOwner owner, PendingMessage message) {}
    }

    /** A message to send, with what became of its last attempt ({@code lastError}) and when it was queued. */
    public record PendingMessage(long id, OutboundMessage message, int attempts, String lastError, Instant createdAt,
                                 boolean wasSending) {}

    /**
     * A message this sender holds: {@code claim} identifies the hold; {@code maybeSent} says Slack may already have
     * it (an earlier sender died or timed out while sending), so it must be looked up before it is sent again.
     */
    public record Claimed(PendingMessage pending, long claim, boolean maybeSent) {}

    /**
     * A message a sender may take now: queued and due, or left SENDING by a sender whose lease is over. Its two
     * parameters are now, twice.
     */
    private static final String DUE =
            "((o.status = 'PENDING' AND o.next_attempt_at <= ?) OR (o.status = 'SENDING' AND o.sending_until <= ?))";

    /** The last error of a POST whose answer never came: Slack may have it. */
    public static final String MAYBE_POSTED = "maybe_posted";

    private final java.util.random.RandomGenerator claims = new java.security.SecureRandom();

    private final JdbcOperations jdbc;
    private final ApplicationEventPublisher<Enqueued> events;

    public Outbox(JdbcOperations jdbc, ApplicationEventPublisher<Enqueued> events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** What the operator's metrics show of the queue: messages not sent yet and since when, messages refused for good. */
    public record Backlog(long unsent, Optional<Instant> oldestUnsent, long failed) {}

    /** One statement (aggregates, which a repository method cannot say), in a transaction of its own if none is open. */
    @Transactional
    public Backlog backlog() {
        return jdbc.prepareStatement("""
                SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),
                       min(created_at) FILTER (WHERE status IN ('PENDING', 'SENDING')),
                       count(*) FILTER (WHERE status = 'FAILED')
                FROM outbox""", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new Backlog(rs.getLong(1), Optional.ofNullable(oldest).map(Timestamp::toInstant), rs.getLong(3));
            }
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long enqueue(OutboundMessage m, Instant now) {
        if (m.kind() == OutboundMessage.Kind.UPDATE && m.cardOfCoe() != null) {
            // Only the newest card matters; skip rows the gateway is sending right now.
            jdbc.prepareStatement("""
                    DELETE FROM outbox WHERE id IN (
                      SELECT id FROM outbox WHERE status = 'PENDING' AND kind = 'UPDATE' AND card_of_coe = ?
                      FOR UPDATE SKIP LOCKED)""", ps -> {
                ps.setLong(1, m.cardOfCoe());
                return ps.executeUpdate();
            });
        }
        if (m.kind() == OutboundMessage.Kind.UPDATE && m.cardOfCoe() == null && m.threadOwnerKind() != null) {
            // The same for a thread's root message (a 5 Whys tree): only its newest rendering matters.
            jdbc.prepareStatement("""
                    DELETE FROM outbox WHERE id IN (
                      SELECT id FROM outbox WHERE status = 'PENDING' AND kind = 'UPDATE' AND card_of_coe IS NULL
                        AND thread_owner_kind = ? AND thread_owner_id = ?
                      FOR UPDATE SKIP LOCKED)""", ps -> {
                ps.setString(1, m.threadOwnerKind().stored());
                ps.setLong(2, m.threadOwnerId());
                return ps.executeUpdate();
            });
        }
        if (m.kind() == OutboundMessage.Kind.UPDATE && m.messageTs() != null) {
            // And for one known message: an older edit still waiting would only flash by.
            jdbc.prepareStatement("""
                    DELETE FROM outbox WHERE id IN (
                      SELECT id FROM outbox WHERE status = 'PENDING' AND kind = 'UPDATE' AND team_id = ? AND channel_id = ?
                        AND message_ts = ?
                      FOR UPDATE SKIP LOCKED)""", ps -> {
                ps.setString(1, m.teamId());
                ps.setString(2, m.channelId());
                ps.setString(3, m.messageTs());
                return ps.executeUpdate();
            });
        }
        long id = jdbc.prepareStatement("""
                INSERT INTO outbox (team_id, channel_id, kind, thread_owner_kind, thread_owner_id, card_of_coe, text,
                                    blocks, response_url, owner_kind, owner_id, owner_part, file_name, message_ts, file_bytes,
                                    status, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) RETURNING id""", ps -> {
            ps.setString(1, m.teamId());
            ps.setString(2, m.channelId());
            ps.setString(3, m.kind().name());
            ps.setString(4, m.threadOwnerKind() == null ? null : m.threadOwnerKind().stored());
            setLong(ps, 5, m.threadOwnerId());
            setLong(ps, 6, m.cardOfCoe());
            ps.setString(7, m.text());
            ps.setString(8, m.blocksJson());
            ps.setString(9, m.responseUrl());
            MessageOwner owner = m.owner();
            ps.setString(10, owner == null ? null : owner.kind().stored());
            setLong(ps, 11, owner == null ? null : owner.id());
            ps.setString(12, owner == null ? null : owner.part());
            ps.setString(13, m.fileName());
            ps.setString(14, m.messageTs());
            ps.setBytes(15, m.fileBytes());
            ps.setTimestamp(16, Timestamp.from(now));
            ps.setTimestamp(17, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        events.publishEvent(new Enqueued(id));
        return id;
    }

    /**
     * Claims the oldest due message whose channel has nothing earlier still to send, and marks it SENDING; the caller
     * commits that before it calls Slack. Per-channel order means a question never overtakes its echo, also with
     * several senders and several app instances on one database: a row another sender holds is skipped (SKIP LOCKED),
     * and while it is locked or SENDING it still counts as "earlier, unsent", so its channel waits for it. Different
     * channels go in parallel. Edits (UPDATE) are the one exception: a post does not wait behind an edit of another
     * message (a card's overview may be held back a second to gather answers, or paused by a 429 on chat.update), but
     * an edit waits for every earlier post (it may be the message it edits) and for earlier edits of its message.
     * A message still SENDING after its lease belonged to a sender that died (or hung) after calling Slack, maybe
     * after Slack accepted it: it is claimed again with {@link Claimed#maybeSent()} set, and looked up before it is
     * sent again.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Claimed> claimNext(Instant now, Duration lease) {
        return claim("""
                SELECT o.id, o.status AS was FROM outbox o
                WHERE o.status IN ('PENDING', 'SENDING')
                  AND """ + DUE + """
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.status IN ('PENDING', 'SENDING') AND p.team_id = o.team_id
                                  AND p.channel_id = o.channel_id AND p.id < o.id
                                  AND (p.kind <> 'UPDATE'
                                       OR (o.kind = 'UPDATE' AND p.card_of_coe IS NOT DISTINCT FROM o.card_of_coe
                                           AND p.thread_owner_kind IS NOT DISTINCT FROM o.thread_owner_kind
                                           AND p.thread_owner_id IS NOT DISTINCT FROM o.thread_owner_id
                                           AND p.message_ts IS NOT DISTINCT FROM o.message_ts)))
                ORDER BY o.id LIMIT 1 FOR UPDATE SKIP LOCKED""", now, lease, null, null);
    }

    /**
     * The next message of one channel, if it is the channel's first unsent message and due: the quick claim of a
     * sender that has just sent in this channel (an index lookup, where {@link #claimNext} scans the queue). Nothing
     * when another sender holds it or it must wait; the sender then looks across channels.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Claimed> claimNextIn(String teamId, String channelId, Instant now, Duration lease) {
        return claim("""
                SELECT o.id, o.status AS was FROM outbox o
                WHERE o.id = (SELECT h.id FROM outbox h WHERE h.team_id = ? AND h.channel_id = ?
                                AND h.status IN ('PENDING', 'SENDING') ORDER BY h.id LIMIT 1)
                  AND """ + DUE + """
                FOR UPDATE SKIP LOCKED""", now, lease, teamId, channelId);
    }

    /**
     * Marks the message {@code pick} selects (and locks) as SENDING, in one statement; the CTE keeps what its status
     * was. {@code pick}'s parameters: the team and channel when given, then now twice.
     */
    private Optional<Claimed> claim(String pick, Instant now, Duration lease, String teamId, String channelId) {
        long claim = claims.nextLong();
        Optional<PendingMessage> next = jdbc.prepareStatement("WITH next AS (" + pick + """
                )
                UPDATE outbox u SET status = 'SENDING', sending_until = ?, sending_claim = ?, attempts = u.attempts + 1
                FROM next WHERE u.id = next.id
                RETURNING u.*, next.was""", ps -> {
            int i = 1;
            if (teamId != null) {
                ps.setString(i++, teamId);
                ps.setString(i++, channelId);
            }
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setTimestamp(i++, Timestamp.from(now.plus(lease)));
            ps.setLong(i, claim);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
        if (next.isEmpty()) {
            return Optional.empty();
        }
        PendingMessage m = next.get();
        boolean maybeSent = m.wasSending() || MAYBE_POSTED.equals(m.lastError());
        return Optional.of(new Claimed(m, claim, maybeSent));
    }

    /**
     * Locks a claimed message again, after Slack answered, to record the outcome. False when the claim was lost
     * (the lease ran out and another sender took it over; that one decides what became of the message).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean stillClaimed(Claimed claimed) {
        return jdbc.prepareStatement("SELECT 1 FROM outbox WHERE id = ? AND status = 'SENDING' AND sending_claim = ? FOR UPDATE",
                ps -> {
                    ps.setLong(1, claimed.pending().id());
                    ps.setLong(2, claimed.claim());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /**
     * Records that Slack has the message, if this sender still holds it (one statement: the check and the write).
     * False when the claim was lost, as in {@link #stillClaimed}.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean markSent(Claimed claimed, String ts) {
        return jdbc.prepareStatement("""
                UPDATE outbox SET status = 'SENT', sent_ts = ?, last_error = NULL, sending_until = NULL
                WHERE id = ? AND status = 'SENDING' AND sending_claim = ?""", ps -> {
            ps.setString(1, ts);
            ps.setLong(2, claimed.pending().id());
            ps.setLong(3, claimed.claim());
            return ps.executeUpdate() == 1;
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void markFailed(long id, String error) {
        update("UPDATE outbox SET status = 'FAILED', last_error = ?, sending_until = NULL WHERE id = ?", error, id);
    }

    /**
     * Back to the queue until {@code when}. A wait Slack asked for (429) is not a failed attempt, so the claim's
     * count is taken back; {@link #MAYBE_POSTED} as the error marks a message whose answer never came, so the next
     * try looks for it first.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void retryAt(long id, Instant when, String error, boolean countAttempt) {
        jdbc.prepareStatement("""
                UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?, attempts = attempts - ?,
                                  sending_until = NULL, sending_claim = NULL
                WHERE id = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(when));
            ps.setString(2, error);
            ps.setInt(3, countAttempt ? 0 : 1);
            ps.setLong(4, id);
            return ps.executeUpdate();
        });
    }

    private void update(String sql, String text, long id) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, text);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    private static void setLong(java.sql.PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static MessageOwner ownerOf(ResultSet rs) throws SQLException {
        String kind = rs.getString("owner_kind");
        return kind == null ? null : new MessageOwner(OwnerKind.ofStored(kind), rs.getLong("owner_id"), rs.getString("owner_part"));
    }

    /** A row as the claim's {@code RETURNING u.*, next.was} gives it: its status and attempts as before the claim. */
    private static PendingMessage read(ResultSet rs) throws SQLException {
        Long threadOwnerId = rs.getObject("thread_owner_id") == null ? null : rs.getLong("thread_owner_id");
        Long cardOfCoe = rs.getObject("card_of_coe") == null ? null : rs.getLong("card_of_coe");
        var m = new OutboundMessage(OutboundMessage.Kind.valueOf(rs.getString("kind")), rs.getString("team_id"),
                rs.getString("channel_id"),
                rs.getString("thread_owner_kind") == null ? null : OwnerKind.ofStored(rs.getString("thread_owner_kind")), threadOwnerId, cardOfCoe, rs.getString("text"), rs.getString("blocks"),
                rs.getString("response_url"), ownerOf(rs), rs.getString("file_name"),
                rs.getString("message_ts"), rs.getBytes("file_bytes"));
        return new PendingMessage(rs.getLong("id"), m, rs.getInt("attempts") - 1, rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), "SENDING".equals(rs.getString("was")));
    }
}
