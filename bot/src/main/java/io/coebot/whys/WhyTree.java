package io.coebot.whys;

import io.coebot.slack.MessageTs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The causes of one problem, as a tree: the problem is node 0, its causes are 1, 2…, their causes 1.1, 1.2…
 * Labels are positions among siblings, so removing a branch renumbers the ones after it, the way a reader
 * numbers an outline.
 *
 * <p>The walk is depth first and derived, never stored: the cause being asked about is the first one, in
 * reading order, that has no cause yet and is not a root cause. When there is none, every branch has ended.
 */
public record WhyTree(String problem, MessageTs problemTs, List<WhyNode> nodes, int nextId) {
    public static final int PROBLEM = 0;
    /** Marking a root cause before this many whys first asks the three checks. */
    public static final int CHECKS_BEFORE_DEPTH = 5;

    public WhyTree {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    static WhyTree of(String problem) {
        return new WhyTree(problem, null, List.of(), 1);
    }

    public Optional<WhyNode> node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    public List<WhyNode> children(int id) {
        return nodes.stream().filter(n -> n.parentId() == id).sorted(Comparator.comparingInt(WhyNode::id)).toList();
    }

    /** Every cause in reading order: each one followed by its own causes. */
    public List<WhyNode> inReadingOrder() {
        List<WhyNode> out = new ArrayList<>();
        walk(PROBLEM, out);
        return out;
    }

    private void walk(int id, List<WhyNode> out) {
        for (WhyNode child : children(id)) {
            out.add(child);
            walk(child.id(), out);
        }
    }

    /** "1.2.1"; the problem has no label. */
    public String label(int id) {
        if (id == PROBLEM) {
            return "";
        }
        WhyNode n = node(id).orElseThrow();
        int position = children(n.parentId()).indexOf(n) + 1;
        String parent = label(n.parentId());
        return parent.isEmpty() ? String.valueOf(position) : parent + "." + position;
    }

    /** How many whys lead to this node: the problem is 0, its causes are 1. */
    public int depth(int id) {
        int depth = 0;
        for (int at = id; at != PROBLEM; at = node(at).orElseThrow().parentId()) {
            depth++;
        }
        return depth;
    }

    /** The node the next "why?" is about: the problem while it has no cause, then the first open branch. */
    public Optional<Integer> subject() {
        if (problem == null) {
            return Optional.empty();
        }
        if (children(PROBLEM).isEmpty()) {
            return Optional.of(PROBLEM);
        }
        return inReadingOrder().stream()
                .filter(n -> !n.rootCause() && children(n.id()).isEmpty())
                .map(WhyNode::id).findFirst();
    }

    public List<WhyNode> rootCauses() {
        return inReadingOrder().stream().filter(WhyNode::rootCause).toList();
    }

    /** Whether the tree has branched anywhere: only then do labels say more than the why's number. */
    public boolean branched() {
        Set<Integer> parents = new HashSet<>();
        for (WhyNode n : nodes) {
            if (!parents.add(n.parentId())) {
                return true;
            }
        }
        return false;
    }

    WhyTree withProblem(String text, MessageTs ts) {
        return new WhyTree(text, ts, nodes, nextId);
    }

    WhyTree plus(int parentId, String text, String author, MessageTs ts) {
        List<WhyNode> list = new ArrayList<>(nodes);
        list.add(WhyNode.answer(nextId, parentId, text, author, ts));
        return new WhyTree(problem, problemTs, list, nextId + 1);
    }

    /** The id the next added node gets. */
    int newestId() {
        return nextId - 1;
    }

    WhyTree change(int id, UnaryOperator<WhyNode> change) {
        return new WhyTree(problem, problemTs, nodes.stream().map(n -> n.id() == id ? change.apply(n) : n).toList(), nextId);
    }

    /** The node and every cause under it. */
    List<WhyNode> subtree(int id) {
        List<WhyNode> out = new ArrayList<>();
        node(id).ifPresent(out::add);
        walk(id, out);
        return out;
    }

    WhyTree without(int id) {
        Set<Integer> gone = new HashSet<>(subtree(id).stream().map(WhyNode::id).toList());
        return new WhyTree(problem, problemTs, nodes.stream().filter(n -> !gone.contains(n.id())).toList(), nextId);
    }

    Optional<WhyNode> nodeWrittenAt(MessageTs ts) {
        return nodes.stream().filter(n -> same(n.ts(), ts)).findFirst();
    }

    Optional<WhyNode> checksWrittenAt(MessageTs ts) {
        return nodes.stream().filter(n -> same(n.checksTs(), ts)).findFirst();
    }

    Optional<WhyNode> remediationWrittenAt(MessageTs ts) {
        return nodes.stream().filter(n -> n.remediations().stream().anyMatch(r -> same(r.ts(), ts))).findFirst();
    }

    /** Whether any text in the tree came from this message: a redelivered reply is not a new answer. */
    boolean heard(MessageTs ts) {
        return same(problemTs, ts) || nodeWrittenAt(ts).isPresent() || checksWrittenAt(ts).isPresent()
                || remediationWrittenAt(ts).isPresent();
    }

    /** Applies an edited message to whatever it wrote. */
    WhyTree edited(MessageTs ts, String text) {
        WhyTree t = same(problemTs, ts) ? withProblem(text, ts) : this;
        List<WhyNode> list = new ArrayList<>();
        for (WhyNode n : t.nodes) {
            WhyNode changed = same(n.ts(), ts) ? n.withText(text) : n;
            if (same(changed.checksTs(), ts)) {
                changed = changed.withChecks(text);
            }
            changed = changed.withRemediations(changed.remediations().stream()
                    .map(r -> same(r.ts(), ts) ? r.withText(text) : r).toList());
            list.add(changed);
        }
        return new WhyTree(t.problem, t.problemTs, list, nextId);
    }

    WhyTree withoutRemediationWrittenAt(MessageTs ts) {
        return new WhyTree(problem, problemTs, nodes.stream().map(n -> n.withRemediations(
                n.remediations().stream().filter(r -> !same(r.ts(), ts)).toList())).toList(), nextId);
    }

    /** The message at {@code ts} wrote this part; an unknown ts (null) wrote none. */
    private static boolean same(MessageTs part, MessageTs ts) {
        return part != null && part.equals(ts);
    }
}
