package io.coebot.whys;

import java.util.List;

/**
 * The session after one input, and what the bot says in the thread. A {@code refusal} changes nothing and is
 * shown only to whoever pressed the button (a press on an old question, a person's mistake as root cause).
 */
record WhysStep(WhysState state, List<WhysMessage> messages, String refusal) {
    public WhysStep {
        messages = List.copyOf(messages);
    }
}
