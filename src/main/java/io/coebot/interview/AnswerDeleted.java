package io.coebot.interview;

/** The Slack message that held (part of) an answer was deleted. */
record AnswerDeleted(String messageTs) implements InterviewInput {
}
