package io.coebot.interview;

import io.coebot.slack.SideTalk;
import static io.coebot.interview.Questions.DETECTED_AT;
import static io.coebot.interview.Questions.DETECTION_HOW;
import static io.coebot.interview.Questions.MITIGATED_AT;
import static io.coebot.interview.Questions.MITIGATED_CONFIRM;
import static io.coebot.interview.Questions.SUMMARY;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The interview's voice: a calm facilitator who asks one thing at a time in plain words. Every sentence the
 * bot says lives here, so the tone can be read (and changed) in one place.
 */
final class Facilitator {

    static final String INTRO = "Let's work through the COE together, one question at a time, right here in this "
            + "thread. Any reply in this thread answers the current question, whoever writes it. "
            + "Say `skip`, `back` or `pause` (or use the buttons). "
            + SideTalk.HOW + " "
            + "To change or clear an answer, edit or delete your message.";
    static final String PAUSED = "Paused. Press Resume on the COE card or run `/coe resume` in the channel; "
            + "I'll pick up right here.";
    static final String ALREADY_PAUSED = "We're already paused. Press Resume on the COE card or run `/coe resume` "
            + "to carry on.";
    static final String NOT_PAUSED = "We're not paused; the current question is still open.";
    static final String PAUSED_REMINDER = "We're paused. Press Resume on the COE card or run `/coe resume` first.";
    static final String PAUSED_NOT_ANSWERED = "We're paused, so I'm not taking replies as answers. Press Resume on "
            + "the COE card or run `/coe resume` when you're ready, and I'll ask the current question again.";
    static final String ALREADY_COMPLETE = "This interview is complete. To change an answer, use `/coe answers`.";
    static final String NOTHING_BEFORE = "This is the first question, so there's nothing to go back to.";
    static final String SHORT_SUMMARY = "Reply `accept` to use the draft, or write the summary in a few sentences "
            + "(say `back` to change an earlier answer).";
    static final String STALE_SKIP = "That `skip` was sent before this question appeared, so I haven't skipped it. "
            + "Say `skip` again if you meant this one.";

    private static final int SHOWN_TEXT = 120;

    private Facilitator() {
    }

    /** The question message; when a new section begins, it opens with the section's name. */
    static Ask ask(InterviewState s, Question q, boolean newSection) {
        String body = switch (q.id()) {
            case DETECTION_HOW -> detectionPrompt(s, q);
            case MITIGATED_CONFIRM -> confirmPrompt(s, q);
            case SUMMARY -> "Here's a draft summary from your answers:\n> " + SummaryDraft.from(s)
                    + "\nReply `accept` to use it, or write your own version.";
            default -> q.prompt();
        };
        List<Choice> choices = q.choices();
        if (MITIGATED_CONFIRM.equals(q.id())) {
            choices = s.isAnswered(MITIGATED_AT) ? List.of(new Choice("yes", "Yes, that's right")) : List.of();
        }
        String text = newSection ? "*" + q.section().title() + "* — " + body : body;
        return new Ask(q.id(), q.section(), text, choices, q.kind() == Kind.MULTI_CHOICE, q.hint());
    }

    private static String detectionPrompt(InterviewState s, Question q) {
        Instant detected = Milestones.time(s.answers(), DETECTED_AT);
        return detected == null ? q.prompt()
                : "You noted the impact was detected at " + IncidentTime.utc(detected) + ". " + q.prompt();
    }

    private static String confirmPrompt(InterviewState s, Question q) {
        Instant mitigated = Milestones.time(s.answers(), MITIGATED_AT);
        return mitigated == null ? q.prompt()
                : "Impact was back to normal at " + IncidentTime.utc(mitigated)
                + " — right? Reply yes, or give the correct time.";
    }

    static String revisitIntro(int count) {
        return count == 1
                ? "Before the summary, let's go back to the question you skipped. `skip` again leaves it open."
                : "Before the summary, let's go back to the " + count + " questions you skipped. "
                + "`skip` again leaves one open.";
    }

    static String thanks(InterviewState s) {
        List<String> open = s.openQuestions();
        String thanks = "That's the whole interview. Thank you all for the care you put into it.";
        if (open.isEmpty()) {
            return thanks + " Every question has an answer.";
        }
        return thanks + " Still open: " + labels(open) + ". You can fill them in any time with `/coe answers`.";
    }

