package io.coebot.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Short ways to write timeline entries and times in tests. */
final class Entries {

    private Entries() {
    }

    /** 19 Nov 2026 (a Thursday) at hh:mm UTC. */
    static Instant at(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 19, hour, minute, 0, 0, ZoneOffset.UTC).toInstant();
    }

    static Instant at(int hour, int minute, int second) {
        return at(hour, minute).plusSeconds(second);
    }

    /** A pinned message at {@code t}, with the ts Slack would give it. */
    static TimelineEntry message(long id, Instant t) {
        return new TimelineEntry(id, t, ts(t), "message " + id, "U" + id, TimelineSource.REACTION, null, null, null);
    }

    static TimelineEntry message(long id, String ts) {
        return TimelineEntry.fromMessage(id, ts, "message " + id, "U" + id, TimelineSource.REACTION, null);
    }

    static TimelineEntry manual(long id, Instant t) {
        return new TimelineEntry(id, t, null, "typed " + id, "U" + id, TimelineSource.MANUAL, null, null, null);
    }

    static String ts(Instant t) {
        return t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000);
    }
}
