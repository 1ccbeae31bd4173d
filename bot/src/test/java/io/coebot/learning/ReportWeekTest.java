package io.coebot.learning;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportWeekTest {
    @Test
    void theWeekEndsAtTheLastSendTimeAtOrBeforeNow() {
        var s = ReportWeek.Schedule.parse("MONDAY 09:00", "UTC");
        ReportWeek w = s.lastWeek(Instant.parse("2026-11-30T09:00:00Z"));
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), w.start());
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"), w.end());
        assertEquals("2026-W48", w.key());
        // a minute before the send time, the report due is still last week's
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), s.lastWeek(Instant.parse("2026-11-30T08:59:00Z")).end());
    }

    @Test
    void theZoneMovesTheBoundaries() {
        var s = ReportWeek.Schedule.parse("friday 17:30", "Europe/Paris");
        ReportWeek w = s.lastWeek(Instant.parse("2026-11-29T12:00:00Z"));
        assertEquals(Instant.parse("2026-11-27T16:30:00Z"), w.end());
        assertEquals(Instant.parse("2026-11-20T16:30:00Z"), w.start());
    }

    @Test
    void defaultsAndMistakes() {
        assertEquals(ReportWeek.Schedule.parse("MONDAY 09:00", "UTC"), ReportWeek.Schedule.parse("", null));
        assertThrows(IllegalArgumentException.class, () -> ReportWeek.Schedule.parse("09:00", "UTC"));
    }

    @Test
    void soFarIsSinceTheLastReport() {
        var s = ReportWeek.Schedule.parse("MONDAY 09:00", "UTC");
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        ReportWeek w = s.soFar(now);
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), w.start());
        assertEquals(now, w.end());
    }
}
