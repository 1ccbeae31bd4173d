package io.coebot.store;

import java.util.Arrays;

/**
 * Who owns a thread (in {@code thread_route}) or a message the outbox sends: the feature that is told about
 * replies in the thread and about what became of the message. The stored names are the ones rows already hold.
 */
public enum OwnerKind {
    /** The interview, which runs in a COE card's thread. */
    COE_CARD("coe-card"),
    /** A 5 Whys session, in its own root message's thread. */
    WHYS("whys"),
    /** One message of a published COE (edited in place when the COE is published again). */
    PUBLISHED("published"),
    /** A DM that nudges an owner (digest, overdue report, reassignment); its claim is released if Slack refuses it. */
    NUDGE("nudge"),
    /** A COE's one message in the review channel, edited in place as its review status changes. */
    REVIEW("review");

    private final String stored;

    OwnerKind(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    public static OwnerKind ofStored(String stored) {
        return Arrays.stream(values()).filter(k -> k.stored.equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown owner kind " + stored));
    }
}
