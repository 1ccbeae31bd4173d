package io.coebot.interview;

import java.time.Instant;

/**
 * A time read from what someone typed: either {@code instant} (with an optional {@code note}, e.g. how a
 * daylight-saving change was resolved) or an {@code error} that can be shown as is.
 */
public record ParsedTime(Instant instant, String error, String note) {

    public static ParsedTime ok(Instant instant) {
        return new ParsedTime(instant, null, null);
    }

    public static ParsedTime ok(Instant instant, String note) {
        return new ParsedTime(instant, null, note);
    }

    public static ParsedTime error(String message) {
        return new ParsedTime(null, message, null);
    }

    public boolean isOk() {
        return error == null;
    }
}
