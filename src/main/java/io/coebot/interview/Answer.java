package io.coebot.interview;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answer to one question. {@code value} is the normalized form the rest of coe-bot reads: an ISO-8601
 * UTC instant for times, choice values comma-joined for choices, "yes"/"no" for yes/no, otherwise the text.
 * {@code shownOn}: the question messages that show this answer in place of their buttons, oldest first, so that a
 * later change can be shown there too.
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
