package io.coebot.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What an operator watches of the Slack side (GET /metrics, issue 22): Slack's requests to us by type with their
 * latency, and our Web API calls by method and result. With metrics off (the default) there is no registry and this
 * records nothing. Labels hold only names from a fixed set (request types, method names, Slack's error codes), never
 * a token, an id or anything a person wrote.
 */
@Singleton
class SlackMetrics {
    private final MeterRegistry registry;

    public SlackMetrics(Optional<MeterRegistry> registry) {
        this.registry = registry.orElse(null);
    }

    /** One request from Slack, answered with {@code status} after {@code took}. */
    void request(String type, int status, Duration took) {
        if (registry == null) {
            return;
        }
        Timer.builder("coe.slack.requests").description("Requests from Slack, by type and the status we answered")
                .tag("type", type.toLowerCase(Locale.ROOT)).tag("status", String.valueOf(status))
                .publishPercentileHistogram().register(registry).record(took);
    }

    /**
     * One Web API call the outbox made: {@code result} is ok, rate_limited, transient or permanent, {@code error}
     * Slack's error code (or our word for a network failure), "none" when it went through.
     */
    void apiCall(String method, String result, String error) {
        if (registry == null) {
            return;
        }
        Counter.builder("coe.slack.api.calls").description("Web API calls made by the outbox, by method and result")
                .tag("method", method).tag("result", result).tag("error", error == null ? "none" : error)
                .register(registry).increment();
    }
}
