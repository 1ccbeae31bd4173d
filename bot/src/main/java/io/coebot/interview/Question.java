package io.coebot.interview;

import java.util.List;
import java.util.Map;

/**
 * One question of the interview. The {@code id} is stored in the database and never changes; the wording can.
 *
 * @param label          a few words naming the question in confirmations and lists ("When it was detected")
 * @param prompt         what the facilitator asks
 * @param hint           one short line shown under the question
 * @param onlyIfQuestion the question whose answer decides whether this one applies; null when it always does
 * @param onlyIfValue    the value that answer must have
 */
public record Question(String id, Section section, Kind kind, String label, String prompt, String hint,
                       List<Choice> choices, String onlyIfQuestion, String onlyIfValue) {

    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean appliesGiven(Map<String, Answer> answers) {
        if (onlyIfQuestion == null) {
            return true;
        }
        Answer decider = answers.get(onlyIfQuestion);
        return decider != null && onlyIfValue.equals(decider.value());
    }

    public boolean isConditional() {
        return onlyIfQuestion != null;
    }

    /** A choice answer's values ({@link Answer#choices()}) in the words people picked ("Reliability, Cost"). */
    public String labelsOf(List<String> values) {
        return values.stream()
                .map(v -> choices.stream().filter(c -> c.value().equals(v)).map(Choice::label).findFirst().orElse(v))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
