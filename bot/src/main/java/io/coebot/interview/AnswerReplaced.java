package io.coebot.interview;

import java.time.ZoneId;

/** A whole answer rewritten from the {@code /coe answers} Edit modal. */
public record AnswerReplaced(String userId, String questionId, String text, ZoneId userZone) implements InterviewInput {
}
