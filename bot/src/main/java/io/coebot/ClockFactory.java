package io.coebot;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The application's one clock: everything that asks "what time is it?" (due dates, digests at 09:00, leases,
 * request freshness) injects this bean instead of reading the wall clock, so a test can run the whole app at a
 * time of its choosing, or move it forward. Lives next to {@code Application} because time belongs to no feature
 * and is neither Slack nor persistence (DESIGN keeps {@code slack/} and {@code store/} to those).
 * <p>
 * A clock registered before startup (a test's, see {@code RunningApp}) takes its place.
 */
@Factory
class ClockFactory {
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
