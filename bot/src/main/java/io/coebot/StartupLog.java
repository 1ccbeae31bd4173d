package io.coebot;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * One INFO line once the bot answers HTTP, saying where its start-up seconds went, so that an operator (and the
 * start-up benchmark, which reads it) can tell a slow JVM from a slow database without a profiler. The database's
 * own share (PostgreSQL start, the schema check) is logged by those steps; they run inside the context's start.
 */
@Singleton
class StartupLog {
    private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

    private volatile long contextStartedAt;

    @EventListener
    void contextStarted(StartupEvent event) {
        contextStartedAt = System.currentTimeMillis();
    }

    @EventListener
    void serverStarted(ServerStartupEvent event) {
        long now = System.currentTimeMillis();
        long mainAt = Application.mainEnteredAt();
        // The kernel's start time of this process: the JVM's own start-up (before main) is invisible from inside otherwise.
        Optional<Long> jvmAt = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli);
        if (mainAt == 0 || jvmAt.isEmpty() || contextStartedAt == 0) {
            // started by a test's ApplicationContext rather than main: only the part we saw
            LOG.debug("HTTP server up");
            return;
        }
        LOG.info("Started in {} ms: JVM {} ms before main, application context {} ms (PostgreSQL and the schema included), "
                        + "HTTP server {} ms",
                now - jvmAt.get(), mainAt - jvmAt.get(), contextStartedAt - mainAt, now - contextStartedAt);
    }
}
