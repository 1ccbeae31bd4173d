package io.coebot.whys;

import java.util.List;

/**
 * One message in the session's thread. A question has a {@code seq} (its ts comes back through the outbox) and
 * buttons; each button names the node it acts on, so a press after the session moved on is recognised.
 */
record WhysMessage(String text, Integer seq, List<Button> buttons) {
    public WhysMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public enum Action { ROOT_CAUSE, ANOTHER_CAUSE, KEEP_ASKING, BACK, USE_PROPOSAL, REMOVE, KEEP }

    public record Button(Action action, String label, int nodeId) {}

    static WhysMessage say(String text) {
        return new WhysMessage(text, null, List.of());
    }
}
