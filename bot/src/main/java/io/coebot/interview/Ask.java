package io.coebot.interview;

import java.util.List;

/** A question message. {@code hint} is one short line shown under it, such as the accepted time formats. */
public record Ask(String questionId, Section section, String text, List<Choice> choices, boolean multiSelect, String hint)
        implements BotReply {
    public Ask {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
