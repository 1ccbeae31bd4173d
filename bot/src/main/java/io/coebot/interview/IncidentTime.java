package io.coebot.interview;

import io.coebot.slack.SlackDate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How incident times read, in the thread and the timeline: UTC first, because a COE states one time zone. */
public final class IncidentTime {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private IncidentTime() {
    }

    /** "Thu 19 Nov 2026 14:05 UTC". */
    public static String utc(Instant t) {
        return SlackDate.utc(t);
    }

    /** "Thu 19 Nov 2026" (the UTC date). */
    static String utcDay(Instant t) {
        return DAY.format(t.atZone(ZoneOffset.UTC));
    }

    /** "14:05" in UTC. */
    static String utcClock(Instant t) {
        return CLOCK.format(t.atZone(ZoneOffset.UTC));
    }

    /**
     * "Thu 19 Nov 2026 14:05 UTC (15:05 Europe/Paris)": the UTC time the COE will state, and the same moment
     * in the replier's own zone so they can check it against what they meant.
     */
    static String withLocal(Instant t, ZoneId zone) {
        if (isUtc(zone)) {
            return utc(t);
        }
        ZonedDateTime local = t.atZone(zone);
        LocalDate utcDate = t.atZone(ZoneOffset.UTC).toLocalDate();
        String localPart = local.toLocalDate().equals(utcDate) ? CLOCK.format(local) : SHORT_DAY_TIME.format(local);
        return utc(t) + " (" + localPart + " " + zone.getId() + ")";
    }

    static boolean isUtc(ZoneId zone) {
        return zone == null || zone.normalized().equals(ZoneOffset.UTC);
    }

    /** "38 minutes", "1 hour 15 minutes", "2 days 3 hours"; under a minute reads as such. */
    public static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(plural(days, "day"));
        }
        if (hours > 0) {
            parts.add(plural(hours, "hour"));
        }
        // minutes stop mattering once an incident runs for days
        if (mins > 0 && days == 0) {
            parts.add(plural(mins, "minute"));
        }
        return String.join(" ", parts);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
