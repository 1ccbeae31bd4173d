package io.coebot.learning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TrendMediansTest {
    static final Instant END = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void mediansOfOddAndEvenCountsAndNone() {
        assertEquals(Duration.ofMinutes(5), TrendMedians.median(List.of(m(9), m(1), m(5))));
        assertEquals(Duration.ofMinutes(6), TrendMedians.median(List.of(m(2), m(4), m(8), m(100))));
        assertNull(TrendMedians.median(List.of()));
    }

    @Test
    void twelveWeeksEachIncidentInTheWeekItWasTriggeredUnknownsLeftOut() {
        Instant lastWeek = END.minus(Duration.ofDays(3));
        Instant sixWeeksAgo = END.minus(Duration.ofDays(40));
        var t = TrendMedians.over(List.of(
                new TrendMedians.Incident(lastWeek, m(10), m(60)),
                new TrendMedians.Incident(lastWeek, m(20), null),
                new TrendMedians.Incident(sixWeeksAgo, m(3), m(30)),
                new TrendMedians.Incident(END.minus(Duration.ofDays(200)), m(999), m(999)),
                new TrendMedians.Incident(END, m(999), m(999))), END);
        assertEquals(12, t.weeks().size());
        var last = t.weeks().get(11);
        assertEquals(END.minus(Duration.ofDays(7)), last.start());
        assertEquals(m(15), last.detect());
        assertEquals(m(60), last.mitigate());
        assertEquals(2, last.incidents());
        assertEquals(1, t.weeks().get(6).incidents());
        assertNull(t.weeks().get(0).detect());
        assertEquals(m(10), t.detect());
        assertEquals(m(45), t.mitigate());
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
