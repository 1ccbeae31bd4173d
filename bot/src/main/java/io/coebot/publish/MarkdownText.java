package io.coebot.publish;

import io.coebot.slack.EchoedText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's stored mrkdwn turned into Markdown a wiki shows as people meant it: mentions, channel links and links
 * become readable Markdown and Slack's three escapes are undone. Slack's own *bold* and _italic_ are left as
 * they are: both still read as emphasis in Markdown.
 *
 * <p>People's text goes through {@link EchoedText} first, so the file follows the same rule as Slack (no broadcast,
 * a link shows its address); and brackets people typed are escaped, so their words cannot build a Markdown link or
 * image ("[click](https://evil.example)") that the wiki would render with a label hiding the address.
 */
final class MarkdownText {

    /** What {@link EchoedText} leaves between angle brackets: mentions, channels and links. */
    private static final Pattern MARKUP = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private static final Pattern TAG_OPENING = Pattern.compile("<(?=[A-Za-z/!?])");

    private MarkdownText() {
    }

    /** Slack text as stored ({@code &amp;} escapes, {@code <@U…>} and {@code <url|label>} markup) to Markdown. */
    static String fromSlack(String slack) {
        if (slack == null || slack.isEmpty()) {
            return "";
        }
        String echoed = EchoedText.mrkdwn(slack);
        Matcher m = MARKUP.matcher(echoed);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(plain(unescape(echoed.substring(last, m.start()))));
            out.append(markup(unescape(m.group(1)), m.group(2) == null ? null : unescape(m.group(2))));
            last = m.end();
        }
        return out.append(plain(unescape(echoed.substring(last)))).toString();
    }

    private static String markup(String target, String label) {
        boolean labelled = label != null && !label.isBlank();
        if (target.startsWith("@")) {
            return "@" + plain(labelled ? label.replaceFirst("^@", "") : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + plain(labelled ? label : target.substring(1));
        }
        if (!labelled) {
            return target;
        }
        // EchoedText kept the label only where it is the address itself
        return "[" + plain(label) + "](" + target.replace(")", "%29") + ")";
    }

    private static String unescape(String s) {
        return EchoedText.editable(s);
    }

    /**
     * Plain text (as typed in a modal, or Slack text once unescaped) made safe for Markdown: a "&lt;" that would open
     * an HTML tag ("&lt;checkout&gt;", "&lt;script&gt;") is written as an entity, because wikis render tags and the
     * words would vanish ("p99 &lt; 2s" is left alone); brackets are escaped, so no link or image is built from it.
     */
    static String plain(String s) {
        return s == null ? "" : TAG_OPENING.matcher(s).replaceAll("&lt;").replace("[", "\\[").replace("]", "\\]");
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
