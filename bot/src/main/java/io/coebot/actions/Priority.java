package io.coebot.actions;

import java.util.Locale;
import java.util.Optional;

/** How urgent an action item is. Declared most urgent first, so the natural order is the reading order. */
public enum Priority {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String key;

    Priority(String key) {
        this.key = key;
    }

    /** The stored and displayed word; stable, never rename it (rows hold it). */
    public String key() {
        return key;
    }

    /** From a stored key; an unknown key is a bug or a bad row, so it fails loudly. */
    public static Priority fromKey(String key) {
        for (Priority p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown priority key: " + key);
    }

    /** From what someone typed: the words high, medium, low in any case; anything else is not a priority. */
    public static Optional<Priority> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (Priority p : values()) {
            if (p.key.equals(word)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
