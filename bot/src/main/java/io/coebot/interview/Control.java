package io.coebot.interview;

import java.util.Locale;

/** What the in-thread buttons and control words do. Slash commands don't work in threads, hence words. */
public enum Control {
    SKIP, BACK, PAUSE, RESUME;

    /** The control a message stands for, or null when the message is an answer ("skip it" is an answer). */
    static Control fromWord(String text) {
        String word = text.strip().replaceAll("[.!?]+$", "").toUpperCase(Locale.ROOT);
        for (Control c : values()) {
            if (c.name().equals(word)) {
                return c;
            }
        }
        return null;
    }
}
