package io.coebot.slack;

import io.coebot.testing.EndToEnd;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox's promises on a real PostgreSQL, claim by claim: the oldest message of a channel first and a channel's
 * next only after it; other channels meanwhile; a copy of a queued event dropped; a dead worker's message taken
 * again after its lease; a message that keeps failing parked, after which its channel goes on. (The app's own workers
 * are kept out of the way: nothing here wakes them, and their poll comes once an hour.)
 */
class MessageInboxTest extends EndToEnd {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Override
    protected Map<String, Object> appProperties() {
        Map<String, Object> props = new HashMap<>(super.appProperties());
        props.put("coe.inbox.poll-millis", 3_600_000);
        return props;
    }

    private static ThreadMessage reply(String channel, String eventId, String ts, String text) {
        return new ThreadMessage(ThreadMessage.Change.POSTED, "T0INBOX", channel, eventId, "U0ALICE", true, false, ts,
                "1700000000.000100", text, "U0BOT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void inOrderPerChannelOnceEachTakenAgainAfterALeaseAndParkedWhenItKeepsFailing() {
        MessageInbox inbox = app.bean(MessageInbox.class);
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        assertTrue(accept(tx, inbox, reply("C0A", "Ev1", "1700000001.000100", "first in A"), now));
        assertTrue(accept(tx, inbox, reply("C0A", "Ev2", "1700000002.000100", "second in A"), now));
        assertTrue(accept(tx, inbox, reply("C0B", "Ev3", "1700000003.000100", "first in B"), now));
        assertFalse(accept(tx, inbox, reply("C0A", "Ev2", "1700000002.000100", "second in A"), now),
                "Slack's second delivery of a queued event is dropped");

        MessageInbox.Claimed firstA = claim(tx, inbox, now).orElseThrow();
        assertEquals("first in A", firstA.message().text());
        MessageInbox.Claimed firstB = claim(tx, inbox, now).orElseThrow();
        assertEquals("first in B", firstB.message().text(), "B goes on while A's first is held");
        tx.executeWrite(s -> {
            inbox.handled(firstB.id());
            return null;
        });
        assertTrue(claim(tx, inbox, now).isEmpty(), "A's second waits for A's first");
        assertTrue(claim(tx, inbox, now.plus(LEASE).minusSeconds(1)).isEmpty(), "held while its worker may still be at it");

        // the worker died: after the lease another takes the message again, whole
        MessageInbox.Claimed again = claim(tx, inbox, now.plus(LEASE).plusSeconds(1)).orElseThrow();
        assertEquals(firstA.id(), again.id());
        assertEquals(firstA.message(), again.message());
        assertEquals(2, again.attempts());

        // handling keeps failing: tried again after a pause each time, then parked
        Instant t = now.plus(LEASE).plusSeconds(1);
        MessageInbox.Claimed failing = again;
        while (true) {
            MessageInbox.Claimed f = failing;
            Instant at = t;
            Optional<Instant> retryAt = tx.executeWrite(s -> inbox.failed(f, at, "IllegalStateException"));
            if (retryAt.isEmpty()) { // parked
                assertEquals(MessageInbox.MAX_ATTEMPTS, f.attempts());
                break;
            }
            assertTrue(claim(tx, inbox, t).isEmpty(), "backing off, and A's second still waits behind it");
            t = t.plus(Duration.ofMinutes(2));
            failing = claim(tx, inbox, t).orElseThrow();
            assertEquals(firstA.id(), failing.id());
        }
        MessageInbox.Claimed secondA = claim(tx, inbox, t).orElseThrow();
        assertEquals("second in A", secondA.message().text(), "A goes on once its broken message is parked");
        tx.executeWrite(s -> {
            inbox.handled(secondA.id());
            return null;
        });
        assertTrue(claim(tx, inbox, t.plus(Duration.ofHours(1))).stream().noneMatch(c -> c.id() == secondA.id()), "handled is gone");
    }

    private static boolean accept(TransactionOperations<Connection> tx, MessageInbox inbox, ThreadMessage m, Instant now) {
        Boolean accepted = tx.executeWrite(s -> inbox.accept(m, now));
        return accepted;
    }

    private static Optional<MessageInbox.Claimed> claim(TransactionOperations<Connection> tx, MessageInbox inbox, Instant now) {
        return tx.executeWrite(s -> inbox.claimNext(now, LEASE));
    }
}
