package io.coebot.interview;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The answer to one question. {@code value} is the normalized form the rest of coe-bot reads: an ISO-8601
 * UTC instant for times, choice values comma-joined for choices, "yes"/"no" for yes/no, otherwise the text.
 * {@code shownOn}: the question messages that show this answer in place of their buttons, oldest first, so that a
 * later change can be shown there too.
 *
 * <p>{@code value} stays a string because that is what is stored (as JSON) and compared; code that needs its
 * meaning reads it through {@link #instant()} and {@link #choices()}, so the stored form is parsed in one place.
 */
public record Answer(String questionId, List<Contribution> contributions, String value, List<QuestionMessage> shownOn) {

    public Answer {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        shownOn = shownOn == null ? List.of() : List.copyOf(shownOn);
    }

    public Answer(String questionId, List<Contribution> contributions, String value) {
        this(questionId, contributions, value, List.of());
    }

    Answer shownOn(List<QuestionMessage> messages) {
        return new Answer(questionId, contributions, value, messages);
    }

    /** A time question's instant; empty when there is no value or the stored one is no instant. */
    public Optional<Instant> instant() {
        return instantOf(value);
    }

    /** A choice, multiple-choice or yes/no answer's picked values, in stored order; empty when there is none. */
    public List<String> choices() {
        return choicesOf(value);
    }

    /** {@link #instant()} for a normalized value not (yet) stored in an answer, such as a reading being confirmed. */
    static Optional<Instant> instantOf(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@link #choices()} for a normalized value not (yet) stored in an answer. */
    static List<String> choicesOf(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** What people wrote, one message per line. */
    public String text() {
        return textOf(contributions);
    }

    static String textOf(List<Contribution> contributions) {
        return contributions.stream().map(Contribution::text).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }

    /**
     * A yes/no answer's label with what people wrote beyond the yes or no ("No — the push was a routine change"), so
     * the reason given with it is never dropped; {@code label} alone when there was nothing more.
     */
    public String withRemark(String label) {
        String remark = contributions.stream().map(Contribution::text).filter(Objects::nonNull)
                .map(AnswerReading::remarkAfterYesNo).filter(r -> !r.isEmpty()).collect(Collectors.joining("; "));
        return remark.isEmpty() ? label : label + " — " + remark;
    }

    /** Who answered, first contributor first, each once. */
    public List<String> contributors() {
        return contributions.stream().map(Contribution::userId).filter(Objects::nonNull).distinct().toList();
    }
}
