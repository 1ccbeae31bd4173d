package io.coebot.timeline;

import io.coebot.slack.EchoedText;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The timeline in Slack mrkdwn, for the Slack view (and, for times, the Markdown export).
 *
 * <p>Escaping: an entry's text is already Slack mrkdwn (Slack escapes &amp;, &lt; and &gt; in message and slash
 * command text and writes mentions and links as {@code <…>} markup), so it is not escaped again (that would print
 * "&amp;amp;" and break every mention); it is echoed by {@link EchoedText}, like everything people wrote. Notes and
 * gap explanations come from modal inputs, which Slack does not escape, so they are escaped here.
 */
public final class TimelineText {

    private TimelineText() {
    }

    /**
     * One entry: its date and time twice (local to each reader via Slack's date token, then exact in UTC, which is
     * the time zone the COE states), who wrote it, its milestone, a flag when it falls outside the incident, how it
     * was added with a link to the message, then the text and the note.
     */
    public static String entry(TimelineEntry e, WindowPosition position) {
        StringBuilder line = new StringBuilder()
                .append('*').append(TimelineTime.slackDate(e.occurredAt())).append('*')
                .append(" · ").append(TimelineTime.utcStamp(e.occurredAt()));
        if (e.author() != null && !e.author().isBlank()) {
            line.append(" · <@").append(e.author()).append('>');
        }
        if (e.milestone() != null) {
            line.append(" · :triangular_flag_on_post: *").append(tag(e.milestone())).append('*');
        }
        switch (position) {
            case BEFORE_TRIGGER -> line.append(" · :warning: _before the trigger_");
            case AFTER_RESOLUTION -> line.append(" · :warning: _after resolution_");
            case INSIDE -> { }
        }
        line.append(" · _").append(source(e.source())).append('_');
        if (e.permalink() != null && !e.permalink().isBlank()) {
            line.append(" · <").append(e.permalink()).append("|message>");
        }
        if (!e.text().isBlank()) {
            line.append('\n').append(EchoedText.mrkdwn(e.text()));
        }
        if (e.note() != null) {
            line.append("\n*Note:* ").append(EchoedText.typed(e.note()));
        }
        return line.toString();
    }

    /** A gap: how long nobody wrote anything, between which times, and what was happening if someone explained it. */
    public static String gap(TimelineGap g) {
        Instant from = g.before().occurredAt();
        Instant to = g.after().occurredAt();
        boolean sameDay = from.atZone(ZoneOffset.UTC).toLocalDate().equals(to.atZone(ZoneOffset.UTC).toLocalDate());
        String span = sameDay
                ? TimelineTime.utcClock(from).replace(" UTC", "") + "–" + TimelineTime.utcClock(to)
                : TimelineTime.utc(from) + " – " + TimelineTime.utc(to);
        String head = ":hourglass_flowing_sand: *" + TimelineTime.duration(g.length()) + " without an entry* (" + span + ")";
        if (!g.explained()) {
            return head + "\n_Not explained yet: what was the team doing?_";
        }
        return head + "\n" + quoted(EchoedText.typed(g.explanation()));
    }

    /**
     * Slack mrkdwn as a block quote, every line marked. The marker is "&gt; " with its space, the form Slack documents;
     * without the space the sandbox (and some clients) showed a literal "&gt;" before the words.
     */
    public static String quoted(String mrkdwn) {
        return "> " + mrkdwn.replace("\n", "\n> ");
    }

    /** "Detected": the word shown on an entry that marks a milestone. */
    public static String tag(Milestone m) {
        return Character.toUpperCase(m.key().charAt(0)) + m.key().substring(1);
    }

    static String source(TimelineSource s) {
        return switch (s) {
            case REACTION -> "added with a reaction";
            case SHORTCUT -> "added with the shortcut";
            case MANUAL -> "added by hand";
            case IMPORT -> "imported from the channel";
        };
    }
}
