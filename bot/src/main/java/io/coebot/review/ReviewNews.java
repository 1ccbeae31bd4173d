package io.coebot.review;

import java.util.List;

/** Something people must hear about after a review event; the service turns each into messages. */
sealed interface ReviewNews {

    /** These people were asked to review: each gets the review DM. */
    record Asked(List<String> reviewers) implements ReviewNews {}

    record StatusChanged(ReviewStatus from, ReviewStatus to) implements ReviewNews {}

    /** A comment or change request, posted in the card's thread quoting its section. */
    record NoteAdded(ReviewNote note) implements ReviewNews {}

    record NoteResolved(ReviewNote note) implements ReviewNews {}

    /** An answer changed after they approved: their approval is stale until they confirm it. */
    record ApprovalsStale(List<String> approvers) implements ReviewNews {}

    /** Every change request is resolved: those who asked for changes are asked to look again. */
    record LookAgain(List<String> reviewers) implements ReviewNews {}

    record Approved(String reviewer) implements ReviewNews {}
}
