package io.coebot.interview;

import java.util.List;

/** Choice button(s) or a multi-select on a question message; {@code values} are {@link Choice#value()}s. */
public record Picked(String userId, String questionId, List<String> values) implements InterviewInput {
}
