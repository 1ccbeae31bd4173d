package io.coebot.sandbox.slack;

/**
 * A button as a person sees it on a message, an ephemeral message or a view.
 *
 * @param actionId the element's action_id (Slack generates one when the app did not set it)
 * @param value    the element's value, null when absent
 * @param label    the text on the button
 * @param blockId  the block holding it (Slack generates one when the app did not set it)
 */
public record Button(String actionId, String value, String label, String blockId) {
}
