package io.coebot.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * GET /metrics in the Prometheus text format, for the operator's scraper: Micronaut's binders (JVM, the database
 * pool, HTTP) and coe-bot's own meters (Slack requests and Web API calls, the outbox and inbox, nudges). Only with
 * COE_METRICS_ENABLED=true; otherwise the path does not exist. No label holds a token, an id or anything a person
 * wrote.
 */
@Controller("/metrics")
@Requires(property = "micronaut.metrics.enabled", value = "true")
class MetricsController {
    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = "text/plain; version=0.0.4; charset=utf-8")
    String scrape() {
        return registry.scrape();
    }
}
