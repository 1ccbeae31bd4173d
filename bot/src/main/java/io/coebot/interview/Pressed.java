package io.coebot.interview;

/** A control button (on the question or the COE card). */
record Pressed(String userId, Control control) implements InterviewInput {
}
