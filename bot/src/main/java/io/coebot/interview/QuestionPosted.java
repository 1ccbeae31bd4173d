package io.coebot.interview;

import io.coebot.slack.MessageTs;

/**
 * The bot's question message was actually posted, with this Slack {@code ts}. Until then nobody can have
 * seen the question, which is how the interview tells a late answer to the previous question from an
 * answer to this one.
 */
public record QuestionPosted(String questionId, MessageTs ts) implements InterviewInput {
}
