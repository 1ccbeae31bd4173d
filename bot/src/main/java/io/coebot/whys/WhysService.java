package io.coebot.whys;

import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.Coes;
import io.coebot.interview.Answer;
import io.coebot.interview.AnswerReplaced;
import io.coebot.interview.InterviewService;
import io.coebot.interview.Interviews;
import io.coebot.interview.Questions;
import io.coebot.slack.TeamRef;
import io.coebot.store.ProcessedEvents;
import io.coebot.store.ThreadRoutes;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs 5 Whys sessions: load one under its row lock, apply an input to the pure {@link FiveWhys}, save, and
 * queue what the bot says and the redrawn tree, all in one transaction. A Slack retry of the same event, or a
 * restart between the change and its messages, changes nothing twice and loses nothing.
 */
@Singleton
public class WhysService {
    private final WhysStore store;
    private final Coes coes;
    private final CoeCard card;
    private final WhysMessages messages;
    private final ProcessedEvents processed;
    private final ThreadRoutes routes;
    private final InterviewService interviews;
    private final Interviews answers;
    private final Clock clock;

    public WhysService(WhysStore store, Coes coes, CoeCard card, WhysMessages messages, ProcessedEvents processed,
                       ThreadRoutes routes, InterviewService interviews, Interviews answers, Clock clock) {
        this.store = store;
        this.coes = coes;
        this.card = card;
        this.messages = messages;
        this.processed = processed;
        this.routes = routes;
        this.interviews = interviews;
        this.answers = answers;
        this.clock = clock;
    }

    /** What became of an input. */
    public record Outcome(boolean applied, String refusal) {
        static final Outcome NOTHING = new Outcome(false, null);
    }

    /**
     * Opens a session with its root message in the channel and its first question in the root's thread. With no
     * problem given, the interview's impact answer is proposed. When the interview is waiting on its Prevention
     * question, the session answers it (that question says so, however the session is opened: its button, the
     * card's, or {@code /coe whys <problem>}), and the interview goes on while the whys are worked out.
     */
    @Transactional
    public WhysSession open(Coe coe, String problem, String userId, String responseUrl) {
        Instant now = clock.instant();
        WhysStep step = FiveWhys.begin(problem, problem == null || problem.isBlank() ? impactOf(coe) : null);
        WhysSession session = store.create(coe.id(), coe.teamId(), coe.channelId(), userId, step.state(), now);
        messages.postRoot(coe, session, responseUrl, now);
        messages.send(session, step.messages(), now);
        // refused as stale, and so without effect, unless Prevention is the question on screen
        interviews.applyToQuestion(new TeamRef(coe.teamId(), coe.id()), Questions.PREVENTION, new AnswerReplaced(userId,
                Questions.PREVENTION, "Worked out in " + session.label() + ", in its own thread.", null));
        // last: the card's render lock is held to commit, and an answer takes the interview's row before it
        card.refresh(coe, now);
        return session;
    }

    /** "Start 5 Whys" on the interview's Prevention question (which any opening answers, see {@link #open}). */
    @Transactional
    public WhysSession openForPrevention(Coe coe, String userId) {
        return open(coe, null, userId, null);
    }

    /** A session still waiting for its problem, opened by a button pressed twice in a hurry, is not opened again. */
    public Optional<WhysSession> waitingForProblem(long coeId) {
        return store.ofCoe(coeId).stream().filter(s -> s.problem() == null).findFirst();
    }

    public List<WhysSession> sessionsOf(long coeId) {
        return store.ofCoe(coeId);
    }

    /** A button of a session, as the workspace that pressed it names the session: another workspace's finds nothing. */
    @Transactional
    public Outcome apply(TeamRef session, Integer seq, WhysInput input) {
        return apply(session.id(), session.teamId(), null, seq, input);
    }

    /**
     * Applies one input. {@code eventId} (null for button presses) is recorded in the same transaction, so a
     * retried delivery is a no-op. {@code seq}, for buttons on a question, must still be the question on screen.
     */
    @Transactional
    public Outcome apply(long sessionId, String teamId, String eventId, Integer seq, WhysInput input) {
        return apply(sessionId, teamId, eventId, seq, input, null);
    }

    /**
     * As {@link #apply(long, String, String, Integer, WhysInput)}, with the names of the COE's people as they are
     * now (null: as last seen), so a cause naming a teammate is judged as a person's mistake.
     */
    @Transactional
    public Outcome apply(long sessionId, String teamId, String eventId, Integer seq, WhysInput input, People people) {
        Instant now = clock.instant();
        if (eventId != null && !processed.firstDelivery(teamId, eventId, now)) {
            return Outcome.NOTHING;
        }
        Optional<WhysSession> locked = store.lock(sessionId);
        if (locked.isEmpty()) {
            return Outcome.NOTHING;
        }
        WhysSession before = locked.get();
        if (!before.teamId().equals(teamId)) {
            // a session id from another workspace's button
            return Outcome.NOTHING;
        }
        if (seq != null && before.state().lastAsked().map(a -> a.seq() != seq).orElse(true)) {
            return new Outcome(false, FiveWhys.STALE_BUTTON);
        }
        WhysStep step = FiveWhys.next(before.state().knowing(people), input);
        if (step.refusal() != null) {
            return new Outcome(false, step.refusal());
        }
        WhysSession after = new WhysSession(before.id(), before.teamId(), before.coeId(), before.channelId(),
                before.number(), before.rootTs(), step.state(), before.createdBy(), before.createdAt());
        store.save(sessionId, step.state(), now);
        messages.send(after, step.messages(), now);
        if (!Objects.equals(before.state().tree(), after.state().tree())
                || !before.state().people().equals(after.state().people())) {
            Coe coe = coes.byId(after.coeId()).orElseThrow();
            messages.refreshRoot(coe, after, now);
            if (cardChanged(before.state(), after.state())) {
                card.refresh(coe, now);
            }
        }
        return new Outcome(true, null);
    }

    /** The root message is in Slack: its thread now belongs to the session. */
    void rootPosted(long sessionId, String teamId, String channelId, String ts) {
        store.rootPosted(sessionId, ts);
        routes.claim(teamId, channelId, ts, WhysMessages.THREAD, sessionId);
    }

    /** The interview's account of what customers experienced: the problem most teams ask why about first. */
    private String impactOf(Coe coe) {
        return answers.find(coe.id())
                .map(s -> s.answers().get(Questions.CUSTOMER_EXPERIENCE))
                .map(Answer::text)
                .filter(t -> !t.isBlank())
                .orElse(null);
    }

    private static boolean cardChanged(WhysState before, WhysState after) {
        return before.finished() != after.finished()
                || before.tree().rootCauses().size() != after.tree().rootCauses().size()
                || (before.tree().problem() == null) != (after.tree().problem() == null);
    }
}
