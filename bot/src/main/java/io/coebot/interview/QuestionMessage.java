package io.coebot.interview;

/**
 * A question's message that shows an answer in place of its buttons, with the question's words as they were asked
 * (so that showing a later change keeps them).
 */
public record QuestionMessage(String ts, String questionId, String text) {
}
