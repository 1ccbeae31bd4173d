package io.coebot.interview;

import io.coebot.slack.MessageTs;

/** The Slack message that held (part of) an answer was deleted. */
record AnswerDeleted(MessageTs messageTs) implements InterviewInput {
}
