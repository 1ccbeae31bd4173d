package io.coebot.whys;

import io.coebot.slack.MessageTs;

import java.util.ArrayList;
import java.util.List;

/**
 * One cause in the tree: the answer to "why?" asked about its parent (0 is the problem itself). {@code ts} is
 * the Slack message it came from, so editing or deleting that message reaches the node. A root cause carries
 * the team's answer to the three checks (null when marked after the fifth why, where they are not asked)
 * and its remediations, each of which becomes an action-item draft.
 */
public record WhyNode(int id, int parentId, String text, String author, MessageTs ts, boolean rootCause,
                      String checks, MessageTs checksTs, List<Remediation> remediations) {

    public WhyNode {
        remediations = remediations == null ? List.of() : List.copyOf(remediations);
    }

    static WhyNode answer(int id, int parentId, String text, String author, MessageTs ts) {
        return new WhyNode(id, parentId, text, author, ts, false, null, null, List.of());
    }

    WhyNode withText(String newText) {
        return new WhyNode(id, parentId, newText, author, ts, rootCause, checks, checksTs, remediations);
    }

    WhyNode markedRootCause(String checksAnswer, MessageTs answerTs) {
        return new WhyNode(id, parentId, text, author, ts, true, checksAnswer, answerTs, remediations);
    }

    WhyNode unmarked() {
        return new WhyNode(id, parentId, text, author, ts, false, null, null, remediations);
    }

    WhyNode withChecks(String checksAnswer) {
        return new WhyNode(id, parentId, text, author, ts, rootCause, checksAnswer, checksTs, remediations);
    }

    WhyNode withRemediations(List<Remediation> list) {
        return new WhyNode(id, parentId, text, author, ts, rootCause, checks, checksTs, list);
    }

    WhyNode plusRemediation(Remediation r) {
        List<Remediation> list = new ArrayList<>(remediations);
        list.add(r);
        return withRemediations(list);
    }
}
