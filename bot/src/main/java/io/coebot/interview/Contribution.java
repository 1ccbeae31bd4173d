package io.coebot.interview;

import io.coebot.slack.MessageTs;

import java.time.Instant;

/**
 * One person's part of an answer. Answers can hold several, because two people often answer the same
 * question a few seconds apart. {@code messageTs} is null when it came from the modal or a button, so it
 * cannot be edited or deleted in the thread.
 */
public record Contribution(String userId, String text, MessageTs messageTs, Instant at) {
}
