package io.coebot.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the bookkeeping tables small. Slack stops retrying an event after minutes, a
 * response_url dies after 30 minutes, and a sent message is only of use for diagnosis for a while.
 * Idempotent, so several instances may run it. Hand-written deletes by age across several features' tables
 * (bulk statements, no rows read), kept together so one place says how long each kind of record lives.
 */
@Singleton
class Housekeeping {
    private final JdbcOperations jdbc;

    private final Clock clock;

    public Housekeeping(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    @Transactional
    public void tidy() {
        Instant now = clock.instant();
        delete("DELETE FROM processed_event WHERE processed_at < ?", now.minus(Duration.ofDays(7)));
        delete("DELETE FROM outbox WHERE status = 'SENT' AND created_at < ?", now.minus(Duration.ofDays(7)));
        delete("DELETE FROM outbox WHERE status = 'FAILED' AND created_at < ?", now.minus(Duration.ofDays(30)));
        // Seen messages only spare a history call when a recent message is pinned; old claims are never planned again.
        delete("DELETE FROM timeline_seen_message WHERE seen_at < ?", now.minus(Duration.ofDays(30)));
        delete("DELETE FROM nudge_claim WHERE claimed_at < ?", now.minus(Duration.ofDays(30)));
        // A message event whose handling kept failing, kept for the operator to look into.
        delete("DELETE FROM message_inbox WHERE status = 'FAILED' AND received_at < ?", now.minus(Duration.ofDays(30)));
        delete("UPDATE outbox SET response_url = NULL WHERE response_url IS NOT NULL AND status NOT IN ('PENDING', 'SENDING') AND created_at < ?",
                now.minus(Duration.ofHours(1)));
        // An uploaded image (a graph, ~100 KB) is kept with its COE in coe_graph; the outbox's copy is not needed once sent.
        delete("UPDATE outbox SET file_bytes = NULL WHERE file_bytes IS NOT NULL AND status = 'SENT' AND created_at < ?",
                now.minus(Duration.ofHours(1)));
    }

    private void delete(String sql, Instant before) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        });
    }
}
