package io.coebot.interview;

import java.time.ZoneId;

/** A human message in the interview thread. {@code userZone} reads times that name no zone; null means UTC. */
public record Reply(String userId, String text, String messageTs, ZoneId userZone) implements InterviewInput {
}
