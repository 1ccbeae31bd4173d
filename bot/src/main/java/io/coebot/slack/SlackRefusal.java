package io.coebot.slack;

/** How a Slack Web API failure is to be handled by the outbox: later, or never. */
final class SlackRefusal extends Exception {
    enum Kind { RATE_LIMITED, TRANSIENT, PERMANENT }

    final Kind kind;
    final String error;
    final long retryAfterSeconds;
    /** The Web API method a 429 came from (null: the one that delivers the message); its pause is that method's. */
    final String method;

    private SlackRefusal(Kind kind, String error, long retryAfterSeconds, String method) {
        super(error, null, false, false);
        this.kind = kind;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
        this.method = method;
    }

    private SlackRefusal(Kind kind, String error, long retryAfterSeconds) {
        this(kind, error, retryAfterSeconds, null);
    }

    static SlackRefusal rateLimited(long retryAfterSeconds) {
        return rateLimited(null, retryAfterSeconds);
    }

    static SlackRefusal rateLimited(String method, long retryAfterSeconds) {
        return new SlackRefusal(Kind.RATE_LIMITED, "ratelimited", Math.max(1, retryAfterSeconds), method);
    }

    static SlackRefusal transientFailure(String error) {
        return new SlackRefusal(Kind.TRANSIENT, error, 0);
    }

    /** Slack's answer {"ok":false,"error":…}: a few errors are worth retrying, the rest are final. */
    static SlackRefusal fromError(String error) {
        return switch (error == null ? "" : error) {
            case "ratelimited" -> rateLimited(1);
            case "internal_error", "fatal_error", "service_unavailable", "request_timeout" -> transientFailure(error);
            default -> new SlackRefusal(Kind.PERMANENT, error, 0);
        };
    }

    static SlackRefusal permanent(String error) {
        return new SlackRefusal(Kind.PERMANENT, error, 0);
    }

    /** The same handling, recorded under another error (the outbox keeps "maybe posted" until a look settles it). */
    SlackRefusal withError(String other) {
        return new SlackRefusal(kind, other, retryAfterSeconds, method);
    }

    /** What the person who asked should read when a message could not be posted. */
    String explanation() {
        return switch (error) {
            case "not_in_channel" -> "I'm not a member of this channel, so I can't post here. "
                    + "Invite me with `/invite @coe-bot`, then run the command again.";
            case "channel_not_found" -> "I can't see this channel. If it is private, invite me first with "
                    + "`/invite @coe-bot`; COEs run in the incident channel, not in direct messages.";
            case "is_archived" -> "This channel is archived, so I can't post in it. Unarchive it or run the command in an open channel.";
            default -> "Slack refused my message (`" + error + "`). Please try again in a moment.";
        };
    }
}
