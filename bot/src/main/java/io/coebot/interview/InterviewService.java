package io.coebot.interview;

import io.coebot.coe.CardPosted;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.Coes;
import io.coebot.slack.MessageTs;
import io.coebot.slack.TeamRef;
import io.coebot.store.ProcessedEvents;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the interview of each COE: load its state under a row lock, apply one input to the pure
 * {@link Interview}, save, and queue what the bot says — all in one transaction, so an answer is
 * never half-taken and a Slack retry of the same event changes nothing.
 */
@Singleton
public class InterviewService {
    private final InterviewStore store;
    private final Coes coes;
    private final CoeCard card;
    private final InterviewMessages messages;
    private final ProcessedEvents processed;
    private final io.micronaut.context.event.ApplicationEventPublisher<AnswersChanged> answersChanged;
    private final Clock clock;

    public InterviewService(InterviewStore store, Coes coes, CoeCard card, InterviewMessages messages,
                            ProcessedEvents processed,
                            io.micronaut.context.event.ApplicationEventPublisher<AnswersChanged> answersChanged,
                            Clock clock) {
        this.answersChanged = answersChanged;
        this.store = store;
        this.coes = coes;
        this.card = card;
        this.messages = messages;
        this.processed = processed;
        this.clock = clock;
    }

    /** The card is in the channel, so its thread exists: introduce the interview and ask the first question. */
    @EventListener
    @Transactional
    public void onCardPosted(CardPosted event) {
        Coe coe = event.coe();
        Instant now = clock.instant();
        Step step = Interview.begin(now);
        if (store.create(coe.id(), coe.teamId(), step.state(), now)) {
            messages.send(coe, step.replies(), now);
            card.refresh(coe, now);
        }
    }

    /**
     * Applies one input from Slack. {@code eventId} (null for inputs that are not events) is
     * recorded in the same transaction: a retried delivery is a no-op.
     * @return false when this COE has no interview (yet) or the event was seen before
     */
    @Transactional
    public boolean apply(long coeId, String teamId, String eventId, InterviewInput input) {
        Instant now = clock.instant();
        if (eventId != null && !processed.firstDelivery(teamId, eventId, now)) {
            return false;
        }
        return applyLocked(coeId, null, input, writtenAt(input, now)) == Outcome.APPLIED;
    }

    public enum Outcome { APPLIED, STALE, NO_INTERVIEW }

    /**
     * A reply is read as of when it was written (its ts), not when it was processed: a Slack retry
     * minutes later must not move "yesterday 14:05" or "now".
     */
    private static Instant writtenAt(InterviewInput input, Instant now) {
        if (input instanceof Reply r) {
            return Optional.ofNullable(r.messageTs()).map(MessageTs::toInstant).filter(at -> at.isBefore(now)).orElse(now);
        }
        return now;
    }

    /** For buttons: applied only while {@code questionId} (when given) is still the current question. */
    @Transactional
    public Outcome applyToQuestion(TeamRef coe, String questionId, InterviewInput input) {
        // A button or form carries the COE's id: from another workspace it must not reach this one's COE.
        if (!belongsTo(coe)) {
            return Outcome.NO_INTERVIEW;
        }
        return applyLocked(coe.id(), questionId, input, clock.instant());
    }

    /** Whether the COE is one of this workspace's. */
    public boolean belongsTo(TeamRef coe) {
        return coes.find(coe).isPresent();
    }

    private Outcome applyLocked(long coeId, String expectedQuestionId, InterviewInput input, Instant now) {
        Optional<InterviewState> locked = store.lock(coeId);
        Optional<Coe> coe = coes.byId(coeId);
        if (locked.isEmpty() || coe.isEmpty()) {
            return Outcome.NO_INTERVIEW;
        }
        InterviewState before = locked.get();
        if (expectedQuestionId != null && !expectedQuestionId.equals(before.currentQuestionId())) {
            return Outcome.STALE;
        }
        Step step = Interview.next(before, input, now);
        store.save(coeId, step.state(), now);
        messages.send(coe.get(), step.replies(), now);
        if (!said(before).equals(said(step.state()))) {
            answersChanged.publishEvent(new AnswersChanged(coe.get(), authorOf(input)));
        }
        if (cardChanged(before, step.state())) {
            card.refresh(coe.get(), now);
        }
        return Outcome.APPLIED;
    }

    Optional<InterviewState> stateOf(long coeId) {
        return store.find(coeId);
    }

    /** The interview of the channel's open COE, or why there is none, for `/coe` commands. */
    ChannelInterview inChannel(String teamId, String channelId) {
        Optional<Coe> coe = coes.latestIn(teamId, channelId);
        if (coe.isEmpty()) {
            return ChannelInterview.none(Coe.noneInChannel(null));
        }
        return store.find(coe.get().id())
                .map(state -> ChannelInterview.of(coe.get(), state))
                .orElseGet(() -> ChannelInterview.none("The interview of " + coe.get().label()
                        + " has not started yet: its card is still on its way."));
    }

    /** A COE of this workspace with its interview, for a form that names the COE by id. */
    Optional<ChannelInterview> of(TeamRef coe) {
        return coes.find(coe).flatMap(c -> store.find(c.id()).map(state -> ChannelInterview.of(c, state)));
    }

    /** What the answers say (not which messages show them, which changes as questions are posted). */
    private static java.util.Map<String, String> said(InterviewState s) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        s.answers().forEach((id, a) -> out.put(id, a.value() + "\u0000" + a.text()));
        return out;
    }

    private static String authorOf(InterviewInput input) {
        if (input instanceof Reply r) {
            return r.userId();
        }
        if (input instanceof AnswerEdited e) {
            return e.userId();
        }
        if (input instanceof AnswerReplaced r) {
            return r.userId();
        }
        if (input instanceof Picked p) {
            return p.userId();
        }
        if (input instanceof Pressed p) {
            return p.userId();
        }
        return null;
    }

    private static boolean cardChanged(InterviewState before, InterviewState after) {
        return before.status() != after.status()
                || !Objects.equals(before.currentQuestionId(), after.currentQuestionId())
                || !progress(before).equals(progress(after));
    }

    private static List<SectionProgress> progress(InterviewState s) {
        return InterviewProgress.of(s);
    }
}
