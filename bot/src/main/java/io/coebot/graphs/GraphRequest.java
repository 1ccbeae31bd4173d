package io.coebot.graphs;

import io.coebot.slack.EchoedText;

/**
 * What {@code /coe graph …} asks for: the list and help (nothing after it), the timeline chart ({@code timeline}),
 * or a graph of a PromQL query with an optional title ({@code <PromQL> as <title>}). Slack escapes &amp;, &lt; and
 * &gt; in a command's text; PromQL needs them as typed ({@code > 0}, {@code =~"5.."}), so they are undone here.
 */
sealed interface GraphRequest {
    int QUERY_MAX = 2000;
    int TITLE_MAX = 100;

    record Help() implements GraphRequest {}

    record TimelineChart() implements GraphRequest {}

    /** @param title null when none was given */
    record Draw(String query, String title) implements GraphRequest {}

    /** @param reason what to fix, for the person who typed it */
    record Invalid(String reason) implements GraphRequest {}

    static GraphRequest parse(String slackText) {
        String text = EchoedText.editable(slackText == null ? "" : slackText).strip();
        if (text.isEmpty() || text.equalsIgnoreCase("help")) {
            return new Help();
        }
        if (text.equalsIgnoreCase("timeline")) {
            return new TimelineChart();
        }
        // a space in front, so that "as Title" with no query before it is read as a title without a query
        String padded = " " + text;
        int as = firstTopLevelAs(padded);
        String query = (as < 0 ? text : padded.substring(0, as)).strip();
        String title = as < 0 ? null : padded.substring(as + 4).strip();
        return of(query, title);
    }

    /** The same checks for the modal's two fields. */
    static GraphRequest of(String query, String title) {
        query = query == null ? "" : query.strip();
        title = title == null || title.isBlank() ? null : title.strip().replaceAll("\\s+", " ");
        if (query.isEmpty()) {
            return new Invalid("Type a PromQL query, e.g. `/coe graph sum by (code) (rate(http_requests_total[5m])) as Checkout errors`.");
        }
        if (query.length() > QUERY_MAX) {
            return new Invalid("That query is " + query.length() + " characters long; " + QUERY_MAX + " at most.");
        }
        if (title != null && title.length() > TITLE_MAX) {
            return new Invalid("A title of " + TITLE_MAX + " characters at most, please.");
        }
        return new Draw(query, title);
    }

    /**
     * Where " as " splits query and title: its first occurrence outside quotes, brackets and braces. PromQL has no
     * "as" of its own, so the first one ends the query, and a title may say "as" again ("Latency as users saw it");
     * a label value may say it too ({@code {job="as is"}}), inside quotes.
     */
    private static int firstTopLevelAs(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                default -> {
                    if (depth == 0 && Character.isWhitespace(c) && text.regionMatches(true, i + 1, "as", 0, 2)
                            && i + 3 < text.length() && Character.isWhitespace(text.charAt(i + 3))) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }
}