    static String alreadyAnswered(Question q) {
        return "“" + q.label() + "” already has an answer. Say `back` to change it, or use `/coe answers`.";
    }

    static String notCurrent(String questionId) {
        String label = Questions.find(questionId).map(Question::label).orElse(questionId);
        return "We're not on “" + label + "” right now. Say `back` to return to it, or use `/coe answers`.";
    }

    static String skipped(Question q) {
        return "Skipped “" + q.label() + "”. I'll come back to it before the summary.";
    }

    static String keptAnswer(Question q, Answer a) {
        return "Kept the answer to “" + q.label() + "”: " + shown(q, a.value()) + ".";
    }

    static String goingBack(Question q, Answer a) {
        return "The answer so far: " + shown(q, a.value()) + ". Your reply replaces it; `skip` keeps it.";
    }

    static String addedToEarlier(Question q) {
        return "Added that to the answer to “" + q.label() + "”, since it was sent before this question appeared.";
    }

    static String keptFirst(Question q, Answer a) {
        return "“" + q.label() + "” already had an answer, so I kept the first one (" + shown(q, a.value())
                + "). Say `back` to change it.";
    }

    static String updated(Question q, String note) {
        return "Updated the answer to “" + q.label() + "”." + (note == null ? "" : " " + note);
    }

    static String editRefused(Question q, String problem, Answer previous) {
        return "I didn't take that edit to “" + q.label() + "”. " + problem + " I kept the previous answer: "
                + shown(q, previous.value()) + ".";
    }

    static String notUpdated(Question q, String problem) {
        return "I couldn't update “" + q.label() + "”. " + problem;
    }

    static String emptyAnswer(Question q) {
        return "An empty answer can't be saved for “" + q.label() + "”.";
    }

    static String unknownQuestion(String id) {
        return "There's no interview question called “" + id + "”.";
    }

    static String removedPart(Question q) {
        return "Removed that message from the answer to “" + q.label() + "”.";
    }

    static String cleared(Question q) {
        return "Cleared the answer to “" + q.label() + "”.";
    }

    static String clearedAskAgain(Question q) {
        return cleared(q) + " I'll ask it again before the summary.";
    }

    static String clearedOpen(Question q) {
        return cleared(q) + " It's open now; `/coe answers` fills it in.";
    }

    /** The contribution text for a button press: what the button said. */
    static String labelsOf(Question q, List<String> values) {
        if (q.kind() == Kind.CONFIRM_TIME) {
            return "Yes, that's right";
        }
        return q.choices().stream().filter(c -> values.contains(c.value())).map(Choice::label)
                .collect(Collectors.joining(", "));
    }

    /** A stored value the way people read it: times in UTC, choices by label, long text cut short. */
    static String shown(Question q, String value) {
        if (value == null) {
            return "";
        }
        if (q.kind() == Kind.TIME || q.kind() == Kind.CONFIRM_TIME) {
            return Answer.instantOf(value).map(IncidentTime::utc).orElse(value);
        }
        if (q.kind() == Kind.CHOICE || q.kind() == Kind.MULTI_CHOICE || q.kind() == Kind.YES_NO) {
            List<String> values = Answer.choicesOf(value);
            String labels = labelsOf(q, values);
            if (!labels.isEmpty() && q.choices().stream().map(Choice::value).toList().containsAll(values)) {
                return labels;
            }
        }
        return quoted(value);
    }

    /**
     * What someone wrote, quoted back on one line and cut short: a reply can be 40,000 characters, and repeating it
     * whole would make a message Slack refuses. Never cuts an emoji in half.
     */
    static String quoted(String text) {
        String oneLine = text.replaceAll("\\s*\\n\\s*", " ");
        if (oneLine.length() <= SHOWN_TEXT) {
            return "“" + oneLine + "”";
        }
        int cut = SHOWN_TEXT - 1;
        return "“" + oneLine.substring(0, Character.isHighSurrogate(oneLine.charAt(cut - 1)) ? cut - 1 : cut) + "…”";
    }

    private static String labels(List<String> ids) {
        return ids.stream().map(id -> "“" + Questions.byId(id).label() + "”").collect(Collectors.joining(", "));
    }
}
