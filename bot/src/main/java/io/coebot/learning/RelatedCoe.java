package io.coebot.learning;

import java.util.List;

/**
 * An earlier COE like this one, and what they share.
 *
 * @param services   services both name
 * @param causeWords words (stemmed, as PostgreSQL indexes them) both root causes use
 * @param words      every word the two have in common, for when neither of the above says why
 */
record RelatedCoe(long coeId, int number, String title, String channelId, String cardTs, List<String> services,
                  List<String> causeWords, List<String> words) {

    /** One line on why it is suggested. */
    String why() {
        List<String> shown = services.stream().filter(s -> services.stream().noneMatch(o -> !o.equals(s) && o.contains(s))).toList();
        StringBuilder b = new StringBuilder();
        if (!shown.isEmpty()) {
            b.append(shown.size() == 1 ? "same service: " : "same services: ").append(String.join(", ", first(shown, 3)));
        }
        if (!causeWords.isEmpty()) {
            b.append(b.isEmpty() ? "" : "; ").append("root causes share ").append(quoted(first(causeWords, 5)));
        }
        if (b.isEmpty()) {
            b.append("in common: ").append(quoted(first(words, 5)));
        }
        return b.toString();
    }

    private static List<String> first(List<String> l, int n) {
        return l.subList(0, Math.min(n, l.size()));
    }

    private static String quoted(List<String> words) {
        return String.join(", ", words.stream().map(w -> "“" + w + "”").toList());
    }
}
