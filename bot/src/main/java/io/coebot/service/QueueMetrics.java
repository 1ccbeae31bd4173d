package io.coebot.service;

import io.coebot.store.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The outbox as an operator sees it, read from the database when scraped (so every instance on one database reports
 * the same): messages it has still to send and how old the oldest is, and those Slack refused for good. A growing age
 * means Slack is refusing or slow, or no sender is running. (The inbox's gauge is {@code slack/InboxMetrics}.)
 *
 * <p>Bound once the app has started, not as a MeterBinder: binders are built with the registry, before the embedded
 * PostgreSQL is known, and would open the database pool against the wrong address.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class QueueMetrics {
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Clock clock;

    QueueMetrics(Outbox outbox, MeterRegistry registry, Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        Gauge.builder("coe.outbox.unsent", outbox, o -> o.backlog().unsent())
                .description("Messages queued for Slack and not sent yet").register(registry);
        Gauge.builder("coe.outbox.oldest.unsent.age", outbox, o -> o.backlog().oldestUnsent()
                        .map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis()) / 1000.0).orElse(0.0))
                .baseUnit("seconds").description("How long the oldest message not sent yet has waited").register(registry);
        Gauge.builder("coe.outbox.failed", outbox, o -> o.backlog().failed())
                .description("Messages Slack refused for good (kept 30 days)").register(registry);
    }
}
