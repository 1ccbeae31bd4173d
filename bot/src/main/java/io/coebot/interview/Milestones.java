package io.coebot.interview;

import static io.coebot.interview.Questions.DETECTED_AT;
import static io.coebot.interview.Questions.MITIGATED_AT;
import static io.coebot.interview.Questions.RESOLVED_AT;
import static io.coebot.interview.Questions.TRIGGER_AT;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The incident's milestones, which must read in order: trigger ≤ detected ≤ mitigated ≤ resolved. Time to
 * detect and time to mitigate are measured between them, so an inverted pair would make those figures lie.
 */
final class Milestones {

    static final List<String> IN_ORDER = List.of(TRIGGER_AT, DETECTED_AT, MITIGATED_AT, RESOLVED_AT);
    private static final Map<String, String> NAMES = Map.of(
            TRIGGER_AT, "the trigger",
            DETECTED_AT, "detection",
            MITIGATED_AT, "the end of impact",
            RESOLVED_AT, "resolution");

    private Milestones() {
    }

    /** The stored time of a milestone, or null when it has no (readable) answer. */
    static Instant time(Map<String, Answer> answers, String id) {
        Answer a = answers.get(id);
        return a == null ? null : a.instant().orElse(null);
    }

    /** Why setting milestone {@code id} to {@code t} contradicts the other answered milestones; null if it doesn't. */
    static String conflict(String id, Instant t, Map<String, Answer> answers) {
        int position = IN_ORDER.indexOf(id);
        for (int other = 0; other < IN_ORDER.size(); other++) {
            Instant otherTime = other == position ? null : time(answers, IN_ORDER.get(other));
            if (otherTime == null) {
                continue;
            }
            if (other < position && t.isBefore(otherTime)) {
                return outOfOrder(id, t, IN_ORDER.get(other), otherTime);
            }
            if (other > position && t.isAfter(otherTime)) {
                return outOfOrder(IN_ORDER.get(other), otherTime, id, t);
            }
        }
        return null;
    }

    private static String outOfOrder(String later, Instant laterTime, String earlier, Instant earlierTime) {
        return "That would put " + NAMES.get(later) + " (" + IncidentTime.utc(laterTime) + ") before "
                + NAMES.get(earlier) + " (" + IncidentTime.utc(earlierTime) + "). Please check the time.";
    }
}
