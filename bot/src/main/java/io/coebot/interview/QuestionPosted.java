package io.coebot.interview;

/**
 * The bot's question message was actually posted, with this Slack {@code ts}. Until then nobody can have
 * seen the question, which is how the interview tells a late answer to the previous question from an
 * answer to this one.
 */
public record QuestionPosted(String questionId, String ts) implements InterviewInput {
}
