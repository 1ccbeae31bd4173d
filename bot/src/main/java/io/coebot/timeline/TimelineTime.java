package io.coebot.timeline;

import io.coebot.interview.IncidentTime;
import io.coebot.slack.SlackDate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How timeline times read. A COE states one time zone, UTC; in Slack each reader additionally sees their own
 * local time through the {@code <!date^…>} token. Nothing here reads the system clock or the JVM's zone.
 */
public final class TimelineTime {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME_SECONDS = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME_MICROS = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm:ss.SSSSSS", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private TimelineTime() {
    }

    /** "Thu 19 Nov 2026 14:05 UTC". */
    public static String utc(Instant t) {
        return IncidentTime.utc(t);
    }

    /** "14:05 UTC". */
    public static String utcClock(Instant t) {
        return CLOCK.format(t.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** "2026-11-19 14:05:03 UTC": the form of the Markdown export, sortable and unambiguous. */
    public static String utcStamp(Instant t) {
        return STAMP.format(t.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** Slack's date token: each reader sees the date and time in their own zone, clients that cannot draw it UTC. */
    public static String slackDate(Instant t) {
        return SlackDate.token(t);
    }

    /**
     * The moment twice, local to each reader and exactly in UTC ("Nov 19th 9:05 AM · 2026-11-19 14:05:03 UTC"), for
     * what promises "your time zone and UTC": the UTC half stays right when the reader's own date is another day.
     */
    public static String slackDateAndUtc(Instant t) {
        return slackDate(t) + " · " + utcStamp(t);
    }

    /**
     * Both times at the coarsest precision that still tells them apart, so "detection (14:05) before the trigger
     * (14:05)" never happens when they are seconds apart.
     */
    static List<String> utcDistinct(Instant a, Instant b) {
        for (DateTimeFormatter f : List.of(DAY_TIME, DAY_TIME_SECONDS)) {
            String fa = f.format(a.atZone(ZoneOffset.UTC));
            String fb = f.format(b.atZone(ZoneOffset.UTC));
            if (!fa.equals(fb) || a.equals(b)) {
                return List.of(fa + " UTC", fb + " UTC");
            }
        }
        return List.of(DAY_TIME_MICROS.format(a.atZone(ZoneOffset.UTC)) + " UTC",
                DAY_TIME_MICROS.format(b.atZone(ZoneOffset.UTC)) + " UTC");
    }

    /** "38 minutes", "1 hour 15 minutes", "2 days 3 hours"; under a minute reads as such. */
    public static String duration(Duration d) {
        return IncidentTime.duration(d);
    }
}
