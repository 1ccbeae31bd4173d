package io.coebot.review;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlinePolicyTest {
    private static final DeadlinePolicy DEFAULTS = DeadlinePolicy.of("P5D", "P7D", "P14D", "P14D");
    /** Friday 27 November 2026, 16:00 UTC. */
    private static final Instant FRIDAY = Instant.parse("2026-11-27T16:00:00Z");

    @Test
    void daysAreBusinessDaysOnTheOwnersCalendar() {
        assertEquals(LocalDate.parse("2026-12-04"), DEFAULTS.dueOn(FRIDAY, ZoneOffset.UTC, "SEV1"), "5 business days after a Friday");
        assertEquals(LocalDate.parse("2026-12-08"), DEFAULTS.dueOn(FRIDAY, ZoneOffset.UTC, "sev2"), "7, any case");
        assertEquals(LocalDate.parse("2026-12-17"), DEFAULTS.dueOn(FRIDAY, ZoneOffset.UTC, "SEV3"));
        // 16:00 UTC Friday is already Saturday 01:00 in Tokyo: the owner's week starts counting from Saturday
        assertEquals(LocalDate.parse("2026-12-04"), DEFAULTS.dueOn(FRIDAY, ZoneId.of("Asia/Tokyo"), "SEV1"));
    }

    @Test
    void noOrAnUnknownSeverityGetsFourteenBusinessDays() {
        assertEquals(DEFAULTS.dueOn(FRIDAY, ZoneOffset.UTC, "SEV3"), DEFAULTS.dueOn(FRIDAY, ZoneOffset.UTC, null));
        assertEquals(DEFAULTS.dueOn(FRIDAY, ZoneOffset.UTC, "SEV3"), DEFAULTS.dueOn(FRIDAY, ZoneOffset.UTC, "P0"));
    }

    @Test
    void hoursCountClockTime() {
        DeadlinePolicy fast = DeadlinePolicy.of("PT48H", "P7D", "P14D", "P14D");
        assertEquals(LocalDate.parse("2026-11-29"), fast.dueOn(FRIDAY, ZoneOffset.UTC, "SEV1"), "48 hours, weekend or not");
    }

    @Test
    void aSettingThatIsNoDurationStopsTheStartWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeadlinePolicy.of("five days", "P7D", "P14D", "P14D"));
        assertTrue(e.getMessage().contains("COE_DEADLINE_SEV1") && e.getMessage().contains("five days"), e.getMessage());
    }

    @Test
    void businessDaysBetweenSkipsTheWeekend() {
        assertEquals(3, DeadlinePolicy.businessDaysBetween(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-01")));
        assertEquals(0, DeadlinePolicy.businessDaysBetween(LocalDate.parse("2026-11-27"), LocalDate.parse("2026-11-29")));
    }
}
