package io.coebot.actions;

import java.util.Locale;
import java.util.Optional;

/** Where an action item stands. Only open items are nudged; won't do always carries its reason. */
public enum ActionStatus {
    OPEN("open", "open"),
    DONE("done", "done"),
    WONT_DO("wont_do", "won't do");

    private final String key;
    private final String label;

    ActionStatus(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stored word; stable, never rename it (rows hold it). */
    public String key() {
        return key;
    }

    /** How people read it: "open", "done", "won't do". */
    public String label() {
        return label;
    }

    public static ActionStatus fromKey(String key) {
        for (ActionStatus s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown action status key: " + key);
    }

    /**
     * From what someone typed. "won't do" arrives in many spellings (typographic apostrophe from phones and
     * macOS, no apostrophe, hyphen, underscore, no space), so those separators are ignored.
     */
    public static Optional<ActionStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String squeezed = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s'\u2019_-]+", "");
        return switch (squeezed) {
            case "open" -> Optional.of(OPEN);
            case "done" -> Optional.of(DONE);
            case "wontdo" -> Optional.of(WONT_DO);
            default -> Optional.empty();
        };
    }
}
