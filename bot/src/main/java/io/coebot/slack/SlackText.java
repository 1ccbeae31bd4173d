package io.coebot.slack;

/**
 * The one rule for text that arrives from Slack, whatever feature reads it: a NUL (U+0000) or a lone surrogate
 * becomes U+FFFD. PostgreSQL refuses NUL in text and in jsonb, and a lone surrogate cannot be written as UTF-8, so
 * either would make an answer fail (or silently turn into '?') instead of being kept; the replacement character
 * keeps the rest of what the person wrote, and shows where something unreadable was.
 */
public final class SlackText {
    /** A person as Slack writes a mention in escaped text: {@code <@U123>} or {@code <@U123|alice>}; group 1 is the id. */
    public static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("<@([A-Z0-9]+)(?:\\|[^>]*)?>");

    /** The ids of the people mentioned, in order, each once. */
    public static java.util.List<String> mentionedUsers(String text) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = MENTION.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return java.util.List.copyOf(out);
    }
    public static final char REPLACEMENT = '\uFFFD';

    private SlackText() {}

    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Nearly every string is clean: answer that without copying it. */
    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
