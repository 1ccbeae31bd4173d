package io.coebot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which commits may skip waiting for the disk. PostgreSQL runs with fsync and {@code synchronous_commit} on, and every
 * commit waits for its WAL to be flushed unless it says otherwise here, for its own transaction only.
 *
 * <p>A transaction may commit without waiting when both hold: losing it in a power cut is recovered from a record
 * that is already on disk, and nothing outside the database happens on its account before a later synchronous commit.
 * The WAL is flushed in order, so a later synchronous commit makes every earlier one durable first; the outbox's claim,
 * committed synchronously before each call to Slack, is that commit for everything a message's handling queued.
 * <ul>
 *   <li>the inbox's claim and a message's handling: the inbox row stays on disk until a later commit deletes it, so a
 *       lost handling is handled again (and the features' event record makes a handling that did survive a no-op);</li>
 *   <li>what Slack said about a sent message: a row lost back to SENDING is looked up in Slack before it is sent again.</li>
 * </ul>
 * Never the ack's INSERT into the inbox (Slack will not send the event again) nor a claim that precedes a call out.
 */
public final class Durability {
    private Durability() {}

    /** For the rest of the current transaction: commit without waiting for the disk. */
    public static void flushLater(Connection inTransaction) {
        try (Statement s = inTransaction.createStatement()) {
            s.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not relax this transaction's commit: " + e.getSQLState(), e);
        }
    }
}
