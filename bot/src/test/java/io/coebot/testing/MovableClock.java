package io.coebot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's clock in a test: it runs at the wall clock's pace (so pauses, leases and retries still end by
 * themselves) but from a moment the test chooses, and the test can move it forward or set it anew while the app
 * runs. Thread-safe: the app's threads read it while the test moves it.
 */
public final class MovableClock extends Clock {
    /** Shared with this clock's {@link #withZone} views, so moving one moves them all. */
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    /** Starts at the wall clock's time. */
    public MovableClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** A clock that reads {@code at} now and runs on from there. */
    public static MovableClock at(Instant at) {
        MovableClock c = new MovableClock();
        c.setTo(at);
        return c;
    }

    /** From now on the clock reads {@code at} (and runs on from there). */
    public void setTo(Instant at) {
        offset.set(Duration.between(Instant.now(), at));
    }

    /** Moves the clock forward by {@code by}, as if that much time had passed at once. */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(offset, zone);
    }
}
