package io.coebot.learning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The week a weekly report covers, in the report's zone: from the last send time ({@code MONDAY 09:00}) at or before
 * {@code now} to the next one. Week boundaries are the send times themselves, so one report covers exactly the week
 * since the previous report and nothing is counted twice or skipped. Pure.
 */
record ReportWeek(Instant start, Instant end, String key) {

    /** The report's schedule, parsed once from COE_REPORT_AT ("MONDAY 09:00") and COE_REPORT_ZONE. */
    record Schedule(DayOfWeek day, LocalTime at, ZoneId zone) {
        static Schedule parse(String at, String zone) {
            String[] parts = (at == null || at.isBlank() ? "MONDAY 09:00" : at.strip()).split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("COE_REPORT_AT must be a day and a time, like MONDAY 09:00: " + at);
            }
            return new Schedule(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1]),
                    ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip()));
        }

        /** The week ending at the latest send time at or before {@code now}: the one a report sent now is about. */
        ReportWeek lastWeek(Instant now) {
            ZonedDateTime local = now.atZone(zone);
            LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(this.day));
            ZonedDateTime end = day.atTime(at).atZone(zone);
            if (end.isAfter(local)) {
                end = day.minusWeeks(1).atTime(at).atZone(zone);
            }
            ZonedDateTime start = end.toLocalDate().minusWeeks(1).atTime(at).atZone(zone);
            return of(start, end);
        }

        /** The week so far, for `/coe report` asked mid-week: since the last send time, up to now. */
        ReportWeek soFar(Instant now) {
            ReportWeek last = lastWeek(now);
            return new ReportWeek(last.end(), now, key(last.end().atZone(zone)));
        }

        private static ReportWeek of(ZonedDateTime start, ZonedDateTime end) {
            return new ReportWeek(start.toInstant(), end.toInstant(), key(start));
        }

        /** "2026-W47": the ISO week the report's week starts in, the claim's key. */
        private static String key(ZonedDateTime start) {
            return String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    boolean contains(Instant t) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }
}
