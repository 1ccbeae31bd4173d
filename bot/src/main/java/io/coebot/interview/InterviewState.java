package io.coebot.interview;

import io.coebot.slack.MessageTs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an interview stands. Immutable and made only of plain values so the caller can store it as JSON.
 *
 * @param currentQuestionId  the open question; null once COMPLETE
 * @param askedTs            Slack ts of the current question's message; null until it has been posted
 * @param previousQuestionId the question that was current just before this one (late replies belong to it)
 * @param skipped            questions without an answer that were passed over; they stay here while open
 * @param trail              the questions asked before the current one, oldest first, for {@code back}
 * @param revisiting         the pass over skipped questions before the summary has begun
 * @param revisit            skipped questions still to be asked again in that pass
 * @param heldReplies        replies that arrived before the current question was posted, oldest ts first;
 *                           they are applied once its ts is known
 */
public record InterviewState(
        InterviewStatus status,
        String currentQuestionId,
        MessageTs askedTs,
        String previousQuestionId,
        Map<String, Answer> answers,
        List<String> skipped,
        List<String> trail,
        boolean revisiting,
        List<String> revisit,
        List<HeldReply> heldReplies,
        boolean pauseExplained) {

    public InterviewState {
        // null-tolerant so that JSON written by an older version (missing fields) still loads
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        trail = trail == null ? List.of() : List.copyOf(trail);
        revisit = revisit == null ? List.of() : List.copyOf(revisit);
        heldReplies = heldReplies == null ? List.of() : List.copyOf(heldReplies);
    }

    /** A state with nothing held, as written before replies could be held. */
    public InterviewState(InterviewStatus status, String currentQuestionId, MessageTs askedTs, String previousQuestionId,
                          Map<String, Answer> answers, List<String> skipped, List<String> trail, boolean revisiting,
                          List<String> revisit) {
        this(status, currentQuestionId, askedTs, previousQuestionId, answers, skipped, trail, revisiting, revisit,
                List.of());
    }

    public InterviewState(InterviewStatus status, String currentQuestionId, MessageTs askedTs, String previousQuestionId,
                          Map<String, Answer> answers, List<String> skipped, List<String> trail, boolean revisiting,
                          List<String> revisit, List<HeldReply> heldReplies) {
        this(status, currentQuestionId, askedTs, previousQuestionId, answers, skipped, trail, revisiting, revisit,
                heldReplies, false);
    }

    static InterviewState startingAt(String questionId) {
        return new InterviewState(InterviewStatus.IN_PROGRESS, questionId, null, null,
                Map.of(), List.of(), List.of(), false, List.of());
    }

    public boolean isAnswered(String questionId) {
        return answers.containsKey(questionId);
    }

    /** Skipped questions that still apply and still have no answer, in interview order. */
    public List<String> openQuestions() {
        List<String> open = new ArrayList<>();
        for (Question q : Questions.all()) {
            if (skipped.contains(q.id()) && !isAnswered(q.id()) && q.appliesGiven(answers)) {
                open.add(q.id());
            }
        }
        return open;
    }

    /** A new status; whether people were told about a pause belongs to the pause it was about. */
    InterviewState withStatus(InterviewStatus newStatus) {
        return new InterviewState(newStatus, currentQuestionId, askedTs, previousQuestionId, answers, skipped,
                trail, revisiting, revisit, heldReplies, false);
    }

    /** Someone wrote while paused and was told so: later replies of the same pause are left alone. */
    InterviewState withPauseExplained() {
        return new InterviewState(status, currentQuestionId, askedTs, previousQuestionId, answers, skipped,
                trail, revisiting, revisit, heldReplies, true);
    }

    /** Makes {@code questionId} current; its message has not been posted yet. */
    InterviewState at(String questionId) {
        return new InterviewState(status, questionId, null, currentQuestionId, answers, skipped,
                trail, revisiting, revisit, heldReplies, pauseExplained);
    }

    /** After completion replies are ignored, so nothing stays held either. */
    InterviewState completed() {
        return new InterviewState(InterviewStatus.COMPLETE, null, null, currentQuestionId, answers, skipped,
                trail, revisiting, List.of(), List.of(), false);
    }

    InterviewState withAskedTs(MessageTs ts) {
        return new InterviewState(status, currentQuestionId, ts, previousQuestionId, answers, skipped,
                trail, revisiting, revisit, heldReplies, pauseExplained);
    }

    InterviewState withAnswers(Map<String, Answer> newAnswers) {
        return new InterviewState(status, currentQuestionId, askedTs, previousQuestionId, newAnswers, skipped,
                trail, revisiting, revisit, heldReplies, pauseExplained);
    }

    InterviewState withSkipped(List<String> newSkipped) {
        return new InterviewState(status, currentQuestionId, askedTs, previousQuestionId, answers, newSkipped,
                trail, revisiting, revisit, heldReplies, pauseExplained);
    }

    InterviewState withTrail(List<String> newTrail) {
        return new InterviewState(status, currentQuestionId, askedTs, previousQuestionId, answers, skipped,
                newTrail, revisiting, revisit, heldReplies, pauseExplained);
    }

    InterviewState withRevisit(boolean nowRevisiting, List<String> newRevisit) {
        return new InterviewState(status, currentQuestionId, askedTs, previousQuestionId, answers, skipped,
                trail, nowRevisiting, newRevisit, heldReplies, pauseExplained);
    }

    InterviewState withHeldReplies(List<HeldReply> newHeld) {
        return new InterviewState(status, currentQuestionId, askedTs, previousQuestionId, answers, skipped,
                trail, revisiting, revisit, newHeld, pauseExplained);
    }
}
