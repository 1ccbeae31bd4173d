package io.coebot.publish;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's stored mrkdwn turned into Markdown a wiki shows as people meant it: mentions, channel links and links
 * become readable Markdown and Slack's three escapes are undone. Slack's own *bold* and _italic_ are left as
 * they are: both still read as emphasis in Markdown.
 */
final class MarkdownText {

    /** Anything Slack writes between angle brackets: mentions, channels, specials, dates and links. */
    private static final Pattern MARKUP = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private static final Pattern TAG_OPENING = Pattern.compile("<(?=[A-Za-z/!?])");

    private MarkdownText() {
    }

    /** Slack text as stored ({@code &amp;} escapes, {@code <@U…>} and {@code <url|label>} markup) to Markdown. */
    static String fromSlack(String slack) {
        if (slack == null || slack.isEmpty()) {
            return "";
        }
        Matcher m = MARKUP.matcher(slack);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(markup(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return unescape(out.toString());
    }

    private static String markup(String target, String label) {
        boolean labelled = label != null && !label.isBlank();
        if (target.startsWith("@")) {
            return "@" + (labelled ? label.replaceFirst("^@", "") : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + (labelled ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            // <!here>, <!subteam^S1|@oncall>, <!date^…|fallback>: the label is what Slack shows without the token
            if (labelled) {
                return label;
            }
            String special = target.substring(1);
            int caret = special.indexOf('^');
            return "@" + (caret < 0 ? special : special.substring(caret + 1));
        }
        if (!labelled) {
            return target;
        }
        return "[" + label.replace("[", "\\[").replace("]", "\\]") + "](" + target.replace(")", "%29") + ")";
    }

    private static String unescape(String s) {
        return plain(s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }

    /**
     * Plain text (as typed in a modal, or Slack text once unescaped) made safe for Markdown: a "&lt;" that would open
     * an HTML tag ("&lt;checkout&gt;", "&lt;script&gt;") is written as an entity, because wikis render tags and the
     * words would vanish. "p99 &lt; 2s" is left alone.
     */
    static String plain(String s) {
        return s == null ? "" : TAG_OPENING.matcher(s).replaceAll("&lt;");
    }

    /**
     * A value inside a Markdown table row: a pipe would end the cell and a line break the row, so the first is
     * escaped and the second becomes an HTML break, which GitHub, GitLab and Confluence all render.
     */
    static String cell(String markdown) {
        if (markdown == null) {
            return "";
        }
        return markdown.strip().replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>");
    }
}
