package io.coebot.timeline;

import io.coebot.interview.FromTrigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long the incident took to reach each milestone, every one measured from the trigger as {@link FromTrigger}
 * defines it for all of coe-bot. A component is null when either end is unknown, or when the milestone is before the
 * trigger (see {@link MilestoneTimes#disorder()}).
 */
public record IncidentDurations(Duration timeToDetect, Duration timeToDiagnose, Duration timeToMitigate,
                                Duration timeToResolve) {

    public static IncidentDurations from(MilestoneTimes times) {
        return new IncidentDurations(
                between(times, Milestone.DETECTED),
                between(times, Milestone.DIAGNOSED),
                between(times, Milestone.MITIGATED),
                between(times, Milestone.RESOLVED));
    }

    /** Time from the trigger to {@code m}; empty for the trigger itself and for unknown ones. */
    public Optional<Duration> to(Milestone m) {
        return Optional.ofNullable(switch (m) {
            case TRIGGER -> null;
            case DETECTED -> timeToDetect;
            case DIAGNOSED -> timeToDiagnose;
            case MITIGATED -> timeToMitigate;
            case RESOLVED -> timeToResolve;
        });
    }

    /**
     * "Time to detect: 12 minutes · to mitigate: 1 hour 5 minutes"; unknown ones are left out rather than shown as
     * blanks, and with none known this is empty (the card then shows nothing).
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            to(m).ifPresent(d -> parts.add((parts.isEmpty() ? "Time to " : "to ") + verb(m) + ": "
                    + TimelineTime.duration(d)));
        }
        return String.join(" · ", parts);
    }

    private static String verb(Milestone m) {
        return switch (m) {
            case TRIGGER -> "trigger";
            case DETECTED -> "detect";
            case DIAGNOSED -> "diagnose";
            case MITIGATED -> "mitigate";
            case RESOLVED -> "resolve";
        };
    }

    private static Duration between(MilestoneTimes times, Milestone m) {
        return FromTrigger.to(times.time(Milestone.TRIGGER).orElse(null), times.time(m).orElse(null)).orElse(null);
    }
}
