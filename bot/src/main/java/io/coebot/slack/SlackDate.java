package io.coebot.slack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as every feature shows it in Slack: Slack's date token, so each reader sees their own local time, with
 * the UTC time as its fallback text. The fallback is what notifications, search results and clients that cannot draw
 * the token show, so it must read as a date ("Sat 28 Nov 2026 14:00 UTC"), not as an ISO timestamp. It lives here,
 * not in a feature, because the COE card (coe/) needs it as much as the timeline does.
 */
public final class SlackDate {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

    private SlackDate() {
    }

    /** "Thu 19 Nov 2026 14:05 UTC". */
    public static String utc(Instant t) {
        return DAY_TIME.format(t.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** Slack wants whole epoch seconds, so a sub-second instant rounds down. */
    public static String token(Instant t) {
        return "<!date^" + t.getEpochSecond() + "^{date_short_pretty} {time}|" + utc(t) + ">";
    }
}
