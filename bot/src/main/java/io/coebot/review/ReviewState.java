package io.coebot.review;

import java.util.List;
import java.util.Optional;

/**
 * The review of one COE as facts: who was asked and what each said, the comments and change requests, whether it
 * is published. Its {@link #status()} is read from these facts, never stored apart from them, so it cannot
 * disagree with them.
 *
 * @param owner           the COE owner, who asks for review and resolves notes, and cannot review
 * @param approvalsNeeded approvals that must count before Publish (the setting COE_REVIEW_APPROVALS)
 * @param round           bumped whenever reviewers must look again (changes resolved, an answer edited after an
 *                        approval): a button from an earlier round is out of date
 * @param reviewers       in the order they were asked
 * @param notes           oldest first
 */
record ReviewState(String owner, int approvalsNeeded, int round, List<Reviewer> reviewers, List<ReviewNote> notes,
                   boolean published) {

    ReviewState {
        reviewers = List.copyOf(reviewers);
        notes = List.copyOf(notes);
    }

    static ReviewState drafting(String owner, int approvalsNeeded) {
        return new ReviewState(owner, approvalsNeeded, 1, List.of(), List.of(), false);
    }

    ReviewStatus status() {
        if (published) {
            return ReviewStatus.PUBLISHED;
        }
        if (reviewers.isEmpty()) {
            return ReviewStatus.DRAFTING;
        }
        if (notes.stream().anyMatch(ReviewNote::blocksApproval)) {
            return ReviewStatus.CHANGES_REQUESTED;
        }
        return approvals() >= Math.max(1, approvalsNeeded) ? ReviewStatus.APPROVED : ReviewStatus.IN_REVIEW;
    }

    /** Whether `/coe finish` may publish without "anyway": approved, no review required, or published before. */
    boolean mayPublish() {
        return published || approvalsNeeded <= 0 || status() == ReviewStatus.APPROVED;
    }

    long approvals() {
        return reviewers.stream().filter(Reviewer::approves).count();
    }

    Optional<Reviewer> reviewer(String userId) {
        return reviewers.stream().filter(r -> r.userId().equals(userId)).findFirst();
    }

    List<ReviewNote> openNotes() {
        return notes.stream().filter(ReviewNote::open).toList();
    }

    Optional<ReviewNote> note(long id) {
        return notes.stream().filter(n -> n.id() != null && n.id() == id).findFirst();
    }

    boolean hasSource(String sourceKey) {
        return sourceKey != null && notes.stream().anyMatch(n -> sourceKey.equals(n.sourceKey()));
    }

    ReviewState withReviewers(List<Reviewer> r) {
        return new ReviewState(owner, approvalsNeeded, round, r, notes, published);
    }

    ReviewState withNotes(List<ReviewNote> n) {
        return new ReviewState(owner, approvalsNeeded, round, reviewers, n, published);
    }

    ReviewState nextRound() {
        return new ReviewState(owner, approvalsNeeded, round + 1, reviewers, notes, published);
    }

    ReviewState publishedNow() {
        return new ReviewState(owner, approvalsNeeded, round, reviewers, notes, true);
    }
}
