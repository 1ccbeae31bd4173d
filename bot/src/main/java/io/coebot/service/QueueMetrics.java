package io.coebot.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The durable queues as an operator sees them, read from the database when scraped (so every instance on one
 * database reports the same): messages the outbox has still to send and how old the oldest is, message events
 * acknowledged but not yet handled. A growing age means Slack is refusing or slow, or no sender is running.
 *
 * <p>Bound once the app has started, not as a MeterBinder: binders are built with the registry, before the embedded
 * PostgreSQL is known, and would open the database pool against the wrong address.
 *
 * <p>Hand-written: aggregates (count, min) over the store's queue tables, one statement a gauge; they belong behind
 * read methods of the outbox and inbox once those have their repositories (io.coebot.store, io.coebot.slack).
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class QueueMetrics {
    private final JdbcOperations jdbc;
    private final MeterRegistry registry;
    private final Clock clock;

    QueueMetrics(JdbcOperations jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        Gauge.builder("coe.outbox.unsent", this, q -> q.count("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')"))
                .description("Messages queued for Slack and not sent yet").register(registry);
        Gauge.builder("coe.outbox.oldest.unsent.age", this, QueueMetrics::oldestUnsentSeconds).baseUnit("seconds")
                .description("How long the oldest message not sent yet has waited").register(registry);
        Gauge.builder("coe.outbox.failed", this, q -> q.count("SELECT count(*) FROM outbox WHERE status = 'FAILED'"))
                .description("Messages Slack refused for good (kept 30 days)").register(registry);
        Gauge.builder("coe.inbox.unhandled", this, q -> q.count("SELECT count(*) FROM message_inbox WHERE status = 'PENDING'"))
                .description("Message events acknowledged to Slack and not handled yet").register(registry);
    }

    @Transactional
    protected double count(String sql) {
        return jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (double) rs.getLong(1);
            }
        });
    }

    @Transactional
    protected double oldestUnsentSeconds() {
        return jdbc.prepareStatement("SELECT min(created_at) FROM outbox WHERE status IN ('PENDING', 'SENDING')", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? 0.0 : Math.max(0, clock.millis() - t.getTime()) / 1000.0;
            }
        });
    }
}
