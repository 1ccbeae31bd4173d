package io.coebot.whys;

import java.util.Optional;

/**
 * What the session is waiting for, derived from the tree: the problem, the next why, another cause of a node,
 * the three checks before a root cause, a remediation, or nothing (finished).
 */
record Prompt(Kind kind, int nodeId) {
    public enum Kind { PROBLEM, WHY, ANOTHER_CAUSE, CHECKS, REMEDIATION, FINISHED }

    static Prompt of(WhyTree tree, WhysState.Pending pending) {
        if (tree.problem() == null) {
            return new Prompt(Kind.PROBLEM, WhyTree.PROBLEM);
        }
        if (pending != null && (pending.nodeId() == WhyTree.PROBLEM || tree.node(pending.nodeId()).isPresent())) {
            return new Prompt(pending.kind() == WhysState.Pending.Kind.CHECKS ? Kind.CHECKS : Kind.ANOTHER_CAUSE,
                    pending.nodeId());
        }
        Optional<Integer> subject = tree.subject();
        if (subject.isPresent()) {
            return new Prompt(Kind.WHY, subject.get());
        }
        return tree.rootCauses().stream().filter(n -> n.remediations().isEmpty()).findFirst()
                .map(n -> new Prompt(Kind.REMEDIATION, n.id()))
                .orElse(new Prompt(Kind.FINISHED, WhyTree.PROBLEM));
    }
}
