package io.coebot.timeline;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each milestone happened, resolved from the interview's answers and from entries marked with a milestone.
 *
 * <p>A marked entry wins over the interview's answer. The entry's time is the ts of a real message, recorded to
 * the microsecond when it happened; an interview answer is a time someone typed afterwards from memory, usually
 * rounded to the minute. (Marking is not reliably the later act: an answer can be edited after a mark.) Should
 * several entries carry the same milestone, the first in timeline order counts; the service is expected to move
 * a mark rather than add a second one.
 *
 * <p>The order trigger ≤ detected ≤ diagnosed ≤ mitigated ≤ resolved must hold, because the durations on the COE
 * card are measured between them and an inverted pair would make them lie. Equal times are allowed: a
 * deployment alarm can detect the trigger the second it happens.
 */
public final class MilestoneTimes {

    private final Map<Milestone, Instant> times;

    private MilestoneTimes(Map<Milestone, Instant> times) {
        this.times = times;
    }

    /** @param interviewAnswers the interview's answers, any milestone may be missing; {@code entries} in any order */
    public static MilestoneTimes resolve(Map<Milestone, Instant> interviewAnswers, List<TimelineEntry> entries) {
        Map<Milestone, Instant> times = new EnumMap<>(Milestone.class);
        interviewAnswers.forEach((m, t) -> {
            if (m != null && t != null) {
                times.put(m, t);
            }
        });
        Map<Milestone, Instant> marked = new EnumMap<>(Milestone.class);
        for (TimelineEntry e : Timeline.chronological(entries)) {
            if (e.milestone() != null) {
                marked.putIfAbsent(e.milestone(), e.occurredAt());
            }
        }
        times.putAll(marked);
        return new MilestoneTimes(times);
    }

    /** Times known from one source only, e.g. the interview's answers before any entry is marked. */
    public static MilestoneTimes of(Map<Milestone, Instant> times) {
        return resolve(times, List.of());
    }

    public Optional<Instant> time(Milestone m) {
        return Optional.ofNullable(times.get(m));
    }

    /** The resolved times, in milestone order; missing milestones are absent. */
    public Map<Milestone, Instant> asMap() {
        return Collections.unmodifiableMap(new EnumMap<>(times));
    }

    /**
     * Why setting {@code m} to {@code t} would put two milestones in an impossible order, as a sentence to show the
     * person who tried; null when it would not. The milestone's own current time is ignored, since it is being
     * replaced. Against several conflicting milestones, the earliest one in incident order is named.
     */
    public String conflict(Milestone m, Instant t) {
        for (Milestone other : Milestone.values()) {
            Instant otherTime = other == m ? null : times.get(other);
            if (otherTime == null) {
                continue;
            }
            if (other.compareTo(m) < 0 && t.isBefore(otherTime)) {
                return outOfOrder(m, t, other, otherTime);
            }
            if (other.compareTo(m) > 0 && t.isAfter(otherTime)) {
                return outOfOrder(other, otherTime, m, t);
            }
        }
        return null;
    }

    /**
     * The first impossible pair among the resolved times, or null. Each source is checked when it is set, but an
     * entry's mark and an interview answer are checked against different sets, so together they can still clash;
     * the card shows this sentence instead of durations that would be negative.
     */
    public String disorder() {
        for (Map.Entry<Milestone, Instant> e : times.entrySet()) {
            for (Milestone later : Milestone.values()) {
                Instant laterTime = times.get(later);
                if (later.compareTo(e.getKey()) > 0 && laterTime != null && laterTime.isBefore(e.getValue())) {
                    List<String> shown = TimelineTime.utcDistinct(laterTime, e.getValue());
                    String name = later.humanName();
                    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " (" + shown.get(0)
                            + ") is before " + e.getKey().humanName() + " (" + shown.get(1)
                            + "). Please check the milestone times.";
                }
            }
        }
        return null;
    }

    private static String outOfOrder(Milestone later, Instant laterTime, Milestone earlier, Instant earlierTime) {
        List<String> shown = TimelineTime.utcDistinct(laterTime, earlierTime);
        return "That would put " + later.humanName() + " (" + shown.get(0) + ") before "
                + earlier.humanName() + " (" + shown.get(1) + "). Please check the time.";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MilestoneTimes other && times.equals(other.times);
    }

    @Override
    public int hashCode() {
        return times.hashCode();
    }

    @Override
    public String toString() {
        return "MilestoneTimes" + times;
    }
}
