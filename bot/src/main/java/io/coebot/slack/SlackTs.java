package io.coebot.slack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A Slack message ts ("1763680000.000123": epoch seconds and microseconds) is also the moment it was written.
 * Timestamps order messages, but only as decimals: as strings "9.000001" sorts after "10.000000", and as
 * doubles the microseconds get lost.
 */
public final class SlackTs {
    private SlackTs() {}

    /** Exact to the microsecond; empty for anything that is not a ts. */
    public static Optional<Instant> toInstant(String ts) {
        if (ts == null || !ts.matches("\\d{1,12}(\\.\\d{1,6})?")) {
            return Optional.empty();
        }
        BigDecimal micros = new BigDecimal(ts).movePointRight(6);
        long total = micros.longValueExact();
        return Optional.of(Instant.ofEpochSecond(Math.floorDiv(total, 1_000_000L), Math.floorMod(total, 1_000_000L) * 1_000L));
    }

    /** The ts of a moment ("1763680000.000123"), as Slack's {@code oldest} and {@code latest} take it. */
    public static String of(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1_000);
    }

    public static boolean isBefore(String ts, String other) {
        BigDecimal a = decimal(ts);
        BigDecimal b = decimal(other);
        return a != null && b != null && a.compareTo(b) < 0;
    }

    public static boolean same(String ts, String other) {
        BigDecimal a = decimal(ts);
        BigDecimal b = decimal(other);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal decimal(String ts) {
        if (ts == null) {
            return null;
        }
        try {
            return new BigDecimal(ts.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
