package io.coebot.sandbox.slack;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polling waits for asynchronous effects, so tests never sleep for a fixed time. The default ceiling is
 * generous (30 s): a busy CI machine must slow a test down, never fail it.
 */
public final class Eventually {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    public static void await(String description, BooleanSupplier condition) {
        await(description, condition, DEFAULT_TIMEOUT, () -> "");
    }

    /**
     * Polls {@code condition} every ~20 ms until it holds. On timeout fails with the description
     * and {@code diagnostics} (e.g. a dump of what Slack recorded), so a failing test explains itself.
     * An exception thrown by the condition counts as "not yet" and becomes the cause on timeout.
     */
    public static void await(String description, BooleanSupplier condition, Duration timeout, Supplier<String> diagnostics) {
        awaitValue(description, () -> condition.getAsBoolean() ? Boolean.TRUE : null, timeout, diagnostics);
    }

    /** Polls until {@code probe} returns a non-null value, and returns it. */
    public static <T> T awaitValue(String description, Supplier<T> probe, Duration timeout, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
                last = null;
            } catch (RuntimeException | AssertionError e) {
                last = e instanceof RuntimeException re ? re : new RuntimeException(e);
            }
            if (System.nanoTime() >= deadline) {
                String diag;
                try {
                    diag = diagnostics.get();
                } catch (RuntimeException e) {
                    diag = "(diagnostics failed: " + e + ")";
                }
                AssertionError error = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: "
                        + description + (diag == null || diag.isBlank() ? "" : "\n" + diag));
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + description, e);
            }
        }
    }
}
