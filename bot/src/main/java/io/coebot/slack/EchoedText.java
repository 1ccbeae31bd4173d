package io.coebot.slack;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for repeating what a person wrote under the bot's name: whatever the bot echoes (answers, titles,
 * problems, causes, action items, timeline entries, reasons, lessons…) goes through {@link #mrkdwn} before it
 * reaches a message, a modal, App Home, a notification text or an export.
 *
 * <p>Why: the bot re-posts people's text many times (the card alone dozens of times, the published COE once per
 * section). A {@code <!channel>} in one answer would otherwise ping the whole channel on every one of those
 * posts, in the bot's name, which the person never meant; and {@code <https://evil.example|click>} would become a
 * link whose visible words hide where it goes, vouched for by the bot.
 *
 * <ul>
 *   <li>Broadcasts and group mentions ({@code <!channel>}, {@code <!here>}, {@code <!everyone>},
 *       {@code <!subteam^S1|@oncall>}, any other {@code <!…>} token, their {@code |label} forms) become the plain
 *       words Slack shows for them ({@code @channel}, {@code @oncall}). Plain "@channel" does not notify anyone:
 *       Slack only turns {@code <!…>} tokens into broadcasts (the bot never sets {@code link_names}).
 *       Date tokens are included because they can carry a link of their own.</li>
 *   <li>A link is shown as its real address. When the label is the address itself (what Slack sends when someone
 *       types {@code example.com}: {@code <http://example.com|example.com>}) it stays as it is; otherwise the
 *       address is the link and the label follows in brackets: {@code <https://evil.example> (click)}. The reader
 *       still sees the words the person chose, but can no longer be told "click" about a place they cannot see.
 *       Only http(s) and mailto stay links; any other target is shown as plain text.</li>
 *   <li>A person's own mention of someone ({@code <@U…>}) and a channel link ({@code <#C…>}) stay as they are: they
 *       notify one person, or nobody.</li>
 * </ul>
 * Text is expected as Slack stores it (with {@code &amp;}, {@code &lt;}, {@code &gt;} escaped, so every remaining
 * angle bracket is Slack markup); plain text someone typed into a modal is escaped by {@link #typed} first.
 */
public final class EchoedText {

    /** Anything Slack writes between angle brackets: mentions, channels, specials, dates and links. */
    private static final Pattern MARKUP = Pattern.compile("<([^<>|]*)(?:\\|([^<>]*))?>");
    private static final Pattern LINKABLE = Pattern.compile("^(?i)(https?://|mailto:)\\S+$");

    private EchoedText() {
    }

    /** Text as Slack stores it, made safe to repeat in mrkdwn (and in a message's notification text). */
    public static String mrkdwn(String slackText) {
        if (slackText == null || slackText.isEmpty()) {
            return "";
        }
        Matcher m = MARKUP.matcher(slackText);
        StringBuilder out = new StringBuilder(slackText.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(markup(m.group(0), m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The same text for a {@code plain_text} field (a header, a button, an option): Slack shows those as written, so
     * the escapes are undone after the rule, and "@channel" reads as the person wrote it.
     */
    public static String plain(String slackText) {
        return unescaped(mrkdwn(slackText));
    }

    /**
     * Plain text a person typed where Slack does not escape it (a modal's input), in the form Slack stores typed
     * text: only &amp;, &lt; and &gt; are special to Slack, so nothing in it can become markup.
     */
    public static String typed(String plain) {
        return plain == null ? "" : plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text as Slack stores it back into what the person typed, for a form field they will edit (not shown). */
    public static String editable(String slackText) {
        return slackText == null ? null : unescaped(slackText);
    }

    private static String unescaped(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String markup(String whole, String target, String label) {
        boolean labelled = label != null && !label.isBlank();
        if (target.startsWith("@") || target.startsWith("#")) {
            return whole; // one person, or a channel link: nobody else is notified
        }
        if (target.startsWith("!date^")) {
            return labelled ? label : "(a date)";
        }
        if (target.startsWith("!")) {
            // the words Slack shows for the token, never the token: "@channel", "@oncall"
            if (labelled) {
                return label.startsWith("@") ? label : "@" + label;
            }
            int caret = target.indexOf('^');
            return caret < 0 ? "@" + target.substring(1) : "@group";
        }
        if (!LINKABLE.matcher(target).matches()) {
            return labelled && !label.equals(target) ? target + " (" + label + ")" : target;
        }
        if (!labelled || label.equals(target)) {
            return "<" + target + ">";
        }
        if (label.equalsIgnoreCase(withoutScheme(target))) {
            return "<" + target + "|" + label + ">";
        }
        return "<" + target + "> (" + label + ")";
    }

    private static String withoutScheme(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"https://", "http://", "mailto:"}) {
            if (lower.startsWith(scheme)) {
                String rest = target.substring(scheme.length());
                return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
            }
        }
        return target;
    }
}
