package io.coebot.whys;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cause tree as a reader sees it in the COE: indented, numbered lines (1 → 1.1 → 1.1.1 ★ root cause),
 * each root cause followed by what will prevent it. The same text serves the session's root message and the
 * published COE, so what the team saw while answering is what the COE says.
 */
public final class WhysTreeText {
    /** Slack collapses leading spaces in mrkdwn; em spaces keep the indentation. */
    private static final String SLACK_INDENT = "\u2003\u2003";

    private WhysTreeText() {
    }

    /** Said after a cause that puts it on a person, wherever the tree is read: a reader must not take it as the answer. */
    static final String PERSONS_MISTAKE = "(a person's mistake: why was it possible?)";

    /** One line per cause and per remediation, indented for Slack mrkdwn; empty while there is no cause yet. */
    public static List<String> slackLines(WhysState session) {
        return lines(session, SLACK_INDENT, "★ ", "_Fix:_ ");
    }

    /** The tree as a Markdown nested list, for the exported COE. */
    public static String markdown(WhysState session) {
        WhyTree tree = session.tree();
        List<String> out = new ArrayList<>();
        for (WhyNode n : tree.inReadingOrder()) {
            String pad = "  ".repeat(tree.depth(n.id()) - 1);
            out.add(pad + "- " + tree.label(n.id()) + " " + (n.rootCause() ? "★ **root cause:** " : "") + oneLine(n.text())
                    + (session.humanError(n) ? " *" + PERSONS_MISTAKE + "*" : ""));
            for (Remediation r : n.remediations()) {
                out.add(pad + "  - *Remediation:* " + oneLine(r.text()));
            }
        }
        return out.stream().collect(Collectors.joining("\n"));
    }

    private static List<String> lines(WhysState session, String indent, String rootMark, String fixMark) {
        WhyTree tree = session.tree();
        List<String> out = new ArrayList<>();
        for (WhyNode n : tree.inReadingOrder()) {
            String pad = indent.repeat(tree.depth(n.id()) - 1);
            StringBuilder line = new StringBuilder(pad).append('*').append(tree.label(n.id())).append("* ");
            if (n.rootCause()) {
                line.append(rootMark);
            }
            line.append(oneLine(n.text()));
            if (session.humanError(n)) {
                line.append(" _").append(PERSONS_MISTAKE).append("_");
            }
            out.add(line.toString());
            for (Remediation r : n.remediations()) {
                out.add(pad + indent + "→ " + fixMark + oneLine(r.text()));
            }
        }
        return out;
    }

    /** Causes are sentences; a line break inside one would break the outline. */
    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /**
     * A cause or problem on one short line, for lists and notification text: whitespace collapsed, cut at
     * {@code max} characters with "…", never between the two halves of an emoji.
     */
    static String shortLine(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.length() <= max) {
            return line;
        }
        int cut = Character.isHighSurrogate(line.charAt(max - 2)) ? max - 2 : max - 1;
        return line.substring(0, cut) + "…";
    }
}
