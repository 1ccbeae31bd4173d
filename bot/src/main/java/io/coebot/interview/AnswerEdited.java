package io.coebot.interview;

import java.time.ZoneId;

/** Someone edited the Slack message that held (part of) an answer. */
public record AnswerEdited(String userId, String messageTs, String newText, ZoneId userZone) implements InterviewInput {
}
