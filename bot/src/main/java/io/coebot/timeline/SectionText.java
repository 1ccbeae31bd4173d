package io.coebot.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits mrkdwn that is too long for one Block Kit section into several, so a long message is shown whole
 * instead of being refused by Slack or cut short. Cuts prefer a line end, then a sentence end, then a space,
 * and never fall inside Slack markup ({@code <@U…>}, {@code <https://…|label>}), an entity ({@code &amp;}) or an
 * emoji's surrogate pair, which would show as garbage.
 */
public final class SectionText {

    /** Slack refuses section text over 3,000 characters. */
    public static final int MAX = 3000;
    /** Starts every part after the first, so a reader knows the text did not start there. */
    public static final String CONTINUED = "_(continued)_ ";

    private SectionText() {
    }

    /** The parts, each at most {@code max} characters with its marker; joined without markers they are {@code text}. */
    public static List<String> split(String text, int max) {
        if (max <= CONTINUED.length() + 1) {
            throw new IllegalArgumentException("Too small for a section: " + max);
        }
        boolean[] safe = safeCuts(text);
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            String marker = parts.isEmpty() ? "" : CONTINUED;
            int budget = max - marker.length();
            if (text.length() - from <= budget) {
                parts.add(marker + text.substring(from));
                return parts;
            }
            int cut = cut(text, safe, from, from + budget);
            parts.add(marker + text.substring(from, cut));
            from = cut;
        }
    }

    public static List<String> split(String text) {
        return split(text, MAX);
    }

    private static int cut(String text, boolean[] safe, int from, int limit) {
        // a cut much before the limit wastes a section; only take a nice boundary in the second half
        int nice = from + (limit - from) / 2;
        int sentence = -1;
        int space = -1;
        for (int p = limit; p >= nice && p > from; p--) {
            if (!safe[p]) {
                continue;
            }
            char before = text.charAt(p - 1);
            if (before == '\n') {
                return p;
            }
            if (Character.isWhitespace(before)) {
                if (sentence < 0 && p - 2 >= from && ".!?".indexOf(text.charAt(p - 2)) >= 0) {
                    sentence = p;
                }
                if (space < 0) {
                    space = p;
                }
            }
        }
        if (sentence >= 0) {
            return sentence;
        }
        if (space >= 0) {
            return space;
        }
        // a single token longer than a section (a huge URL) has to be cut somewhere
        for (int p = limit; p > from; p--) {
            if (safe[p]) {
                return p;
            }
        }
        return limit;
    }

    /** For each index p, whether cutting before it keeps markup, entities and emoji whole. */
    private static boolean[] safeCuts(String text) {
        boolean[] safe = new boolean[text.length() + 1];
        int lastClose = text.lastIndexOf('>');
        boolean inMarkup = false;
        for (int p = 1; p <= text.length(); p++) {
            char c = text.charAt(p - 1);
            if (c == '<' && p - 1 < lastClose) {
                inMarkup = true;
            } else if (c == '>') {
                inMarkup = false;
            }
            safe[p] = !inMarkup && !Character.isHighSurrogate(c) && !insideEntity(text, p);
        }
        return safe;
    }

    /** Cutting before p would split "&amp;", "&lt;", "&gt;" or another short entity. */
    private static boolean insideEntity(String text, int p) {
        int amp = -1;
        for (int i = p - 1; i >= 0 && i >= p - 7; i--) {
            if (text.charAt(i) == '&') {
                amp = i;
                break;
            }
        }
        if (amp < 0) {
            return false;
        }
        for (int i = amp + 1; i < Math.min(text.length(), amp + 9); i++) {
            char c = text.charAt(i);
            if (c == ';') {
                return i >= p;
            }
            if (!Character.isLetterOrDigit(c) && c != '#') {
                return false;
            }
        }
        return false;
    }
}
