package io.coebot.interview;

/**
 * The current question's message could not be posted at all (Slack refused it for good). Replies can't be
 * judged against a ts that will never exist, so from now on every reply answers this question.
 */
record QuestionFailed(String questionId) implements InterviewInput {
}
