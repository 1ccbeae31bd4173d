package io.coebot.actions;

import io.coebot.whys.CauseRef;
import io.coebot.whys.Remediation;
import io.coebot.whys.WhyNode;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;
import io.coebot.whys.WhysSessions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 5 Whys hand their remediations over as action-item drafts: each fix the team gave for a root cause waits
 * here until someone completes it with an owner, a priority and a due date. The item then carries the draft's
 * {@link CauseRef}, which is how a completed draft stops showing.
 */
@Singleton
class RemediationDrafts {
    /** A fix for a root cause, not yet an action item. */
    public record Draft(CauseRef ref, String text, String causeLabel, String causeText, String session) {}

    private final WhysSessions whys;

    public RemediationDrafts(WhysSessions whys) {
        this.whys = whys;
    }

    /** The COE's drafts that no item has taken up yet. */
    public List<Draft> open(long coeId, List<ActionItem> items) {
        Set<CauseRef> taken = items.stream().map(ActionItem::causeRef).filter(r -> r != null).collect(Collectors.toSet());
        return all(coeId).stream().filter(d -> !taken.contains(d.ref())).toList();
    }

    public Optional<Draft> find(long coeId, CauseRef ref) {
        return all(coeId).stream().filter(d -> d.ref().equals(ref)).findFirst();
    }

    private List<Draft> all(long coeId) {
        List<Draft> out = new ArrayList<>();
        for (WhysSession s : whys.ofCoe(coeId)) {
            WhyTree tree = s.state().tree();
            for (WhyNode n : tree.rootCauses()) {
                List<Remediation> fixes = n.remediations();
                for (int i = 0; i < fixes.size(); i++) {
                    out.add(new Draft(new CauseRef(s.id(), n.id(), i), fixes.get(i).text(), tree.label(n.id()),
                            n.text(), s.label()));
                }
            }
        }
        return out;
    }
}
