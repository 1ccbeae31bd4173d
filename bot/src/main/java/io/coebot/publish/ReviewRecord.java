package io.coebot.publish;

import java.time.Instant;
import java.util.List;

/**
 * Who reviewed the COE, who approved it and when, in the order it happened: shown at the end of the published COE
 * and its Markdown file. Filled by the review feature through {@link ReviewGate}.
 *
 * @param lines         oldest first
 * @param approvers     the reviewers whose approval counts now
 */
public record ReviewRecord(List<Line> lines, List<String> approvers) {
    public static final ReviewRecord NONE = new ReviewRecord(List.of(), List.of());

    public ReviewRecord {
        lines = lines == null ? List.of() : List.copyOf(lines);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    /**
     * @param actor who did it, or null when Slack did not say (a deleted message)
     * @param what  in Slack mrkdwn, mentions as {@code <@U…>}: "approved", "requested changes on Impact"
     */
    public record Line(String actor, String what, Instant at) {
        /** "<@U1> approved", or "An answer …" when nobody is known to have done it. */
        public String sentence() {
            return actor == null ? Character.toUpperCase(what.charAt(0)) + what.substring(1) : "<@" + actor + "> " + what;
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
