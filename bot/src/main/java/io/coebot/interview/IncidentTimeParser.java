package io.coebot.interview;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times people type about an incident. A time without a zone is in the writer's zone, because
 * that is the clock they were looking at. Incidents are in the past: a bare time later than now means
 * yesterday (the page at 23:50 answered after midnight), and a time clearly in the future is refused.
 */
public final class IncidentTimeParser {

    /** Formats to show people when a time could not be read. */
    public static final String EXAMPLES = "14:05, 2:05pm, yesterday 14:05, 2026-11-19 14:05 UTC";

    /** Clocks drift and people round up; a few minutes ahead is still "now". */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern WRITTEN = Pattern.compile(
            "(?i)^(?:(today|yesterday)\\s+(?:at\\s+)?|(\\d{4}-\\d{2}-\\d{2})(?:\\s+|t))?"
                    + "(\\d{1,2})(?::(\\d{2})(?::(\\d{2}))?)?(?:\\s*([ap])\\.?m\\.?(?![a-z]))?"
                    + "(?:\\s*([a-z+-].*))?$");
    private static final Pattern OFFSET = Pattern.compile("(?i)^(?:utc|gmt)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?$");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private IncidentTimeParser() {
    }

    public static ParsedTime parse(String text, ZoneId zone, Instant now) {
        String written = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        ZoneId writerZone = zone == null ? ZoneOffset.UTC : zone;
        if (written.isEmpty()) {
            return ParsedTime.error("I need a time here.");
        }
        if (written.equalsIgnoreCase("now")) {
            return ParsedTime.ok(now.truncatedTo(ChronoUnit.SECONDS));
        }
        ParsedTime withOffset = parseWithOffset(written, now);
        if (withOffset != null) {
            return withOffset;
        }
        Matcher m = WRITTEN.matcher(written);
        if (!m.matches()) {
            return unreadable(written);
        }
        LocalTime clock = clock(m.group(3), m.group(4), m.group(5), m.group(6));
        if (clock == null) {
            return unreadable(written);
        }
        String zonePart = m.group(7);
        ZoneId timeZone = writerZone;
        if (zonePart != null) {
            timeZone = zoneNamed(zonePart.strip());
            if (timeZone == null) {
                return looksLikeZone(zonePart.strip())
                        ? ParsedTime.error("I couldn't read " + Facilitator.quoted(written) + " as a time: I don't know the time zone “"
                        + zonePart.strip() + "”. Use a name like Europe/Paris or an offset like +01:00.")
                        : unreadable(written);
            }
        }
        LocalDate today = LocalDate.ofInstant(now, timeZone);
        LocalDate day;
        boolean bare = false;
        if (m.group(2) != null) {
            try {
                day = LocalDate.parse(m.group(2));
            } catch (DateTimeParseException e) {
                return unreadable(written);
            }
        } else if ("yesterday".equalsIgnoreCase(m.group(1))) {
            day = today.minusDays(1);
        } else {
            day = today;
            bare = m.group(1) == null;
        }
        Placed placed = place(LocalDateTime.of(day, clock), timeZone);
        if (bare && tooLate(placed.instant(), now)) {
            placed = place(LocalDateTime.of(day.minusDays(1), clock), timeZone);
        }
        if (tooLate(placed.instant(), now)) {
            return inFuture(written, placed.instant());
        }
        return ParsedTime.ok(placed.instant(), placed.note());
    }

    /** ISO-8601 with an offset or Z (and optionally a [region]): the moment is fully stated. */
    private static ParsedTime parseWithOffset(String written, Instant now) {
        Instant instant;
        try {
            instant = ZonedDateTime.parse(written).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
        instant = instant.truncatedTo(ChronoUnit.SECONDS);
        return tooLate(instant, now) ? inFuture(written, instant) : ParsedTime.ok(instant);
    }

    private static LocalTime clock(String hourText, String minuteText, String secondText, String meridiem) {
        if (minuteText == null && meridiem == null) {
            return null; // "14" alone is more likely a count than a time
        }
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        int second = secondText == null ? 0 : Integer.parseInt(secondText);
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = meridiem.equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    private record Placed(Instant instant, String note) {
    }

    /** A wall-clock time in a zone. DST gap: the later valid time; overlap: the earlier offset (the first pass). */
    private static Placed place(LocalDateTime wall, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> valid = rules.getValidOffsets(wall);
        if (valid.size() == 1) {
            return new Placed(wall.atOffset(valid.get(0)).toInstant(), null);
        }
        ZoneOffsetTransition change = rules.getTransition(wall);
        if (valid.isEmpty()) {
            ZonedDateTime shifted = ZonedDateTime.ofLocal(wall, zone, null); // moved later by the gap's length
            return new Placed(shifted.toInstant(), CLOCK.format(wall) + " didn't exist in " + zone.getId()
                    + " that day (the clocks went forward), so I took " + CLOCK.format(shifted) + ".");
        }
        ZonedDateTime first = ZonedDateTime.ofLocal(wall, zone, change.getOffsetBefore());
        return new Placed(first.toInstant(), CLOCK.format(wall) + " happened twice in " + zone.getId()
                + " that day (the clocks went back), so I took the first one, at UTC" + change.getOffsetBefore() + ".");
    }

    private static ZoneId zoneNamed(String name) {
        if (name.equalsIgnoreCase("utc") || name.equalsIgnoreCase("gmt") || name.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        Matcher offset = OFFSET.matcher(name);
        if (offset.matches()) {
            try {
                int sign = offset.group(1).equals("-") ? -1 : 1;
                int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
                return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(offset.group(2)), sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        }
        if (!name.contains("/")) {
            return null; // three-letter abbreviations (PST, CET) are ambiguous; we ask for a region instead
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(name)) {
                return ZoneId.of(id);
            }
        }
        return null;
    }

    private static boolean looksLikeZone(String name) {
        return name.contains("/") || name.matches("[A-Z]{2,5}") || OFFSET.matcher(name).matches();
    }

    private static boolean tooLate(Instant t, Instant now) {
        return t.isAfter(now.plus(FUTURE_TOLERANCE));
    }

    private static ParsedTime inFuture(String written, Instant t) {
        return ParsedTime.error(Facilitator.quoted(written) + " would be " + IncidentTime.utc(t)
                + ", which is in the future.");
    }

    private static ParsedTime unreadable(String written) {
        return ParsedTime.error("I couldn't read " + Facilitator.quoted(written) + " as a time.");
    }
}
