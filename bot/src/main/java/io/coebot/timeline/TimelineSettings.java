package io.coebot.timeline;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The timeline's knobs (see README, Configuration). The import's pace defaults to a little under Slack's Tier 3
 * (about 50 calls a minute): commercially distributed apps outside the Marketplace get far less and must slow it
 * down with {@code coe.timeline.import.pace-millis}. How often due imports are looked for,
 * {@code coe.timeline.import.poll-millis}, is read by {@link TimelineImportJob}'s schedule.
 */
@Singleton
class TimelineSettings {
    private final String reaction;
    private final Duration gapThreshold;
    private final Duration importPace;
    private final int importPageSize;
    private final Duration importProgressEvery;

    public TimelineSettings(@Value("${coe.timeline.reaction:pushpin}") String reaction,
                            @Value("${coe.timeline.gap-minutes:15}") long gapMinutes,
                            @Value("${coe.timeline.import.pace-millis:1200}") long paceMillis,
                            @Value("${coe.timeline.import.page-size:200}") int pageSize,
                            @Value("${coe.timeline.import.progress-seconds:30}") long progressSeconds) {
        this.reaction = reaction == null || reaction.isBlank() ? "pushpin" : reaction.strip().replace(":", "");
        this.gapThreshold = Duration.ofMinutes(Math.max(0, gapMinutes));
        this.importPace = Duration.ofMillis(Math.max(0, paceMillis));
        this.importPageSize = Math.max(1, Math.min(999, pageSize));
        this.importProgressEvery = Duration.ofSeconds(Math.max(0, progressSeconds));
    }

    /** The emoji (name without colons) that pins a message to the timeline. */
    public String reaction() { return reaction; }
    public Duration gapThreshold() { return gapThreshold; }
    public Duration importPace() { return importPace; }
    public int importPageSize() { return importPageSize; }
    public Duration importProgressEvery() { return importProgressEvery; }
}
