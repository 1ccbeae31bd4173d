package io.coebot.interview;

/** A button on a question: {@code value} is stored, {@code label} is shown. */
record Choice(String value, String label) {
}
