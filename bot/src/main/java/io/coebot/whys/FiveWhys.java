package io.coebot.whys;

import io.coebot.slack.SideTalk;

import static io.coebot.whys.WhysMessage.Action.ANOTHER_CAUSE;
import static io.coebot.whys.WhysMessage.Action.BACK;
import static io.coebot.whys.WhysMessage.Action.KEEP;
import static io.coebot.whys.WhysMessage.Action.KEEP_ASKING;
import static io.coebot.whys.WhysMessage.Action.REMOVE;
import static io.coebot.whys.WhysMessage.Action.ROOT_CAUSE;
import static io.coebot.whys.WhysMessage.Action.USE_PROPOSAL;

import io.coebot.slack.MessageTs;
import io.coebot.slack.WrittenUnder;
import io.coebot.whys.WhysInput.AnotherCause;
import io.coebot.whys.WhysInput.Back;
import io.coebot.whys.WhysInput.Deleted;
import io.coebot.whys.WhysInput.Edited;
import io.coebot.whys.WhysInput.KeepAsking;
import io.coebot.whys.WhysInput.KeepDeleted;
import io.coebot.whys.WhysInput.MarkRootCause;
import io.coebot.whys.WhysInput.QuestionPosted;
import io.coebot.whys.WhysInput.RemoveConfirmed;
import io.coebot.whys.WhysInput.Reply;
import io.coebot.whys.WhysInput.UseProposal;
import io.coebot.whys.WhysState.Asked;
import io.coebot.whys.WhysState.Pending;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 5 Whys as a pure state machine: {@code next(state, input) -> (state', messages)}. No Slack, no database,
 * no clock. Every human reply in the thread answers the question it was written under; buttons and the words
 * {@code back}, {@code root cause} and {@code another cause} steer. A step that changes nothing but explains
 * why (a button pressed too late, a person's mistake offered as a root cause) comes back as a refusal, shown
 * only to whoever pressed.
 */
final class FiveWhys {

    static final String HOW_IT_WORKS = "Each reply in this thread answers the current why. Press *Root cause* when a "
            + "cause goes as deep as it can, *Another cause* when something else also led to it, and say `back` to "
            + "take the last answer back.";
    static final String STALE_BUTTON = "That button belongs to a question this 5 Whys has moved past. "
            + "Answer the latest question in the thread, or say `back`.";
    static final String NOTHING_TO_TAKE_BACK = "There is nothing to take back yet.";

    private FiveWhys() {
    }

    /** Opens a session: the first why about the problem, or a question for the problem when none was given. */
    public static WhysStep begin(String problem, String proposal) {
        WhysState s = WhysState.of(blankToNull(problem), blankToNull(proposal));
        return ask(s, List.of(HOW_IT_WORKS));
    }

    public static WhysStep next(WhysState s, WhysInput input) {
        if (input instanceof Reply r) {
            return reply(s, r);
        }
        if (input instanceof MarkRootCause m) {
            return markRootCause(s, m.nodeId());
        }
        if (input instanceof AnotherCause a) {
            return anotherCause(s, a.nodeId());
        }
        if (input instanceof KeepAsking) {
            return s.pending() == null ? refuse(s, STALE_BUTTON) : ask(s.with(s.tree(), null), List.of());
        }
        if (input instanceof Back) {
            return back(s);
        }
        if (input instanceof UseProposal) {
            return useProposal(s);
        }
        if (input instanceof Edited e) {
            return edited(s, e);
        }
        if (input instanceof Deleted d) {
            return deleted(s, d.ts());
        }
        if (input instanceof RemoveConfirmed rc) {
            return remove(s, rc.nodeId());
        }
        if (input instanceof KeepDeleted k) {
            return s.tree().node(k.nodeId()).isEmpty() ? quiet(s)
                    : say(s, "Kept cause " + s.tree().label(k.nodeId()) + " as it was.");
        }
        if (input instanceof QuestionPosted p) {
            return posted(s, p);
        }
        throw new IllegalArgumentException("Unknown 5 Whys input " + input);
    }

    // ---- replies

    private static WhysStep reply(WhysState s, Reply r) {
        String text = r.text() == null ? "" : r.text().strip();
        if (text.isEmpty() || SideTalk.isAside(text) || s.tree().heard(r.ts()) || WrittenUnder.indexOf(s.held(), r.ts(), Reply::ts) >= 0) {
            return quiet(s);
        }
        if (s.awaitingQuestionTs()) {
            return quiet(s.holding(r));
        }
        switch (Word.of(text)) {
            case BACK -> {
                return inThread(back(s));
            }
            case ROOT_CAUSE -> {
                Prompt p = s.prompt();
                return inThread(p.kind() == Prompt.Kind.WHY && p.nodeId() != WhyTree.PROBLEM
                        ? markRootCause(s, p.nodeId())
                        : refuse(s, "There is no cause to mark as a root cause right now."));
            }
            case ANOTHER_CAUSE -> {
                Prompt p = s.prompt();
                return inThread(p.kind() == Prompt.Kind.WHY && p.nodeId() != WhyTree.PROBLEM
                        ? anotherCause(s, p.nodeId())
                        : refuse(s, "There is no cause to add a sibling to right now: answer the question above."));
            }
            default -> {
            }
        }
        Optional<Asked> under = writtenUnder(s, r.ts());
        if (under.isPresent() && under.get().seq() != s.lastAsked().map(Asked::seq).orElse(-1)) {
            Optional<WhysStep> absorbed = answerEarlier(s, under.get(), r, text);
            if (absorbed.isPresent()) {
                return absorbed.get();
            }
        }
        return answer(s, r, text);
    }

    /** The question's ts is known: replies held for it now know which question they were written under. */
    private static WhysStep posted(WhysState s, QuestionPosted p) {
        WhysState after = s.posted(p.seq(), p.ts());
        if (after.held().isEmpty() || after.awaitingQuestionTs()) {
            return quiet(after);
        }
        List<WhysMessage> said = new ArrayList<>();
        WhysState current = WrittenUnder.replay(after.withoutHeld(), after.held(),
                // a held reply asked a new question: the rest wait for that one's ts
                WhysState::awaitingQuestionTs, WhysState::holding,
                (state, r) -> {
                    WhysStep step = inThread(reply(state, r));
                    said.addAll(step.messages());
                    return step.state();
                });
        return new WhysStep(current, said, null);
    }

    /** The current question's answer. */
    private static WhysStep answer(WhysState s, Reply r, String text) {
        Prompt p = s.prompt();
        WhyTree t = s.tree();
        return switch (p.kind()) {
            case PROBLEM -> ask(s.remembering("the problem").with(t.withProblem(text, r.ts()), null), List.of());
            case WHY -> {
                WhyTree added = t.plus(p.nodeId(), text, r.userId(), r.ts());
                yield ask(s.remembering("cause " + added.label(added.newestId())).with(added, null), List.of());
            }
            case ANOTHER_CAUSE -> {
                WhyTree added = t.plus(p.nodeId(), text, r.userId(), r.ts());
                String label = added.label(added.newestId());
                WhysState after = s.remembering("cause " + label).with(added, null);
                yield ask(after, List.of("Noted as cause " + label + "." + comingBackTo(after, added.newestId())));
            }
            case CHECKS -> {
                WhyTree marked = t.change(p.nodeId(), n -> n.markedRootCause(text, r.ts()));
                String label = t.label(p.nodeId());
                yield ask(s.remembering("root cause " + label).with(marked, null),
                        List.of("★ Cause " + label + " is a root cause; your checks are recorded with it."));
            }
            case REMEDIATION -> {
                WhyTree fixed = t.change(p.nodeId(), n -> n.plusRemediation(new Remediation(text, r.userId(), r.ts())));
                String label = t.label(p.nodeId());
                yield ask(s.remembering("the fix for root cause " + label).with(fixed, null),
                        List.of("Noted: an action-item draft for root cause " + label
                                + " (give it an owner and a due date from `/coe actions`)."));
            }
            case FINISHED -> say(s, "These 5 Whys are complete, so I haven't added that. Say `back` to reopen the last "
                    + "answer, or start another session with `/coe whys &lt;problem&gt;`.");
        };
    }

    /**
     * Two people answered at once: this reply was typed while an earlier question was the one on screen, so it
     * answers that one (another cause, more checks, another fix) instead of the question asked since.
     */
    private static Optional<WhysStep> answerEarlier(WhysState s, Asked under, Reply r, String text) {
        WhyTree t = s.tree();
        boolean exists = under.nodeId() == WhyTree.PROBLEM ? t.problem() != null : t.node(under.nodeId()).isPresent();
        if (!exists) {
            return Optional.empty();
        }
        switch (under.kind()) {
            case WHY, ANOTHER_CAUSE -> {
                WhyTree added = t.plus(under.nodeId(), text, r.userId(), r.ts());
                String label = added.label(added.newestId());
                List<String> notes = new ArrayList<>();
                notes.add("<@" + r.userId() + ">'s answer was written for an earlier question, so I kept it as "
                        + "another cause: cause " + label + ".");
                boolean wasRoot = t.node(under.nodeId()).map(WhyNode::rootCause).orElse(false);
                if (wasRoot) {
                    added = added.change(under.nodeId(), WhyNode::unmarked);
                    notes.add("Cause " + t.label(under.nodeId()) + " has a cause after all, so it is no longer marked "
                            + "as a root cause.");
                }
                WhysState after = s.remembering("cause " + label).with(added, s.pending());
                notes.add(comingBackTo(after, added.newestId()).strip());
                return Optional.of(settle(s, after, notes));
            }
            case CHECKS -> {
                WhyNode n = t.node(under.nodeId()).get();
                if (!n.rootCause()) {
                    return Optional.empty();
                }
                String checks = n.checks() == null ? text : n.checks() + "\n" + text;
                WhysState after = s.remembering("the checks for " + t.label(n.id()))
                        .with(t.change(n.id(), x -> x.withChecks(checks)), s.pending());
                return Optional.of(settle(s, after, List.of("Added <@" + r.userId() + ">'s answer to the checks of root cause "
                        + t.label(n.id()) + ".")));
            }
            case REMEDIATION -> {
                WhyNode n = t.node(under.nodeId()).get();
                if (!n.rootCause()) {
                    return Optional.empty();
                }
                WhysState after = s.remembering("a fix for root cause " + t.label(n.id())).with(
                        t.change(n.id(), x -> x.plusRemediation(new Remediation(text, r.userId(), r.ts()))), s.pending());
                return Optional.of(settle(s, after, List.of("<@" + r.userId() + ">'s answer was written for root cause "
                        + t.label(n.id()) + ", so I kept it there as another action-item draft.")));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The newest question Slack had shown before this reply was written (questions are kept in the order asked). */
    private static Optional<Asked> writtenUnder(WhysState s, MessageTs ts) {
        return WrittenUnder.question(s.asked(), ts, Asked::ts);
    }

    // ---- buttons and words

    private static WhysStep markRootCause(WhysState s, int nodeId) {
        Prompt p = s.prompt();
        if (p.kind() != Prompt.Kind.WHY || p.nodeId() != nodeId || nodeId == WhyTree.PROBLEM) {
            return refuse(s, STALE_BUTTON);
        }
        WhyTree t = s.tree();
        WhyNode n = t.node(nodeId).orElseThrow();
        String label = t.label(nodeId);
        if (s.humanError(n)) {
            return refuse(s, "Cause " + label + " puts the cause on a person, and a person's mistake is never a root "
                    + "cause: something made the mistake possible or let it do harm. Answer *why was this possible?* "
                    + "in the thread (which check, validation or fail-safe was missing?).");
        }
        if (t.depth(nodeId) >= WhyTree.CHECKS_BEFORE_DEPTH) {
            return ask(s.remembering("root cause " + label).with(t.change(nodeId, x -> x.markedRootCause(null, null)), null),
                    List.of("★ Cause " + label + " is a root cause."));
        }
        return ask(s.with(t, new Pending(Pending.Kind.CHECKS, nodeId)), List.of());
    }

    private static WhysStep anotherCause(WhysState s, int nodeId) {
        Prompt p = s.prompt();
        if (p.kind() != Prompt.Kind.WHY || p.nodeId() != nodeId || nodeId == WhyTree.PROBLEM) {
            return refuse(s, STALE_BUTTON);
        }
        int parent = s.tree().node(nodeId).orElseThrow().parentId();
        return ask(s.with(s.tree(), new Pending(Pending.Kind.ANOTHER_CAUSE, parent)), List.of());
    }

    private static WhysStep back(WhysState s) {
        if (s.history().isEmpty()) {
            return refuse(s, NOTHING_TO_TAKE_BACK);
        }
        WhysState.Snapshot last = s.history().get(s.history().size() - 1);
        WhysState restored = s.withoutLastSnapshot().with(last.tree(), last.pending());
        return ask(restored, List.of("Took back " + last.undoes() + "."));
    }

    private static WhysStep useProposal(WhysState s) {
        if (s.prompt().kind() != Prompt.Kind.PROBLEM || s.proposal() == null) {
            return refuse(s, STALE_BUTTON);
        }
        return ask(s.remembering("the problem").with(s.tree().withProblem(s.proposal(), null), null), List.of());
    }

    // ---- edits and deletions of the messages behind the tree

    private static WhysStep edited(WhysState s, Edited e) {
        String text = e.text() == null ? "" : e.text().strip();
        if (text.isEmpty() || !s.tree().heard(e.ts())) {
            return quiet(s);
        }
        WhysState after = s.edited(e.ts(), text);
        WhyTree t = after.tree();
        List<String> notes = new ArrayList<>();
        Optional<WhyNode> node = t.nodeWrittenAt(e.ts());
        if (node.isPresent()) {
            String label = t.label(node.get().id());
            notes.add("Updated cause " + label + " to match your edit.");
            if (node.get().rootCause() && after.humanError(node.get())) {
                after = after.with(t.change(node.get().id(), WhyNode::unmarked), after.pending());
                notes.add("It now puts the cause on a person, so it is no longer a root cause: why was that possible?");
            }
        } else if (e.ts() != null && e.ts().equals(t.problemTs())) {
            notes.add("Updated the problem to match your edit.");
        } else if (t.remediationWrittenAt(e.ts()).isPresent()) {
            notes.add("Updated the fix for root cause " + t.label(t.remediationWrittenAt(e.ts()).get().id()) + ".");
        } else {
            notes.add("Updated the checks of root cause " + t.label(t.checksWrittenAt(e.ts()).get().id()) + ".");
        }
        return settle(s, after, notes);
    }

    private static WhysStep deleted(WhysState s, MessageTs ts) {
        WhyTree t = s.tree();
        Optional<WhyNode> node = t.nodeWrittenAt(ts);
        if (node.isPresent()) {
            int id = node.get().id();
            int below = t.subtree(id).size() - 1;
            String label = t.label(id);
            String what = "cause " + label + (below == 0 ? "" : below == 1 ? " and the cause under it"
                    : " and the " + below + " causes under it");
            return new WhysStep(s, List.of(new WhysMessage("The message behind cause " + label + " was deleted. Remove "
                    + what + " from the tree?\n" + quote(node.get().text()), null,
                    List.of(new WhysMessage.Button(REMOVE, "Remove " + label, id),
                            new WhysMessage.Button(KEEP, "Keep it", id)))), null);
        }
        Optional<WhyNode> fixed = t.remediationWrittenAt(ts);
        if (fixed.isPresent()) {
            String label = t.label(fixed.get().id());
            WhysState after = s.remembering("removing a fix for " + label).with(t.withoutRemediationWrittenAt(ts), s.pending());
            return settle(s, after, List.of("Removed the fix for root cause " + label + ": its message was deleted."));
        }
        return quiet(s);
    }

    private static WhysStep remove(WhysState s, int nodeId) {
        WhyTree t = s.tree();
        if (t.node(nodeId).isEmpty()) {
            return refuse(s, "That cause is already gone from the tree.");
        }
        String label = t.label(nodeId);
        int below = t.subtree(nodeId).size() - 1;
        WhyTree pruned = t.without(nodeId);
        Pending pending = s.pending() == null || s.pending().nodeId() == WhyTree.PROBLEM
                || pruned.node(s.pending().nodeId()).isPresent() ? s.pending() : null;
        WhysState after = s.remembering("removing cause " + label).with(pruned, pending);
        return settle(s, after, List.of("Removed cause " + label + (below == 0 ? "" : " and the " + below
                + " cause" + (below == 1 ? "" : "s") + " under it") + ". `back` brings it back."));
    }

    // ---- what the bot says

    /** Asks whatever the session waits for now (or says it is finished), after the notes. */
    static WhysStep ask(WhysState s, List<String> notes) {
        Prompt p = s.prompt();
        List<String> lines = new ArrayList<>(notes.stream().filter(n -> !n.isBlank()).toList());
        WhysState asked = s.asking(p);
        if (p.kind() == Prompt.Kind.FINISHED) {
            // numbered like a question: a fix typed before this was visible still belongs to the last root cause
            lines.add(finished(s.tree()));
            return new WhysStep(asked, List.of(new WhysMessage(String.join("\n\n", lines), s.nextSeq(), backButton(s))), null);
        }
        lines.add(question(s, p));
        return new WhysStep(asked, List.of(new WhysMessage(String.join("\n\n", lines), s.nextSeq(), buttons(s, p))), null);
    }

    /** After a change that may or may not have moved the session on: ask again only if the question changed. */
    private static WhysStep settle(WhysState before, WhysState after, List<String> notes) {
        if (!after.prompt().equals(before.prompt())) {
            return ask(after, notes);
        }
        List<String> lines = notes.stream().filter(n -> !n.isBlank()).toList();
        return new WhysStep(after, lines.isEmpty() ? List.of() : List.of(WhysMessage.say(String.join("\n", lines))), null);
    }

    private static String question(WhysState s, Prompt p) {
        WhyTree t = s.tree();
        return switch (p.kind()) {
            case PROBLEM -> "*What problem should these whys start from?* Reply in this thread in a few words, e.g. "
                    + "“Checkout returned errors for 40 minutes”."
                    + (s.proposal() == null ? "" : "\nThe interview's impact answer says:\n" + quote(s.proposal()));
            case WHY -> whyQuestion(s, p.nodeId());
            case ANOTHER_CAUSE -> "*Another cause* — what else led to this?\n" + quote(subjectText(t, p.nodeId()));
            case CHECKS -> "*Before cause " + t.label(p.nodeId()) + " becomes a root cause*, three checks. Answer them "
                    + "in one reply:\n1. Is this the underlying cause, or a symptom of something deeper?\n"
                    + "2. Could it have been detected before it happened?\n"
                    + "3. Was a person's mistake involved? If so, why was it possible?\n"
                    + quote(subjectText(t, p.nodeId()));
            case REMEDIATION -> remediationQuestion(t, p.nodeId());
            case FINISHED -> finished(t);
        };
    }

    private static String whyQuestion(WhysState s, int subject) {
        WhyTree t = s.tree();
        String number = "Why #" + (t.depth(subject) + 1);
        String where = subject != WhyTree.PROBLEM && t.branched() ? " (branch " + t.label(subject) + ")" : "";
        if (subject != WhyTree.PROBLEM && s.humanError(t.node(subject).orElseThrow())) {
            return "*" + number + where + "* — why was this possible?\n" + quote(subjectText(t, subject))
                    + "\nThat answer puts the cause on a person. People slip; a person's mistake is never the root cause, "
                    + "because something let it happen or let it do harm. Which check, validation or fail-safe was missing?";
        }
        return "*" + number + where + "* — why did this happen?\n" + quote(subjectText(t, subject));
    }

    private static String remediationQuestion(WhyTree t, int nodeId) {
        List<WhyNode> roots = t.rootCauses();
        StringBuilder sb = new StringBuilder();
        if (roots.stream().allMatch(n -> n.remediations().isEmpty())) {
            sb.append("Every branch has reached a root cause:\n");
            roots.forEach(n -> sb.append("★ ").append(t.label(n.id())).append(" ").append(WhysTreeText.shortLine(n.text(), 200)).append('\n'));
            sb.append("For each one: what would prevent it? Each answer becomes an action-item draft; its owner, "
                    + "priority and due date come with the action items.\n\n");
        }
        sb.append("*What would prevent root cause ").append(t.label(nodeId)).append("?*\n")
                .append(quote(t.node(nodeId).orElseThrow().text()));
        return sb.toString();
    }

    private static String finished(WhyTree t) {
        List<WhyNode> roots = t.rootCauses();
        long drafts = roots.stream().mapToLong(n -> n.remediations().size()).sum();
        return "*These 5 Whys are complete:* " + roots.size() + " root cause" + (roots.size() == 1 ? "" : "s") + ", "
                + drafts + " action-item draft" + (drafts == 1 ? "" : "s") + ". The whole tree is at the top of this "
                + "thread. `back` reopens the last answer.";
    }

    private static List<WhysMessage.Button> buttons(WhysState s, Prompt p) {
        List<WhysMessage.Button> out = new ArrayList<>();
        switch (p.kind()) {
            case PROBLEM -> {
                if (s.proposal() != null) {
                    out.add(new WhysMessage.Button(USE_PROPOSAL, "Use the impact", WhyTree.PROBLEM));
                }
            }
            case WHY -> {
                if (p.nodeId() != WhyTree.PROBLEM) {
                    if (!s.humanError(s.tree().node(p.nodeId()).orElseThrow())) {
                        out.add(new WhysMessage.Button(ROOT_CAUSE, "Root cause", p.nodeId()));
                    }
                    out.add(new WhysMessage.Button(ANOTHER_CAUSE, "Another cause", p.nodeId()));
                }
            }
            case ANOTHER_CAUSE -> out.add(new WhysMessage.Button(KEEP_ASKING, "Never mind", p.nodeId()));
            case CHECKS -> out.add(new WhysMessage.Button(KEEP_ASKING, "Keep asking why", p.nodeId()));
            default -> {
            }
        }
        out.addAll(backButton(s));
        return out;
    }

    private static List<WhysMessage.Button> backButton(WhysState s) {
        return s.history().isEmpty() ? List.of() : List.of(new WhysMessage.Button(BACK, "Back", WhyTree.PROBLEM));
    }

    /** "I'll come back to it" when the new cause waits behind the branch being asked about. */
    private static String comingBackTo(WhysState after, int newId) {
        Prompt p = after.prompt();
        if (p.kind() == Prompt.Kind.WHY && p.nodeId() != newId && p.nodeId() != WhyTree.PROBLEM) {
            return " I'll come back to it once branch " + after.tree().label(p.nodeId()) + " reaches its root cause.";
        }
        return "";
    }

    private static String subjectText(WhyTree t, int id) {
        return id == WhyTree.PROBLEM ? t.problem() : t.node(id).orElseThrow().text();
    }

    static String quote(String text) {
        return "> " + (text == null ? "" : text.strip().replace("\n", "\n> "));
    }


    private static WhysStep say(WhysState s, String text) {
        return new WhysStep(s, List.of(WhysMessage.say(text)), null);
    }

    private static WhysStep quiet(WhysState s) {
        return new WhysStep(s, List.of(), null);
    }

    private static WhysStep refuse(WhysState s, String why) {
        return new WhysStep(s, List.of(), why);
    }

    /** A word typed in the thread gets no ephemeral answer: the refusal is said in the thread instead. */
    private static WhysStep inThread(WhysStep step) {
        return step.refusal() == null ? step : say(step.state(), step.refusal());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The words that steer the session from the thread, where slash commands don't work. */
    enum Word {
        BACK, ROOT_CAUSE, ANOTHER_CAUSE, NONE;

        static Word of(String text) {
            String w = text.toLowerCase(Locale.ROOT).replaceAll("[`*_.!]", "").strip();
            return switch (w) {
                case "back", "undo" -> BACK;
                case "root cause", "root", "this is the root cause" -> ROOT_CAUSE;
                case "another cause", "another" -> ANOTHER_CAUSE;
                default -> NONE;
            };
        }
    }
}
