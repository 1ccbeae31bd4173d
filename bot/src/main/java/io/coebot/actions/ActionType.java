package io.coebot.actions;

import java.util.Locale;
import java.util.Optional;

/**
 * Which incident question an action item answers: faster detection, faster diagnosis, faster mitigation, or
 * prevention (a root cause from the 5 Whys). Optional on an item; a COE reads better when every kind is covered.
 */
public enum ActionType {
    DETECTION("detection"),
    DIAGNOSIS("diagnosis"),
    MITIGATION("mitigation"),
    PREVENTION("prevention");

    private final String key;

    ActionType(String key) {
        this.key = key;
    }

    /** The stored and displayed word; stable, never rename it (rows hold it). */
    public String key() {
        return key;
    }

    public static ActionType fromKey(String key) {
        for (ActionType t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown action type key: " + key);
    }

    /** From what someone typed, any case: detection, diagnosis, mitigation, prevention. */
    public static Optional<ActionType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        for (ActionType t : values()) {
            if (t.key.equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
