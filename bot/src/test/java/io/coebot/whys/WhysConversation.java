package io.coebot.whys;

import io.coebot.slack.MessageTs;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives {@link FiveWhys} the way Slack would: replies get increasing ts, and each question is "posted" (its ts
 * recorded) right after it is asked, unless a test holds it back to model two people typing at once.
 */
final class WhysConversation {
    private WhysState state;
    private final List<WhysMessage> said = new ArrayList<>();
    private String lastRefusal;
    private long clock = 1_763_560_800L;
    private boolean postQuestions = true;

    private WhysConversation(WhysStep first) {
        take(first);
    }

    static WhysConversation on(String problem) {
        return new WhysConversation(FiveWhys.begin(problem, null));
    }

    static WhysConversation proposing(String proposal) {
        return new WhysConversation(FiveWhys.begin(null, proposal));
    }

    /** A reply from {@code user}; returns its ts. */
    String reply(String user, String text) {
        String ts = nextTs();
        apply(new WhysInput.Reply(user, text, new MessageTs(ts)));
        return ts;
    }

    WhysConversation answer(String text) {
        reply("U1", text);
        return this;
    }

    WhysConversation apply(WhysInput input) {
        take(FiveWhys.next(state, input));
        return this;
    }

    WhysConversation press(WhysMessage.Action action) {
        WhysMessage.Button b = last().buttons().stream().filter(x -> x.action() == action).findFirst()
                .orElseThrow(() -> new AssertionError(action + " is not on the last message: " + last()));
        return apply(switch (action) {
            case ROOT_CAUSE -> new WhysInput.MarkRootCause("U1", b.nodeId());
            case ANOTHER_CAUSE -> new WhysInput.AnotherCause("U1", b.nodeId());
            case KEEP_ASKING -> new WhysInput.KeepAsking("U1");
            case BACK -> new WhysInput.Back("U1");
            case USE_PROPOSAL -> new WhysInput.UseProposal("U1");
            case REMOVE -> new WhysInput.RemoveConfirmed("U1", b.nodeId());
            case KEEP -> new WhysInput.KeepDeleted("U1", b.nodeId());
        });
    }

    /** Questions asked from now on stay unposted (no ts) until {@link #postPending()}. */
    WhysConversation holdQuestions() {
        postQuestions = false;
        return this;
    }

    /** Slack posts the questions asked meanwhile, each with a ts later than every reply so far. */
    WhysConversation postPending() {
        postQuestions = true;
        while (state.lastAsked().map(a -> a.ts() == null).orElse(false)) {
            apply(new WhysInput.QuestionPosted(state.lastAsked().get().seq(), new MessageTs(nextTs())));
        }
        return this;
    }

    private void take(WhysStep step) {
        state = step.state();
        lastRefusal = step.refusal();
        said.addAll(step.messages());
        if (postQuestions) {
            for (WhysMessage m : step.messages()) {
                if (m.seq() != null) {
                    state = FiveWhys.next(state, new WhysInput.QuestionPosted(m.seq(), new MessageTs(nextTs()))).state();
                }
            }
        }
    }

    String nextTs() {
        clock++;
        return clock + ".000100";
    }

    WhysState state() {
        return state;
    }

    WhyTree tree() {
        return state.tree();
    }

    WhysMessage last() {
        return said.get(said.size() - 1);
    }

    String lastText() {
        return last().text();
    }

    int messageCount() {
        return said.size();
    }

    String refusal() {
        return lastRefusal;
    }

    List<WhysMessage.Action> lastButtons() {
        return last().buttons().stream().map(WhysMessage.Button::action).toList();
    }

    /** "1 A", "1.1 B", … with ★ on root causes: the tree as a test reads it. */
    List<String> outline() {
        return tree().inReadingOrder().stream()
                .map(n -> tree().label(n.id()) + (n.rootCause() ? " ★ " : " ") + n.text()).toList();
    }
}
