package io.coebot.slack;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Message events acknowledged to Slack and not handled yet, read from the database when scraped (every instance on
 * one database reports the same). Bound once the app has started, for the reason {@code service/QueueMetrics} gives.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
class InboxMetrics {
    private final MessageInbox inbox;
    private final MeterRegistry registry;

    InboxMetrics(MessageInbox inbox, MeterRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        Gauge.builder("coe.inbox.unhandled", inbox, MessageInbox::unhandled)
                .description("Message events acknowledged to Slack and not handled yet").register(registry);
    }
}
