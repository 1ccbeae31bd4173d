package io.coebot.interview;

/** The Slack message that held (part of) an answer was deleted. */
public record AnswerDeleted(String messageTs) implements InterviewInput {
}
