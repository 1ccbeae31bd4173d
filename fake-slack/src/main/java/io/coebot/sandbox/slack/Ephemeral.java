package io.coebot.sandbox.slack;

import java.time.Instant;
import java.util.List;

/**
 * A message only one person sees ("Only visible to you").
 *
 * @param channel   where it appears
 * @param user      who sees it
 * @param messageTs the ts Slack answered with (chat.postEphemeral {@code message_ts})
 * @param threadTs  thread it appears in, or null
 * @param text      top-level text
 * @param blocks    raw blocks JSON, or null
 * @param source    {@code chat.postEphemeral}, {@code response_url} or {@code ack} (slash command HTTP answer)
 * @param at        when it was shown
 */
public record Ephemeral(String channel, String user, String messageTs, String threadTs, String text, String blocks,
                        String source, Instant at) {

    public String visibleText() {
        return BlockKitText.visibleText(text, blocks, null);
    }

    public List<Button> buttons() {
        return BlockKitText.buttons(BlockKitText.array(blocks));
    }

    public Button button(String labelOrActionId) {
        return buttons().stream()
                .filter(b -> labelOrActionId.equals(b.label()) || labelOrActionId.equals(b.actionId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button \"" + labelOrActionId + "\" on ephemeral; buttons: " + buttons()));
    }

    @Override
    public String toString() {
        return "ephemeral(" + source + ") for " + user + " in " + channel + ": " + Json.truncate(visibleText(), 200);
    }
}
