package io.coebot.trackers;

import java.time.Instant;

/**
 * A tracker call that did not succeed. {@link #reason()} is written for the person who created the item and never
 * quotes a token or a request (only the tracker's own error message and the HTTP status).
 */
final class TrackerFailure extends Exception {
    public enum Kind {
        /** 429, or GitHub's secondary limit (403 with Retry-After): wait as asked, which is no failed attempt. */
        RATE_LIMITED,
        /** 401, 403, 404, 422: the tracker said no; retried slowly, since the fix (a token, a repository) is outside. */
        REFUSED,
        /** Unreachable or 5xx. */
        DOWN,
        /** No answer in time: the tracker may have done it. */
        TIMEOUT
    }

    private final Kind kind;
    private final Instant retryAt;

    public TrackerFailure(Kind kind, String reason, Instant retryAt) {
        super(reason, null, false, false);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    public Kind kind() {
        return kind;
    }

    /** When the tracker asked us to come back (Retry-After, a rate limit's reset), or null. */
    public Instant retryAt() {
        return retryAt;
    }

    public String reason() {
        return getMessage();
    }

    /**
     * Sends one request to {@code tracker}: no answer in time, a tracker that cannot be reached or an interrupt
     * becomes the failure the queue acts on (a timeout means the tracker may have done it). Any answer is returned,
     * whatever its status, for the tracker's own reading of it.
     */
    static java.net.http.HttpResponse<String> send(java.net.http.HttpClient http, java.net.http.HttpRequest request,
                                                   String tracker) throws TrackerFailure {
        try {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new TrackerFailure(Kind.TIMEOUT, tracker + " did not answer in time.", null);
        } catch (java.io.IOException e) {
            throw new TrackerFailure(Kind.DOWN, tracker + " could not be reached.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerFailure(Kind.DOWN, "Interrupted while calling " + tracker + ".", null);
        }
    }
}
