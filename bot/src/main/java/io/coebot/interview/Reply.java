package io.coebot.interview;

import io.coebot.slack.MessageTs;

import java.time.ZoneId;

/** A human message in the interview thread. {@code userZone} reads times that name no zone; null means UTC. */
public record Reply(String userId, String text, MessageTs messageTs, ZoneId userZone) implements InterviewInput {
}
