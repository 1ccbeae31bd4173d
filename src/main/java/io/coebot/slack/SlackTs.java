package io.coebot.slack;

import java.time.Instant;
import java.util.Optional;

/**
 * What is left of the string form of a message ts, for the two classes that still read Slack's messages as strings
 * (timeline's TimelineImports and TimelineSlack, which another change is splitting right now). Use {@link MessageTs}:
 * once those two call it directly, this class goes.
 *
 * @deprecated use {@link MessageTs}
 */
@Deprecated
public final class SlackTs {
    private SlackTs() {}

    /** Exact to the microsecond; empty for anything that is not a ts. */
    public static Optional<Instant> toInstant(String ts) {
        return MessageTs.parse(ts).map(MessageTs::toInstant);
    }

    public static boolean same(String ts, String other) {
        Optional<MessageTs> a = MessageTs.parse(ts);
        return a.isPresent() && a.equals(MessageTs.parse(other));
    }
}
