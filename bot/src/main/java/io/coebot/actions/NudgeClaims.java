package io.coebot.actions;

import java.util.Set;

/**
 * What has already been claimed (sent, being sent, or waiting for a retry), as loaded from the database for the
 * dates and weeks around now. A claimed key is never planned again: retrying a failed send is the outbox's job,
 * not a second plan.
 */
record NudgeClaims(Set<DigestKey> digests, Set<WeekKey> overdueReports, Set<ReassignKey> reassignRequests) {

    public static final NudgeClaims NONE = new NudgeClaims(Set.of(), Set.of(), Set.of());

    public NudgeClaims {
        digests = digests == null ? Set.of() : digests;
        overdueReports = overdueReports == null ? Set.of() : overdueReports;
        reassignRequests = reassignRequests == null ? Set.of() : reassignRequests;
    }

    public static NudgeClaims digestsOnly(Set<DigestKey> digests) {
        return new NudgeClaims(digests, Set.of(), Set.of());
    }
}
