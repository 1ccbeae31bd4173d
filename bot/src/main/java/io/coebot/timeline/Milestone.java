package io.coebot.timeline;

import java.util.Locale;

/**
 * The moments a COE measures an incident by, declared in the order they must happen: the declaration order is
 * what {@link MilestoneTimes} checks against, so do not reorder the constants.
 */
public enum Milestone {
    TRIGGER("the trigger"),
    DETECTED("detection"),
    DIAGNOSED("diagnosis"),
    MITIGATED("mitigation"),
    RESOLVED("resolution");

    private final String humanName;

    Milestone(String humanName) {
        this.humanName = humanName;
    }

    /** How a sentence refers to it: "That would put detection (…) before the trigger (…)". */
    public String humanName() {
        return humanName;
    }

    /** Stored with entries and answers; independent of the constant's Java name so a rename cannot orphan rows. */
    public String key() {
        return switch (this) {
            case TRIGGER -> "trigger";
            case DETECTED -> "detected";
            case DIAGNOSED -> "diagnosed";
            case MITIGATED -> "mitigated";
            case RESOLVED -> "resolved";
        };
    }

    /** The milestone stored under {@code key}; throws for a key this version does not know. */
    public static Milestone fromKey(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (Milestone m : values()) {
            if (m.key().equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown milestone: " + key);
    }
}
