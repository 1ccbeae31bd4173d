package io.coebot.interview;

import java.math.BigDecimal;

/**
 * Slack message timestamps ("1700000000.000100"). They order messages, but only as decimals: as strings
 * "9.000001" sorts after "10.000000", and as doubles the microseconds get lost.
 */
final class MessageTs {

    private MessageTs() {
    }

    static boolean isBefore(String ts, String other) {
        BigDecimal a = decimal(ts);
        BigDecimal b = decimal(other);
        return a != null && b != null && a.compareTo(b) < 0;
    }

    static boolean same(String ts, String other) {
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
