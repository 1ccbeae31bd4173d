package io.coebot.timeline;

import io.coebot.slack.MessageTs;

import java.time.Instant;
import java.util.Objects;

/**
 * One dated line of the incident timeline.
 *
 * @param id         the stored entry's id; also the last tie-break of the order and half of a gap's key
 * @param occurredAt when it happened, in UTC; for a message, exactly its ts (see {@link #fromMessage})
 * @param messageTs  the Slack message ts, or null for an entry typed by hand
 * @param text       Slack mrkdwn exactly as Slack delivered it (message text and slash command text arrive with
 *                   &amp;, &lt; and &gt; already escaped and with mentions and links as Slack markup); echoed
 *                   through EchoedText, never escaped again. Never null.
 * @param author     Slack user id of whoever wrote the message (or typed the entry), or null
 * @param source     how it reached the timeline
 * @param permalink  link to the message, or null
 * @param milestone  the milestone this entry marks, or null
 * @param note       plain text from the shortcut modal's note field, or null; Slack does not escape modal
 *                   input, so renderers escape it
 */
public record TimelineEntry(
        long id,
        Instant occurredAt,
        String messageTs,
        String text,
        String author,
        TimelineSource source,
        String permalink,
        Milestone milestone,
        String note) {

    public TimelineEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        text = text == null ? "" : text;
        note = note == null || note.isBlank() ? null : note;
    }

    /** An entry for a Slack message, dated exactly (to the microsecond) by its ts rather than by when it was added. */
    public static TimelineEntry fromMessage(long id, String messageTs, String text, String author,
                                            TimelineSource source, String permalink) {
        Instant at = MessageTs.parse(messageTs).map(MessageTs::toInstant)
                .orElseThrow(() -> new IllegalArgumentException("Not a Slack message ts: " + messageTs));
        return new TimelineEntry(id, at, messageTs, text, author, source, permalink, null, null);
    }

    public TimelineEntry withMilestone(Milestone m) {
        return new TimelineEntry(id, occurredAt, messageTs, text, author, source, permalink, m, note);
    }
}
