package io.coebot.slack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A Slack message ts ("1763680000.000123": epoch seconds and microseconds) is also the moment it was written. */
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
}
