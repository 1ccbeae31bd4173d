package io.coebot.timeline;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of the incident with no timeline entry, long enough that a COE reader will ask what was happening.
 *
 * @param explanation what the team was doing meanwhile, as typed in the "Explain this gap" modal (plain text, not
 *                    escaped), or null while unexplained
 */
public record TimelineGap(TimelineEntry before, TimelineEntry after, Duration length, String explanation) {

    public TimelineGap {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(length, "length");
        explanation = explanation == null || explanation.isBlank() ? null : explanation;
    }

    /**
     * Where this gap's explanation is stored: "&lt;beforeId&gt;-&lt;afterId&gt;". The explanation belongs to this
     * pair of entries: an entry inserted between them makes two new gaps (each explained separately, or too short
     * to flag), and deleting that entry again brings the old explanation back. A changed time on either entry
     * keeps it, because the explanation is about what happened between those two messages.
     */
    public String key() {
        return key(before.id(), after.id());
    }

    public static String key(long beforeId, long afterId) {
        return beforeId + "-" + afterId;
    }

    public boolean explained() {
        return explanation != null;
    }
}
