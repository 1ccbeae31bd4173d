package io.coebot.interview;

import io.coebot.slack.SideTalk;
import static io.coebot.interview.InterviewStatus.COMPLETE;
import static io.coebot.interview.InterviewStatus.IN_PROGRESS;
import static io.coebot.interview.InterviewStatus.PAUSED;
import static io.coebot.interview.Questions.MITIGATED_AT;
import static io.coebot.interview.Questions.MITIGATED_CONFIRM;
import static io.coebot.interview.Questions.SUMMARY;

import io.coebot.slack.MessageTs;
import io.coebot.slack.WrittenUnder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The COE interview as a pure state machine: {@code next(state, input, now) -> (state', replies)}. No Slack,
 * no database, no clock, so every conversation can be replayed in a unit test.
 *
 * <p>The order of questions is the catalogue's. After each answer the interview asks the first question that
 * applies and has neither an answer nor a skip, so going {@code back} to fix something returns to where the
 * team left off. Skipped questions are offered once more before the summary.
 */
public final class Interview {

    private Interview() {
    }

    public static Step begin(Instant now) {
        Question first = Questions.all().get(0);
        InterviewState s = InterviewState.startingAt(first.id());
        return new Step(s, List.of(new Say(Facilitator.INTRO), Facilitator.ask(s, first, true)));
    }

    public static Step next(InterviewState state, InterviewInput input, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        return AnswerTraces.followChanges(state, input, transition(state, input, now));
    }

    private static Step transition(InterviewState state, InterviewInput input, Instant now) {
        if (input instanceof Reply reply) {
            return reply(state, reply, now);
        }
        if (input instanceof Pressed pressed) {
            return control(state, pressed.control());
        }
        if (input instanceof Picked picked) {
            return picked(state, picked, now);
        }
        if (input instanceof AnswerEdited edited) {
            return edited(state, edited);
        }
        if (input instanceof AnswerDeleted deleted) {
            return deleted(state, deleted);
        }
        if (input instanceof AnswerReplaced replaced) {
            return replaced(state, replaced, now);
        }
        if (input instanceof QuestionPosted posted) {
            return posted(state, posted.questionId(), posted.ts());
        }
        if (input instanceof QuestionFailed failed) {
            // no ts will ever come; from now on every reply answers this question
            return posted(state, failed.questionId(), MessageTs.NEVER_POSTED);
        }
        throw new IllegalArgumentException("Unknown interview input " + input);
    }

    private static Step reply(InterviewState s, Reply r, Instant now) {
        String text = r.text() == null ? "" : r.text().strip();
        if (text.isEmpty() || SideTalk.isAside(text) || s.status() == COMPLETE || alreadyHeard(s, r.messageTs())) {
            return quiet(s);
        }
        Control control = Control.fromWord(text);
        boolean wouldAnswer = control == null || control == Control.SKIP || control == Control.BACK;
        if (wouldAnswer && s.status() == IN_PROGRESS && s.askedTs() == null) {
            // nobody can tell yet whether it was written for this question or the one before: wait for the ts
            return quiet(held(s, HeldReply.of(r, text, now)));
        }
        Answer earlier = writtenBeforeQuestionShown(s, r.messageTs()) ? previousAnswer(s) : null;
        if (control != null) {
            if (s.status() == PAUSED && (control == Control.SKIP || control == Control.BACK)) {
                return pausedNotice(s); // while paused people talk freely, and "back" in a chat is just a word
            }
            if (control == Control.SKIP && earlier != null) {
                // whoever typed it was looking at the previous question; skipping one nobody has seen would lose it
                return say(s, Facilitator.STALE_SKIP);
            }
            return control(s, control);
        }
        if (s.status() == PAUSED) {
            return pausedNotice(s);
        }
        if (earlier != null) {
            return addToEarlier(s, earlier, r, text, now);
        }
        Question q = current(s);
        if (q.kind() == Kind.SUMMARY && AnswerReading.tooShortForASummary(text)) {
            // "no" or "wait, impact is wrong" in the thread must not become the summary and end the interview
            return say(s, Facilitator.SHORT_SUMMARY);
        }
        AnswerReading reading = AnswerReading.of(q, text, r.userZone(), now, s);
        if (!reading.accepted()) {
            return say(s, reading.problem());
        }
        Answer answer = new Answer(q.id(), List.of(new Contribution(r.userId(), text, r.messageTs(), now)),
                reading.value());
        if (AnswerTraces.hasChoices(q) && s.askedTs() != null && !s.askedTs().neverPosted()) {
            // typed instead of pressed: the buttons above must not stay pressable as if nothing was said
            Traced trace = AnswerTraces.answered(s, q, s.askedTs(), r.userId(), Facilitator.shown(q, reading.value()), false);
            return answered(s, answer.shownOn(List.of(trace.question())), reading, trace);
        }
        return answered(s, answer, reading, null);
    }

    /**
     * Two people answer at once: the second message was typed while the previous question was still the one
     * on screen. Answers are held until the current question is posted, so here its ts is known.
     */
    private static boolean writtenBeforeQuestionShown(InterviewState s, MessageTs messageTs) {
        return WrittenUnder.beforeQuestion(messageTs, s.askedTs());
    }

    /** Slack can deliver one message twice under different event ids; it must count once. */
    private static boolean alreadyHeard(InterviewState s, MessageTs messageTs) {
        return locate(s, messageTs) != null || heldIndex(s, messageTs) >= 0;
    }

    private static InterviewState held(InterviewState s, HeldReply reply) {
        return s.withHeldReplies(WrittenUnder.hold(s.heldReplies(), reply, HeldReply::messageTs));
    }

    private static int heldIndex(InterviewState s, MessageTs messageTs) {
        return WrittenUnder.indexOf(s.heldReplies(), messageTs, HeldReply::messageTs);
    }

    private static Answer previousAnswer(InterviewState s) {
        return s.previousQuestionId() == null ? null : s.answers().get(s.previousQuestionId());
    }

    private static Step addToEarlier(InterviewState s, Answer earlier, Reply r, String text, Instant now) {
        Question q = Questions.byId(earlier.questionId());
        List<Contribution> contributions = new ArrayList<>(earlier.contributions());
        contributions.add(new Contribution(r.userId(), text, r.messageTs(), now));
        if (q.kind() == Kind.TEXT) {
            Answer grown = new Answer(q.id(), contributions, AnswerReading.textValue(q, Answer.textOf(contributions)));
            return new Step(record(s, grown), List.of(new Say(Facilitator.addedToEarlier(q))));
        }
        // a second structured answer can't be merged with the first; keep both words, one value
        Answer kept = new Answer(q.id(), contributions, earlier.value());
        return new Step(record(s, kept), List.of(new Say(Facilitator.keptFirst(q, earlier))));
    }

    private static Step control(InterviewState s, Control control) {
        if (s.status() == COMPLETE) {
            return say(s, Facilitator.ALREADY_COMPLETE);
        }
        boolean paused = s.status() == PAUSED;
        return switch (control) {
            case PAUSE -> paused ? say(s, Facilitator.ALREADY_PAUSED)
                    : new Step(s.withStatus(PAUSED), List.of(new Say(Facilitator.PAUSED)));
            case RESUME -> paused ? resume(s) : say(s, Facilitator.NOT_PAUSED);
            case SKIP -> paused ? say(s, Facilitator.PAUSED_REMINDER) : skip(s);
            case BACK -> paused ? say(s, Facilitator.PAUSED_REMINDER) : back(s);
        };
    }

    private static Step resume(InterviewState s) {
        InterviewState running = s.withStatus(IN_PROGRESS);
        return new Step(running, List.of(Facilitator.ask(running, current(running), true)));
    }

    /**
     * While paused, replies are talk, not answers; the first one of a pause hears why nothing happens (so nobody
     * waits for a question that will not come), the rest are left alone.
     */
    private static Step pausedNotice(InterviewState s) {
        return s.pauseExplained() ? quiet(s) : new Step(s.withPauseExplained(), List.of(new Say(Facilitator.PAUSED_NOT_ANSWERED)));
    }

    private static Step skip(InterviewState s) {
        Question q = current(s);
        List<BotReply> out = new ArrayList<>();
        Answer existing = s.answers().get(q.id());
        if (existing != null) {
            // reached with `back`: skipping means "leave it as it was", not "forget it"
            out.add(new Say(Facilitator.keptAnswer(q, existing)));
            return moveOn(s, out, null, true);
        }
        out.add(new Say(Facilitator.skipped(q)));
        return moveOn(s.withSkipped(adding(s.skipped(), q.id())), out, q.id(), true);
    }

    private static Step back(InterviewState s) {
        String from = s.currentQuestionId();
        List<String> trail = new ArrayList<>(s.trail());
        String target = null;
        while (!trail.isEmpty() && target == null) {
            String id = trail.remove(trail.size() - 1);
            // the path actually taken, minus follow-ups that stopped applying since
            if (!id.equals(from) && Questions.byId(id).appliesGiven(s.answers())) {
                target = id;
            }
        }
        if (target == null) {
            return say(s, Facilitator.NOTHING_BEFORE);
        }
        List<String> revisit = s.revisit();
        if (s.revisiting() && !SUMMARY.equals(from) && s.openQuestions().contains(from) && !revisit.contains(from)) {
            // it was being asked again; leaving it for a moment must not drop it from the pass
            revisit = new ArrayList<>(revisit);
            revisit.add(0, from);
        }
        InterviewState moved = s.withTrail(trail).withRevisit(s.revisiting(), revisit).at(target);
        Question q = Questions.byId(target);
        List<BotReply> out = new ArrayList<>();
        Answer existing = s.answers().get(target);
        if (existing != null) {
            out.add(new Say(Facilitator.goingBack(q, existing)));
        }
        out.add(Facilitator.ask(moved, q, newSection(from, target)));
        return new Step(moved, out);
    }

    private static Step picked(InterviewState s, Picked p, Instant now) {
        if (s.status() == COMPLETE) {
            return say(s, Facilitator.ALREADY_COMPLETE);
        }
        if (s.status() == PAUSED) {
            return say(s, Facilitator.PAUSED_REMINDER);
        }
        if (!Objects.equals(p.questionId(), s.currentQuestionId())) {
            // a button on an older question message: the team has moved on
            return say(s, s.isAnswered(p.questionId()) ? Facilitator.alreadyAnswered(Questions.byId(p.questionId()))
                    : Facilitator.notCurrent(p.questionId()));
        }
        Question q = current(s);
        if (q.kind() == Kind.TEXT || q.kind() == Kind.TIME) {
            return quiet(s);
        }
        AnswerReading reading = AnswerReading.picked(q, p.values(), s);
        if (!reading.accepted()) {
            return say(s, reading.problem());
        }
        String pressed = Facilitator.labelsOf(q, p.values());
        Answer answer = new Answer(q.id(), List.of(new Contribution(p.userId(), pressed, null, now)), reading.value());
        MessageTs on = p.messageTs() != null ? p.messageTs() : s.askedTs();
        if (on == null || on.neverPosted()) {
            return answered(s, answer, reading, null);
        }
        Traced trace = AnswerTraces.answered(s, q, on, p.userId(), pressed, true);
        return answered(s, answer.shownOn(List.of(trace.question())), reading, trace);
    }

    private static Step answered(InterviewState s, Answer answer, AnswerReading reading, Traced trace) {
        List<BotReply> out = new ArrayList<>();
        if (trace != null) {
            out.add(trace);
        }
        if (reading.note() != null) {
            out.add(new Say(reading.note()));
        }
        return moveOn(record(s, answer), out, null, true);
    }

    private static Step edited(InterviewState s, AnswerEdited e) {
        Located found = locate(s, e.messageTs());
        String newText = e.newText() == null ? "" : e.newText().strip();
        int held = heldIndex(s, e.messageTs());
        if (held >= 0 && !newText.isEmpty()) {
            // not applied yet: it will be read as it reads now, when its question is posted
            HeldReply h = s.heldReplies().get(held);
            List<HeldReply> edited = new ArrayList<>(s.heldReplies());
            edited.set(held, new HeldReply(h.userId(), newText, h.messageTs(), h.zoneId(), h.at()));
            return quiet(s.withHeldReplies(edited));
        }
        if (found == null || newText.isEmpty()) {
            return quiet(s);
        }
        Answer a = found.answer();
        Question q = found.question();
        Contribution old = a.contributions().get(found.index());
        if (newText.equals(old.text())) {
            return quiet(s);
        }
        List<Contribution> contributions = new ArrayList<>(a.contributions());
        contributions.set(found.index(), new Contribution(old.userId(), newText, old.messageTs(), old.at()));
        String value = a.value();
        String note = null;
        if (q.kind() == Kind.TEXT) {
            value = AnswerReading.textValue(q, Answer.textOf(contributions));
        } else if (found.index() == 0) {
            // read as of when the message was first sent, so fixing a typo in "14:50" keeps the day it meant
            AnswerReading reading = AnswerReading.of(q, newText, e.userZone(), old.at(), s);
            if (!reading.accepted()) {
                return say(s, Facilitator.editRefused(q, reading.problem(), a));
            }
            value = reading.value();
            note = reading.note();
        }
        InterviewState updated = record(s, new Answer(q.id(), contributions, value));
        List<BotReply> out = new ArrayList<>();
        out.add(new Say(Facilitator.updated(q, note)));
        return settle(updated, out);
    }

    private static Step deleted(InterviewState s, AnswerDeleted d) {
        Located found = locate(s, d.messageTs());
        int held = heldIndex(s, d.messageTs());
        if (held >= 0) {
            List<HeldReply> rest = new ArrayList<>(s.heldReplies());
            rest.remove(held);
            return quiet(s.withHeldReplies(rest));
        }
        if (found == null) {
            return quiet(s);
        }
        Answer a = found.answer();
        Question q = found.question();
        List<Contribution> rest = new ArrayList<>(a.contributions());
        rest.remove(found.index());
        List<BotReply> out = new ArrayList<>();
        // for a structured answer the first message set the value; later ones were only kept alongside it
        if (!rest.isEmpty() && (q.kind() == Kind.TEXT || found.index() > 0)) {
            String value = q.kind() == Kind.TEXT
                    ? AnswerReading.textValue(q, Answer.textOf(rest)) : a.value();
            out.add(new Say(Facilitator.removedPart(q)));
            return settle(record(s, new Answer(q.id(), rest, value)), out);
        }
        Map<String, Answer> answers = new LinkedHashMap<>(s.answers());
        answers.remove(q.id());
        InterviewState cleared = s.withAnswers(answers);
        if (q.id().equals(s.currentQuestionId())) {
            // it is being asked right now (reached with back); the next reply answers it
            out.add(new Say(Facilitator.cleared(q)));
            return settle(cleared, out);
        }
        cleared = cleared.withSkipped(adding(s.skipped(), q.id()));
        boolean beforeSummary = s.status() != COMPLETE && !SUMMARY.equals(s.currentQuestionId());
        if (beforeSummary && s.revisiting()) {
            cleared = cleared.withRevisit(true, adding(s.revisit(), q.id()));
        }
        boolean askAgain = beforeSummary && !SUMMARY.equals(q.id()) && q.appliesGiven(cleared.answers());
        out.add(new Say(askAgain ? Facilitator.clearedAskAgain(q) : Facilitator.clearedOpen(q)));
        return settle(cleared, out);
    }

    private static Step replaced(InterviewState s, AnswerReplaced r, Instant now) {
        Optional<Question> found = Questions.find(r.questionId());
        if (found.isEmpty()) {
            return say(s, Facilitator.unknownQuestion(r.questionId()));
        }
        Question q = found.get();
        String text = r.text() == null ? "" : r.text().strip();
        if (text.isEmpty()) {
            return say(s, Facilitator.emptyAnswer(q));
        }
        AnswerReading reading = AnswerReading.of(q, text, r.userZone(), now, s);
        if (!reading.accepted()) {
            return say(s, Facilitator.notUpdated(q, reading.problem()));
        }
        List<Contribution> contributions = rewrittenBy(s.answers().get(q.id()), r.userId(), text, now);
        InterviewState updated = record(s, new Answer(q.id(), contributions, reading.value()));
        List<BotReply> out = new ArrayList<>();
        out.add(new Say(Facilitator.updated(q, reading.note())));
        if (q.id().equals(s.currentQuestionId())) {
            return moveOn(updated, out, null, true);
        }
        return settle(updated, out);
    }

    /**
     * The modal's text replaces what was written, but not who answered: earlier contributors stay on the answer,
     * in their order, without their words (text and ts null, so editing their old messages no longer changes it),
     * followed by the editor's text.
     */
    private static List<Contribution> rewrittenBy(Answer previous, String editor, String text, Instant now) {
        List<Contribution> contributions = new ArrayList<>();
        if (previous != null) {
            for (Contribution c : previous.contributions()) {
                if (c.userId() != null && contributions.stream().noneMatch(kept -> c.userId().equals(kept.userId()))) {
                    contributions.add(new Contribution(c.userId(), null, null, c.at()));
                }
            }
        }
        contributions.add(new Contribution(editor, text, null, now));
        return contributions;
    }

    /**
     * The current question's message is in the thread at {@code ts}: replies held until now are judged against
     * it, oldest first, as if they had arrived just after it.
     */
    private static Step posted(InterviewState s, String questionId, MessageTs ts) {
        // only the first post counts: a re-ask after resume must not make earlier answers look late
        if (s.status() == COMPLETE || !Objects.equals(questionId, s.currentQuestionId()) || s.askedTs() != null) {
            return quiet(s);
        }
        List<BotReply> out = new ArrayList<>();
        InterviewState at = WrittenUnder.replay(s.withAskedTs(ts).withHeldReplies(List.of()), s.heldReplies(),
                // one that moves the interview on leaves the next question unposted, so the rest are held again
                state -> state.status() == IN_PROGRESS && state.askedTs() == null,
                Interview::held,
                (state, h) -> {
                    Step step = reply(state, h.reply(), h.at());
                    out.addAll(step.replies());
                    return step.state();
                });
        return new Step(at, out);
    }

    /**
     * The current question has been dealt with ({@code wasAsked}) or stopped applying: ask the next one.
     * {@code justSkipped} is the question skipped a moment ago, so it is not offered again straight away.
     */
    private static Step moveOn(InterviewState s, List<BotReply> out, String justSkipped, boolean wasAsked) {
        String from = s.currentQuestionId();
        if (SUMMARY.equals(from)) {
            InterviewState done = s.completed();
            out.add(new Say(Facilitator.thanks(done)));
            return new Step(done, out);
        }
        InterviewState base = wasAsked ? s.withTrail(adding(s.trail(), from, true)) : s;
        Following following = following(base, justSkipped);
        if (following.revisitCount() > 0) {
            out.add(new Say(Facilitator.revisitIntro(following.revisitCount())));
        }
        InterviewState moved = following.state();
        if (moved.status() == IN_PROGRESS) {
            out.add(Facilitator.ask(moved, current(moved), following.revisitCount() > 0
                    || newSection(from, moved.currentQuestionId())));
        }
        return new Step(moved, out);
    }

    private record Following(InterviewState state, int revisitCount) {
    }

    private static Following following(InterviewState s, String justSkipped) {
        Map<String, Answer> answers = s.answers();
        for (Question q : Questions.all()) {
            if (q.kind() != Kind.SUMMARY && q.appliesGiven(answers) && !answers.containsKey(q.id())
                    && !s.skipped().contains(q.id())) {
                return new Following(s.at(q.id()), 0);
            }
        }
        if (!s.revisiting()) {
            List<String> again = new ArrayList<>(s.openQuestions());
            again.remove(SUMMARY);
            // asking again at once what was skipped a moment ago would be nagging: it goes last, or stays open
            if (justSkipped != null && again.remove(justSkipped) && !again.isEmpty()) {
                again.add(justSkipped);
            }
            if (again.isEmpty()) {
                return new Following(s.withRevisit(true, List.of()).at(SUMMARY), 0);
            }
            return new Following(s.withRevisit(true, again.subList(1, again.size())).at(again.get(0)), again.size());
        }
        List<String> queue = new ArrayList<>(s.revisit());
        while (!queue.isEmpty()) {
            String id = queue.remove(0);
            if (s.openQuestions().contains(id)) {
                return new Following(s.withRevisit(true, queue).at(id), 0);
            }
        }
        return new Following(s.withRevisit(true, List.of()).at(SUMMARY), 0);
    }

    /** After an edit or deletion: if the current question stopped applying (a follow-up of a changed yes), move on. */
    private static Step settle(InterviewState s, List<BotReply> out) {
        if (s.status() == COMPLETE || s.currentQuestionId() == null || current(s).appliesGiven(s.answers())) {
            return new Step(s, out);
        }
        return moveOn(s, out, null, false);
    }

    /** Stores an answer; the mitigation time and its confirmation always agree. */
    private static InterviewState record(InterviewState s, Answer answer) {
        Map<String, Answer> answers = new LinkedHashMap<>(s.answers());
        answers.put(answer.questionId(), answer);
        List<String> skipped = new ArrayList<>(s.skipped());
        skipped.remove(answer.questionId());
        if (MITIGATED_CONFIRM.equals(answer.questionId())) {
            Answer mitigated = answers.get(MITIGATED_AT);
            if (mitigated == null || !Objects.equals(mitigated.value(), answer.value())) {
                // the words that set the value; contributors kept after a modal rewrite have none
                Contribution said = answer.contributions().stream().filter(c -> c.text() != null).findFirst()
                        .orElse(answer.contributions().get(0));
                answers.put(MITIGATED_AT, new Answer(MITIGATED_AT,
                        List.of(new Contribution(said.userId(), said.text(), null, said.at())), answer.value()));
                skipped.remove(MITIGATED_AT);
            }
        } else if (MITIGATED_AT.equals(answer.questionId())) {
            Answer confirm = answers.get(MITIGATED_CONFIRM);
            if (confirm != null && !Objects.equals(confirm.value(), answer.value())) {
                answers.put(MITIGATED_CONFIRM, new Answer(MITIGATED_CONFIRM, confirm.contributions(), answer.value()));
            }
        }
        return s.withAnswers(answers).withSkipped(skipped);
    }

    private record Located(Question question, Answer answer, int index) {
    }

    private static Located locate(InterviewState s, MessageTs messageTs) {
        if (messageTs == null) {
            return null;
        }
        for (Question q : Questions.all()) {
            Answer a = s.answers().get(q.id());
            if (a == null) {
                continue;
            }
            for (int i = 0; i < a.contributions().size(); i++) {
                if (messageTs.equals(a.contributions().get(i).messageTs())) {
                    return new Located(q, a, i);
                }
            }
        }
        return null;
    }

    private static boolean newSection(String from, String to) {
        return from == null || Questions.byId(from).section() != Questions.byId(to).section();
    }

    private static Question current(InterviewState s) {
        return Questions.byId(s.currentQuestionId());
    }

    private static Step quiet(InterviewState s) {
        return new Step(s, List.of());
    }

    private static Step say(InterviewState s, String text) {
        return new Step(s, List.of(new Say(text)));
    }

    private static List<String> adding(List<String> ids, String id) {
        return adding(ids, id, false);
    }

    private static List<String> adding(List<String> ids, String id, boolean repeatable) {
        if (!repeatable && ids.contains(id)) {
            return ids;
        }
        List<String> more = new ArrayList<>(ids);
        more.add(id);
        return more;
    }
}
