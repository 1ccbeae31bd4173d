package io.coebot.graphs;

import io.coebot.timeline.Milestone;
import io.coebot.timeline.MilestoneTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The stretch of time a graph of the incident shows: from 30 minutes before the trigger (so the reader sees what
 * "normal" looked like) to 30 minutes after resolution (so the recovery shows), or to now while the incident is not
 * resolved; and the query step that gives about {@link #POINTS} points over it, few enough to read and for any
 * Prometheus-compatible server to answer quickly, many enough that a five-minute spike still shows.
 *
 * @param step whole seconds, at least one (Prometheus takes fractions, but no incident graph needs them)
 */
record IncidentWindow(Instant from, Instant to, Duration step) {
    static final Duration MARGIN = Duration.ofMinutes(30);
    static final int POINTS = 300;

    public IncidentWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("An incident window must end after it starts: " + from + " to " + to);
        }
    }

    /**
     * The window the COE's milestones give at {@code now}; empty when no milestone is known yet. Without a trigger
     * the earliest known milestone stands in for it (the graph then starts later than it should, but shows the
     * incident); a resolution in the future of {@code now}'s clock is cut at now, where the data ends.
     */
    public static Optional<IncidentWindow> of(MilestoneTimes milestones, Instant now) {
        Instant start = null;
        for (Milestone m : Milestone.values()) {
            Instant t = milestones.time(m).orElse(null);
            if (t != null && (start == null || t.isBefore(start))) {
                start = t;
            }
        }
        if (start == null) {
            return Optional.empty();
        }
        Instant from = start.minus(MARGIN);
        Instant to = milestones.time(Milestone.RESOLVED).map(r -> r.plus(MARGIN)).orElse(now);
        if (to.isAfter(now)) {
            to = now;
        }
        if (!to.isAfter(from)) {
            to = from.plus(MARGIN.multipliedBy(2));
        }
        return Optional.of(new IncidentWindow(from, to, stepFor(Duration.between(from, to))));
    }

    static Duration stepFor(Duration length) {
        long seconds = Math.max(1, (length.getSeconds() + POINTS - 1) / POINTS);
        return Duration.ofSeconds(seconds);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
