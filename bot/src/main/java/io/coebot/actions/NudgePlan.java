package io.coebot.actions;

import java.util.List;

/** Everything that should be sent now. Each element carries the key to claim before sending it. */
record NudgePlan(List<ActionItemDigest> digests, List<OverdueReport> overdueReports,
                        List<ReassignRequest> reassignRequests) {

    public NudgePlan {
        digests = List.copyOf(digests);
        overdueReports = List.copyOf(overdueReports);
        reassignRequests = List.copyOf(reassignRequests);
    }

    public boolean isEmpty() {
        return digests.isEmpty() && overdueReports.isEmpty() && reassignRequests.isEmpty();
    }
}
