package io.coebot.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The median time to detect and to mitigate, per week over the last {@value #WEEKS} weeks and over all of them. A
 * COE counts in the week its incident was triggered; an unknown duration is left out rather than read as zero.
 * Medians, not means: one incident detected after three days would otherwise hide every other week. Pure.
 */
final class TrendMedians {
    static final int WEEKS = 12;

    /** One incident's known durations (either may be null). */
    record Incident(Instant trigger, Duration toDetect, Duration toMitigate) {}

    /** One week's medians (null: no incident that week knew that duration). */
    record Week(Instant start, Duration detect, Duration mitigate, int incidents) {}

    record Trend(List<Week> weeks, Duration detect, Duration mitigate) {}

    private TrendMedians() {
    }

    /** {@code end}: the end of the latest week; the weeks are the {@value #WEEKS} seven-day spans before it. */
    static Trend over(List<Incident> incidents, Instant end) {
        List<Week> weeks = new ArrayList<>();
        List<Duration> allDetect = new ArrayList<>();
        List<Duration> allMitigate = new ArrayList<>();
        for (int w = WEEKS; w >= 1; w--) {
            Instant from = end.minus(Duration.ofDays(7L * w));
            Instant to = from.plus(Duration.ofDays(7));
            List<Duration> detect = new ArrayList<>();
            List<Duration> mitigate = new ArrayList<>();
            int n = 0;
            for (Incident i : incidents) {
                if (i.trigger() == null || i.trigger().isBefore(from) || !i.trigger().isBefore(to)) {
                    continue;
                }
                n++;
                if (i.toDetect() != null) {
                    detect.add(i.toDetect());
                }
                if (i.toMitigate() != null) {
                    mitigate.add(i.toMitigate());
                }
            }
            allDetect.addAll(detect);
            allMitigate.addAll(mitigate);
            weeks.add(new Week(from, median(detect), median(mitigate), n));
        }
        return new Trend(weeks, median(allDetect), median(allMitigate));
    }

    /** The middle one, or the mean of the two middle ones; null for none. */
    static Duration median(List<Duration> ds) {
        if (ds.isEmpty()) {
            return null;
        }
        List<Duration> sorted = ds.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }
}
