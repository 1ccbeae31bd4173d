package io.coebot.slack;

/**
 * A value Slack would never send for a button, menu or form the bot made: not a number where an id belongs, empty,
 * missing, of the wrong type. {@link SlackRegistry} answers it calmly (an ephemeral "out of date", or a plain ack with
 * no effect); it never becomes a 5xx that Slack would retry three times.
 */
public final class MalformedInteraction extends RuntimeException {
    public MalformedInteraction(String what) {
        // no stack trace: nothing went wrong here, and the message never carries the value itself
        super(what, null, false, false);
    }
}
