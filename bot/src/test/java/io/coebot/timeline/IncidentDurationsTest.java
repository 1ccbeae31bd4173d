package io.coebot.timeline;

import static io.coebot.timeline.Entries.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentDurationsTest {

    private static IncidentDurations durations(Map<Milestone, Instant> times) {
        return IncidentDurations.from(MilestoneTimes.of(times));
    }

    @Test
    void everyDurationIsMeasuredFromTheTrigger() {
        IncidentDurations d = durations(Map.of(
                Milestone.TRIGGER, at(14, 0),
                Milestone.DETECTED, at(14, 12),
                Milestone.DIAGNOSED, at(14, 40),
                Milestone.MITIGATED, at(15, 5),
                Milestone.RESOLVED, at(14, 0).plus(Duration.ofHours(27))));

        assertEquals("Time to detect: 12 minutes · to diagnose: 40 minutes · to mitigate: 1 hour 5 minutes"
                + " · to resolve: 1 day 3 hours", d.summary());
        assertEquals(Duration.ofMinutes(40), d.timeToDiagnose());
    }

    @Test
    void aMissingMilestoneIsLeftOutNotShownAsZero() {
        IncidentDurations d = durations(Map.of(
                Milestone.TRIGGER, at(14, 0), Milestone.DETECTED, at(14, 12), Milestone.MITIGATED, at(15, 5)));

        assertEquals("Time to detect: 12 minutes · to mitigate: 1 hour 5 minutes", d.summary());
        assertEquals(Optional.empty(), d.to(Milestone.DIAGNOSED));
        assertEquals(Optional.empty(), d.to(Milestone.RESOLVED));
    }

    @Test
    void theFirstKnownDurationStartsTheSentence() {
        assertEquals("Time to mitigate: 1 hour 5 minutes",
                durations(Map.of(Milestone.TRIGGER, at(14, 0), Milestone.MITIGATED, at(15, 5))).summary());
    }

    @Test
    void withoutATriggerNothingCanBeMeasured() {
        IncidentDurations d = durations(Map.of(Milestone.DETECTED, at(14, 12), Milestone.MITIGATED, at(15, 5)));

        assertEquals("", d.summary());
        assertEquals(new IncidentDurations(null, null, null, null), d);
    }

    @Test
    void detectionAtTheTriggerReadsAsLessThanAMinute() {
        assertEquals("Time to detect: less than a minute",
                durations(Map.of(Milestone.TRIGGER, at(14, 0), Milestone.DETECTED, at(14, 0))).summary());
    }

    /**
     * Triggered at 00:30 Paris summer time on the night the clocks go back, mitigated at 03:30 winter time: the wall
     * clock says 3 hours, customers waited 4.
     */
    @Test
    void aDstChangeDuringTheIncidentNeitherAddsNorLosesAnHour() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant trigger = LocalDateTime.of(2026, 10, 25, 0, 30).atZone(paris).toInstant();
        Instant mitigated = LocalDateTime.of(2026, 10, 25, 3, 30).atZone(paris).toInstant();

        IncidentDurations d = durations(Map.of(Milestone.TRIGGER, trigger, Milestone.MITIGATED, mitigated));

        assertEquals(Duration.ofHours(4), d.timeToMitigate());
        assertEquals("Time to mitigate: 4 hours", d.summary());
    }

    @Test
    void theSpringForwardNightIsAnHourShorterThanTheWallClock() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant trigger = LocalDateTime.of(2026, 3, 29, 1, 30).atZone(paris).toInstant();
        Instant detected = LocalDateTime.of(2026, 3, 29, 3, 45).atZone(paris).toInstant();

        assertEquals("Time to detect: 1 hour 15 minutes",
                durations(Map.of(Milestone.TRIGGER, trigger, Milestone.DETECTED, detected)).summary());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "PT0S, less than a minute",
            "PT59.999999S, less than a minute",
            "PT1M, 1 minute",
            "PT38M, 38 minutes",
            "PT1H, 1 hour",
            "PT1H15M, 1 hour 15 minutes",
            "PT2H1M, 2 hours 1 minute",
            "PT24H, 1 day",
            "PT51H5M, 2 days 3 hours",
    })
    void durationsReadLikeSpeech(Duration d, String expected) {
        assertEquals(expected, TimelineTime.duration(d));
    }
}
