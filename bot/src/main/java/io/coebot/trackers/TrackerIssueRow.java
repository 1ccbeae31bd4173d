package io.coebot.trackers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of tracker_issue, the queue of what is still to be pushed to a tracker. */
@MappedEntity("tracker_issue")
record TrackerIssueRow(@Id long itemId, String teamId, String tracker, String target, @Nullable String remoteId,
                       @MappedProperty("issue_key") @Nullable String issueKey,
                       @MappedProperty("issue_url") @Nullable String issueUrl, boolean linked, int wanted, int pushed,
                       int attempts, Instant nextAttemptAt, @Nullable Instant sendingUntil, @Nullable Long sendingClaim,
                       boolean maybeCreated, @Nullable String lastError, String creator, boolean toldCreator,
                       Instant createdAt) {

    /** Read outside a claim: nobody's lease is taken over. */
    TrackerIssues.Row toRow() {
        return new TrackerIssues.Row(itemId, teamId, tracker, target, remoteId, issueKey, issueUrl, linked, wanted, pushed,
                attempts, maybeCreated, lastError, creator, toldCreator, false);
    }
}
