package io.coebot.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The most common themes of a quarter's root causes: the words and two-word phrases that come back across COEs,
 * stop-words removed. Each COE counts a theme once, so one COE that says "cache" ten times is not a trend; a phrase
 * found as often as its words is shown instead of them ("connection pool" rather than "connection" and "pool"). Pure.
 */
final class RootCauseThemes {
    record Theme(String words, int coes) {}

    private static final Set<String> STOP = Set.of(("a an and are as at be because been but by can could did do does "
            + "for from had has have he her his how i if in into is it its itself not no of on or our out so than that "
            + "the their them then there these they this those to too under up was we were what when where which who "
            + "why will with would you your about after all also any before being both each few more most other over "
            + "same some such only own very just should now off again further once here during until while between "
            + "through above below down new one two got get didn't wasn't weren't isn't don't doesn't can't").split(" "));

    private RootCauseThemes() {
    }

    /** @param causes one text per COE (its root causes joined) */
    static List<Theme> top(List<String> causes, int limit) {
        Map<String, Integer> words = new HashMap<>();
        Map<String, Integer> phrases = new HashMap<>();
        for (String text : causes) {
            List<String> tokens = tokens(text);
            Set<String> w = new LinkedHashSet<>();
            Set<String> p = new LinkedHashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (t == null) {
                    continue;
                }
                w.add(t);
                if (i + 1 < tokens.size() && tokens.get(i + 1) != null) {
                    p.add(t + " " + tokens.get(i + 1));
                }
            }
            w.forEach(x -> words.merge(x, 1, Integer::sum));
            p.forEach(x -> phrases.merge(x, 1, Integer::sum));
        }
        List<Theme> all = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        phrases.forEach((phrase, n) -> {
            if (n >= 2) {
                all.add(new Theme(phrase, n));
            }
        });
        for (Theme t : all) {
            for (String w : t.words().split(" ")) {
                if (words.get(w) <= t.coes()) {
                    covered.add(w);
                }
            }
        }
        words.forEach((w, n) -> {
            if (!covered.contains(w)) {
                all.add(new Theme(w, n));
            }
        });
        all.sort((a, b) -> a.coes() != b.coes() ? Integer.compare(b.coes(), a.coes()) : a.words().compareTo(b.words()));
        return all.stream().limit(limit).toList();
    }

    /** Lower-case words; a stop-word, a number or a one-letter word becomes null, which also breaks a phrase. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'_-]+")) {
            String t = raw.replaceAll("^['_-]+|['_-]+$", "");
            if (t.isEmpty()) {
                continue;
            }
            out.add(t.length() < 2 || STOP.contains(t) || t.chars().allMatch(Character::isDigit) ? null : t);
        }
        return out;
    }
}
