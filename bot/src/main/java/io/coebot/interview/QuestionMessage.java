package io.coebot.interview;

import io.coebot.slack.MessageTs;

/**
 * A question's message that shows an answer in place of its buttons, with the question's words as they were asked
 * (so that showing a later change keeps them).
 */
record QuestionMessage(MessageTs ts, String questionId, String text) {
}
