package io.coebot.interview;

import io.coebot.slack.MessageTs;

import java.time.ZoneId;

/** Someone edited the Slack message that held (part of) an answer. */
record AnswerEdited(String userId, MessageTs messageTs, String newText, ZoneId userZone) implements InterviewInput {
}
