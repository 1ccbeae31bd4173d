package io.coebot.timeline;

import io.coebot.slack.SlackSettings;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the imports' due Web API calls, one after another, every {@code coe.timeline.import.poll-millis}; each
 * import paces itself through its next_call_at, so a poll finding nothing due costs one indexed read.
 */
@Singleton
final class TimelineImportJob {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineImportJob.class);

    private final TimelineImports imports;
    private final SlackSettings slackSettings;
    private volatile boolean stopping;

    TimelineImportJob(TimelineImports imports, SlackSettings slackSettings) {
        this.imports = imports;
        this.slackSettings = slackSettings;
    }

    @Scheduled(fixedDelay = "${coe.timeline.import.poll-millis:1000}ms",
            initialDelay = "${coe.timeline.import.poll-millis:1000}ms")
    void run() {
        if (!slackSettings.ready()) {
            return; // without Slack there is no history to read
        }
        try {
            while (!stopping && imports.step()) {
                // one due call after another
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("Timeline import paused until the next poll: {}", e.getClass().getSimpleName());
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
