package io.coebot.review;

import java.util.List;

/** Everything that moves a COE's review; each names who did it. */
sealed interface ReviewEvent {
    String actor();

    /** The owner asks these people to review; {@code barMet}: the quality bar's verdict now (the gate into review). */
    record AskReview(String actor, List<String> reviewers, boolean barMet) implements ReviewEvent {
        public AskReview {
            reviewers = List.copyOf(reviewers);
        }
    }

    /** A reviewer approves, from a message of review {@code round}; approving again confirms a stale approval. */
    record Approve(String actor, int round) implements ReviewEvent {}

    record RequestChanges(String actor, int round, String section, String text, String sourceKey) implements ReviewEvent {}

    record Comment(String actor, String section, String text, String sourceKey) implements ReviewEvent {}

    /** The owner marks a comment or change request resolved. */
    record Resolve(String actor, long noteId) implements ReviewEvent {}

    /** An interview answer changed: approvals given before it no longer count until confirmed. */
    record AnswersChanged(String actor) implements ReviewEvent {}

    /** @param withoutReview the owner published anyway, skipping review (their reason is in the publication) */
    record Published(String actor, boolean withoutReview) implements ReviewEvent {}
}
