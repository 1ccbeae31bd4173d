package io.coebot.interview;

import io.coebot.slack.MessageTs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a question message shows once it is answered: its words, and in place of its buttons who chose what. Without
 * it a pressed button leaves no trace in the thread, and the buttons stay pressable above the answer.
 *
 * <p>A trace shows the answer the COE holds, not only the press that made it: when the answer changes later (`back`
 * and another choice, `/coe answers`, an edited or deleted reply), every message that shows it is edited again to
 * say what it is now and who changed it. A thread read from the top must not state a severity the COE no longer
 * has; the change itself stays told in the thread, where it happened.
 */
final class AnswerTraces {
    private AnswerTraces() {
    }

    /** Only questions with buttons (or a menu) get a trace; a typed text answer is right below its question already. */
    static boolean hasChoices(Question q) {
        return switch (q.kind()) {
            case CHOICE, MULTI_CHOICE, YES_NO, CONFIRM_TIME -> true;
            default -> false;
        };
    }

    /**
     * The question as {@code asked} (the state in which it was asked, so its words come out the same) at {@code ts},
     * answered by {@code who}: "✅ *SEV2* — chosen by @alice".
     */
    static Traced answered(InterviewState asked, Question q, MessageTs ts, String who, String labels, boolean pressed) {
        boolean heading = asked.previousQuestionId() == null
                || Questions.byId(asked.previousQuestionId()).section() != q.section();
        String text = Facilitator.ask(asked, q, heading).text();
        return new Traced(new QuestionMessage(ts, q.id(), text),
                "✅ *" + labels + "* — " + (pressed ? "chosen" : "answered") + " by <@" + who + ">");
    }

    /**
     * After any transition: an answer that changed keeps the messages that showed it, and each of them is edited to
     * show the change; one that was removed says so. Messages traced in this very step are left as they were just drawn.
     */
    static Step followChanges(InterviewState before, InterviewInput input, Step step) {
        Map<String, Answer> after = new LinkedHashMap<>(step.state().answers());
        List<BotReply> replies = new ArrayList<>(step.replies());
        boolean changed = false;
        for (Answer old : before.answers().values()) {
            if (old.shownOn().isEmpty()) {
                continue;
            }
            Question q = Questions.byId(old.questionId());
            Answer now = after.get(old.questionId());
            if (now == null) {
                for (QuestionMessage m : old.shownOn()) {
                    replies.add(new Traced(m, "↩️ The answer was removed, so this question is open again."));
                }
                continue;
            }
            List<QuestionMessage> kept = new ArrayList<>(old.shownOn());
            for (QuestionMessage m : now.shownOn()) {
                if (kept.stream().noneMatch(k -> k.ts().equals(m.ts()))) {
                    kept.add(m);
                }
            }
            if (!kept.equals(now.shownOn())) {
                after.put(q.id(), now.shownOn(kept));
                changed = true;
            }
            if (!Objects.equals(old.value(), now.value())) {
                String who = actor(input);
                String line = "✏️ Now *" + Facilitator.shown(q, now.value()) + "*"
                        + (who == null ? "" : " — changed by <@" + who + ">");
                for (QuestionMessage m : old.shownOn()) {
                    replies.add(new Traced(m, line));
                }
            }
        }
        return changed || replies.size() != step.replies().size()
                ? new Step(changed ? step.state().withAnswers(after) : step.state(), replies)
                : step;
    }

    private static String actor(InterviewInput input) {
        if (input instanceof Picked p) return p.userId();
        if (input instanceof Reply r) return r.userId();
        if (input instanceof AnswerReplaced r) return r.userId();
        if (input instanceof AnswerEdited e) return e.userId();
        return null;
    }
}
