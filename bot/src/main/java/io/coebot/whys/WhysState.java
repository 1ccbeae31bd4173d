package io.coebot.whys;

import io.coebot.slack.MessageTs;
import io.coebot.slack.WrittenUnder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a 5 Whys session remembers between two messages.
 *
 * @param proposal a problem statement to offer while none is set (the interview's impact answer)
 * @param pending  what the next reply is for when it is not the next why: another cause, or the three checks
 * @param asked    the questions posted, with their ts once Slack has them: a reply typed under an earlier
 *                 question answers that one, even if it arrives after the session moved on
 * @param history  the states before each answer, newest last, so {@code back} can take one back
 * @param held     replies that arrived while the newest question had no ts yet: nobody can tell whether they
 *                 were written for it or for the one before, so they wait for its ts (a moment, normally)
 * @param people   the names of the COE's people as last seen, so "Bob pushed…" is known to put the cause on a
 *                 person wherever the tree is read (the session's thread, status, the published COE)
 */
public record WhysState(WhyTree tree, String proposal, Pending pending, List<Asked> asked, int nextSeq,
                        List<Snapshot> history, List<WhysInput.Reply> held, People people) {
    static final int HISTORY_MAX = 30;
    static final int ASKED_MAX = 50;

    public WhysState {
        asked = asked == null ? List.of() : List.copyOf(asked);
        history = history == null ? List.of() : List.copyOf(history);
        held = held == null ? List.of() : List.copyOf(held);
        // sessions saved before names were known
        people = people == null ? People.NONE : people;
    }

    /** What the next reply is for, besides the next why. */
    public record Pending(Kind kind, int nodeId) {
        public enum Kind { ANOTHER_CAUSE, CHECKS }
    }

    /** A question the bot posted: its number, what it asked, and its ts once posted. */
    public record Asked(int seq, Prompt.Kind kind, int nodeId, MessageTs ts) {}

    /** The session before one answer, and what that answer was, for {@code back}. */
    public record Snapshot(WhyTree tree, Pending pending, String undoes) {}

    static WhysState of(String problem, String proposal) {
        return new WhysState(WhyTree.of(problem), proposal, null, List.of(), 1, List.of(), List.of(), People.NONE);
    }

    /** Human error is never a root cause: whether this cause puts it on a person, by the phrases or by a name. */
    public boolean humanError(WhyNode n) {
        return HumanErrorGuard.blames(n.text(), people);
    }

    /** The names as they are now: a teammate who joined the channel since is a person too. */
    public WhysState knowing(People now) {
        return now == null || now.equals(people) ? this
                : new WhysState(tree, proposal, pending, asked, nextSeq, history, held, now);
    }

    /** What the bot is waiting for now. */
    public Prompt prompt() {
        return Prompt.of(tree, pending);
    }

    public boolean finished() {
        return prompt().kind() == Prompt.Kind.FINISHED;
    }

    /** The question on screen: the last one asked. */
    public Optional<Asked> lastAsked() {
        return asked.isEmpty() ? Optional.empty() : Optional.of(asked.get(asked.size() - 1));
    }

    WhysState with(WhyTree t, Pending p) {
        return new WhysState(t, proposal, p, asked, nextSeq, history, held, people);
    }

    /** The change about to be made can be taken back with {@code back}. */
    WhysState remembering(String undoes) {
        List<Snapshot> h = new ArrayList<>(history);
        h.add(new Snapshot(tree, pending, undoes));
        while (h.size() > HISTORY_MAX) {
            h.remove(0);
        }
        return new WhysState(tree, proposal, pending, asked, nextSeq, h, held, people);
    }

    WhysState withoutLastSnapshot() {
        return new WhysState(tree, proposal, pending, asked, nextSeq, history.subList(0, history.size() - 1), held, people);
    }

    WhysState asking(Prompt p) {
        List<Asked> a = new ArrayList<>(asked);
        a.add(new Asked(nextSeq, p.kind(), p.nodeId(), null));
        while (a.size() > ASKED_MAX) {
            a.remove(0);
        }
        return new WhysState(tree, proposal, pending, a, nextSeq + 1, history, held, people);
    }

    WhysState posted(int seq, MessageTs ts) {
        return new WhysState(tree, proposal, pending,
                asked.stream().map(q -> q.seq() == seq ? new Asked(q.seq(), q.kind(), q.nodeId(), ts) : q).toList(),
                nextSeq, history, held, people);
    }

    /** Whether the question on screen is still on its way to Slack (so a reply cannot be dated against it). */
    boolean awaitingQuestionTs() {
        return lastAsked().map(a -> a.ts() == null).orElse(false);
    }

    WhysState holding(WhysInput.Reply r) {
        return new WhysState(tree, proposal, pending, asked, nextSeq, history, WrittenUnder.hold(held, r, WhysInput.Reply::ts), people);
    }

    WhysState withoutHeld() {
        return new WhysState(tree, proposal, pending, asked, nextSeq, history, List.of(), people);
    }

    /** An edit reaches the text wherever it is kept, so a later {@code back} does not bring the old words back. */
    WhysState edited(MessageTs ts, String text) {
        return new WhysState(tree.edited(ts, text), proposal, pending, asked, nextSeq,
                history.stream().map(s -> new Snapshot(s.tree().edited(ts, text), s.pending(), s.undoes())).toList(),
                held.stream().map(r -> ts.equals(r.ts()) ? new WhysInput.Reply(r.userId(), text, r.ts()) : r).toList(), people);
    }
}
