package io.coebot.review;

import io.coebot.coe.Coe;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The review of each COE: its row (status, round, deadline set by hand), reviewers, notes and audit. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class ReviewStore {
    private final ReviewRepository reviews;
    private final ReviewerRepository reviewers;
    private final ReviewNoteRepository notes;
    private final ReviewAuditRepository audits;

    ReviewStore(ReviewRepository reviews, ReviewerRepository reviewers, ReviewNoteRepository notes,
                ReviewAuditRepository audits) {
        this.reviews = reviews;
        this.reviewers = reviewers;
        this.notes = notes;
        this.audits = audits;
    }

    /**
     * @param dueOn        set by `/coe deadline`; null: due by severity
     * @param overdueShownOn the last day the card was redrawn to say "overdue"
     */
    record Row(long coeId, ReviewStatus status, int round, LocalDate dueOn, String dueReason, String dueSetBy,
               LocalDate overdueShownOn, Instant enteredReviewAt) {
        static Row none(long coeId) {
            return new Row(coeId, ReviewStatus.DRAFTING, 1, null, null, null, null, null);
        }
    }

    /** An audit line: who did what, when. */
    record AuditLine(String actor, String what, Instant at) {}

    Optional<Row> row(long coeId) {
        return reviews.findById(coeId).map(ReviewRow::toRow);
    }

    /**
     * The COE's review row, created if needed and locked until the transaction ends: every review event of one COE
     * runs one at a time, so two reviewers pressing at the same instant leave one consistent status.
     */
    Row lock(Coe coe, Instant now) {
        reviews.createUnlessThere(coe.id(), coe.teamId(), now);
        return reviews.findByCoeIdForUpdate(coe.id()).orElseThrow().toRow();
    }

    ReviewState state(Coe coe, int approvalsNeeded, int round) {
        return new ReviewState(coe.ownerUserId(), approvalsNeeded, round, reviewers(coe.id()), notes(coe.id()),
                coe.status() == Coe.Status.PUBLISHED);
    }

    List<Reviewer> reviewers(long coeId) {
        return reviewers.findByIdCoeId(coeId).stream().map(ReviewerRow::toReviewer)
                .sorted(Comparator.comparing(Reviewer::askedAt).thenComparing(Reviewer::userId)).toList();
    }

    List<ReviewNote> notes(long coeId) {
        return notes.findByCoeIdOrderById(coeId).stream().map(ReviewNoteRow::toNote).toList();
    }

    /** Writes what the event changed: status and round, every reviewer, resolved notes. New notes: {@link #add}. */
    void save(Coe coe, ReviewState after, Instant now) {
        reviews.saveState(coe.id(), after.status().name(), after.round(), !after.reviewers().isEmpty(), now);
        for (Reviewer r : after.reviewers()) {
            reviewers.put(coe.id(), coe.teamId(), r.userId(), r.verdict().name(), r.stale(), r.askedBy(), r.askedAt(),
                    r.decidedAt());
        }
        for (ReviewNote n : after.notes()) {
            if (n.id() != null && !n.open()) {
                notes.resolve(n.id(), n.resolvedBy(), n.resolvedAt());
            }
        }
    }

    /** Stores a new comment or change request; @return it with its id. */
    ReviewNote add(Coe coe, ReviewNote n) {
        ReviewNoteRow row = notes.save(new ReviewNoteRow(null, coe.id(), coe.teamId(), n.kind().name(), n.author(),
                n.section(), n.text(), n.createdAt(), null, null, n.sourceKey()));
        return new ReviewNote(row.id(), n.kind(), n.author(), n.section(), n.text(), n.createdAt(), null, null, n.sourceKey());
    }

    void audit(Coe coe, String actor, String what, Instant at) {
        audits.save(new ReviewAuditRow(null, coe.id(), coe.teamId(), actor, what, at));
    }

    List<AuditLine> audit(long coeId) {
        return audits.findByCoeIdOrderById(coeId).stream().map(a -> new AuditLine(a.actor(), a.what(), a.at())).toList();
    }

    void setDue(long coeId, LocalDate due, String reason, String by) {
        reviews.update(coeId, due, reason, by, null);
    }

    /**
     * Remembers that the card now says "overdue" (since {@code day}), so it is redrawn once, not every run; moving
     * the deadline clears it. @return whether this caller is the one that marked it
     */
    boolean markOverdueShown(long coeId, LocalDate day) {
        return reviews.markOverdueShown(coeId, day) == 1;
    }
}
