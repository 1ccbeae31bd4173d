package io.coebot.review;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * How long a COE may take to publish, by severity (settings COE_DEADLINE_SEV1..SEV4, ISO-8601: P5D, P7D, P14D, P14D
 * by default; any other or no severity: P14D). A duration in days counts business days (Monday to Friday) on the
 * owner's calendar from the day the COE opened, because a COE opened on Friday with "5 days" is not due on
 * Wednesday; a duration in hours (PT48H) counts clock time. Pure.
 */
record DeadlinePolicy(Map<String, String> bySeverity) {
    static final String FALLBACK = "P14D";

    static DeadlinePolicy of(String sev1, String sev2, String sev3, String sev4) {
        DeadlinePolicy p = new DeadlinePolicy(Map.of("SEV1", sev1, "SEV2", sev2, "SEV3", sev3, "SEV4", sev4));
        p.bySeverity.forEach((sev, d) -> {
            try {
                parse(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("COE_DEADLINE_" + sev + " must be an ISO-8601 duration such as P5D or "
                        + "PT48H, not '" + d + "'");
            }
        });
        return p;
    }

    /** The day the COE is due, on its owner's calendar. */
    LocalDate dueOn(Instant opened, ZoneId ownerZone, String severity) {
        String setting = severity == null ? FALLBACK : bySeverity.getOrDefault(severity.toUpperCase(Locale.ROOT), FALLBACK);
        Object d = parse(setting);
        if (d instanceof Period p) {
            return plusBusinessDays(opened.atZone(ownerZone).toLocalDate(), p.toTotalMonths() * 22 + p.getDays());
        }
        return opened.plus((Duration) d).atZone(ownerZone).toLocalDate();
    }

    static LocalDate plusBusinessDays(LocalDate from, long days) {
        LocalDate d = from;
        long left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    /** Business days between two dates (the later one counted, the earlier not): "waiting for 3 business days". */
    static long businessDaysBetween(LocalDate from, LocalDate to) {
        long n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }

    private static Object parse(String iso) {
        String s = iso == null ? "" : iso.strip().toUpperCase(Locale.ROOT);
        try {
            return s.contains("T") ? Duration.parse(s) : Period.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
