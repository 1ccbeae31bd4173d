package io.coebot.sandbox.slack;

import java.time.Instant;
import java.util.List;

/**
 * Something the app sent that Slack would refuse for what it holds: a message over Slack's length or Block Kit
 * limits, a view that breaks them, an empty message. The app's outbox gives up on such a message for good, so a
 * person would simply never see it; tests look here to catch it (an injected fault is not a refusal).
 *
 * @param via      the Web API method, {@code response_url}, {@code command ack} or {@code view_submission ack}
 * @param error    Slack's error code: {@code msg_too_long}, {@code invalid_blocks}, {@code invalid_arguments}…
 * @param messages Slack's explanations ({@code [ERROR] … [json-pointer:/blocks/0/text/text]}), possibly empty
 * @param text     the start of the message's {@code text} (or of the view), to tell which message it was
 * @param at       when it was refused
 */
public record Refusal(String via, String error, List<String> messages, String text, Instant at) {

    @Override
    public String toString() {
        return via + " refused: " + error + (messages.isEmpty() ? "" : " " + messages) + " — " + Json.truncate(text, 160);
    }
}
