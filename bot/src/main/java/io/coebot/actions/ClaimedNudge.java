package io.coebot.actions;

import io.coebot.store.MessageOwner;
import io.coebot.store.OwnerKind;

/**
 * The claim a nudge's DM was queued under, as the DM's owner: Slack's answer settles that claim. A claim has no
 * number, so the outbox keeps it as the part "kind:key" (the kinds are {@link NudgeClaimStore}'s words, which hold
 * no colon); this record is the one place that writes and reads it.
 */
record ClaimedNudge(String kind, String key) {
    MessageOwner owner() {
        return new MessageOwner(OwnerKind.NUDGE, 0, kind + ":" + key);
    }

    static ClaimedNudge of(MessageOwner owner) {
        String[] parts = owner.part().split(":", 2);
        return new ClaimedNudge(parts[0], parts[1]);
    }
}
