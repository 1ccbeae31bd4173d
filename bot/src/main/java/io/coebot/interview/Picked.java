package io.coebot.interview;

import io.coebot.slack.MessageTs;

import java.util.List;

/**
 * Choice button(s) or a multi-select on a question message; {@code values} are {@link Choice#value()}s.
 * {@code messageTs} is the message they were pressed on (null when unknown): that is where the choice is shown.
 */
record Picked(String userId, String questionId, List<String> values, MessageTs messageTs) implements InterviewInput {
    public Picked(String userId, String questionId, List<String> values) {
        this(userId, questionId, values, null);
    }
}
