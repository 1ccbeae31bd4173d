package io.coebot.copies;

import java.time.Instant;

/**
 * A write that did not succeed. {@link #reason()} is read in the channel (on the one message), so it never quotes a
 * token, a URL with credentials or a request: only the remote's own error code or message and the HTTP status.
 */
final class CopyFailure extends Exception {
    enum Kind {
        /** 429: wait as asked, which is no failed attempt. */
        RATE_LIMITED,
        /** The remote said no (401, 403, 404, a plan without canvases): retried slowly, the fix is a person's. */
        REFUSED,
        /** Unreachable or 5xx. */
        DOWN,
        /** No answer in time: the remote may have done it. */
        TIMEOUT
    }

    private final Kind kind;
    private final Instant retryAt;

    CopyFailure(Kind kind, String reason, Instant retryAt) {
        super(reason, null, false, false);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    Kind kind() {
        return kind;
    }

    Instant retryAt() {
        return retryAt;
    }

    String reason() {
        return getMessage();
    }
}
