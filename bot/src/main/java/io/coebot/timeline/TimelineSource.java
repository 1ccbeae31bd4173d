package io.coebot.timeline;

import java.util.Locale;

/** How an entry reached the timeline; shown next to it so readers know whether it is a quote or a recollection. */
public enum TimelineSource {
    REACTION,
    SHORTCUT,
    MANUAL,
    IMPORT;

    /** Stored with the entry; independent of the constant's Java name. */
    public String key() {
        return switch (this) {
            case REACTION -> "reaction";
            case SHORTCUT -> "shortcut";
            case MANUAL -> "manual";
            case IMPORT -> "import";
        };
    }

    public static TimelineSource fromKey(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (TimelineSource s : values()) {
            if (s.key().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown timeline source: " + key);
    }
}
