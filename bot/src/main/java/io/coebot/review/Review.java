package io.coebot.review;

import io.coebot.review.ReviewEvent.AnswersChanged;
import io.coebot.review.ReviewEvent.Approve;
import io.coebot.review.ReviewEvent.AskReview;
import io.coebot.review.ReviewEvent.Comment;
import io.coebot.review.ReviewEvent.Published;
import io.coebot.review.ReviewEvent.RequestChanges;
import io.coebot.review.ReviewEvent.Resolve;
import io.coebot.review.ReviewStep.Moved;
import io.coebot.review.ReviewStep.Refused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review lifecycle of a COE as a pure function: {@code next(state, event)} either refuses, saying why in a
 * sentence for the person who tried, or moves to a new state with what people must hear. No Slack, no SQL, no clock
 * (the time is passed in). Drafting → In review → Changes requested → (back to) In review → Approved → Published;
 * the status is read from the facts ({@link ReviewState#status()}), so each rule below only changes facts.
 */
final class Review {

    private Review() {
    }

    static ReviewStep next(ReviewState s, ReviewEvent e, String label, Instant now) {
        ReviewStep step;
        if (e instanceof AskReview a) {
            step = ask(s, a, label, now);
        } else if (e instanceof Approve a) {
            step = approve(s, a, label, now);
        } else if (e instanceof RequestChanges r) {
            step = requestChanges(s, r, label, now);
        } else if (e instanceof Comment c) {
            step = comment(s, c, label, now);
        } else if (e instanceof Resolve r) {
            step = resolve(s, r, label, now);
        } else if (e instanceof AnswersChanged) {
            step = answersChanged(s);
        } else {
            step = published(s, (Published) e);
        }
        return withStatusNews(s, step);
    }

    private static ReviewStep ask(ReviewState s, AskReview a, String label, Instant now) {
        if (s.published()) {
            return new Refused(label + " is already published: there is nothing left to review.");
        }
        if (!a.actor().equals(s.owner())) {
            return new Refused("Only the COE owner, <@" + s.owner() + ">, can ask for a review of " + label + ".");
        }
        Set<String> named = new LinkedHashSet<>(a.reviewers());
        if (named.isEmpty()) {
            return new Refused("Name at least one reviewer, e.g. `/coe review @alice @bob`.");
        }
        if (named.contains(s.owner())) {
            return new Refused("You own " + label + ", so you cannot review it yourself: ask someone else.");
        }
        if (!a.barMet()) {
            return new Refused("The quality bar is the gate into review, and " + label + " does not meet it yet: "
                    + "`/coe status` lists what is missing. (As the owner you may still publish it anyway with a reason.)");
        }
        List<String> fresh = named.stream().filter(u -> s.reviewer(u).isEmpty()).toList();
        if (fresh.isEmpty()) {
            return new Refused(mentions(named) + (named.size() == 1 ? " is" : " are") + " already reviewing " + label + ".");
        }
        List<Reviewer> reviewers = new ArrayList<>(s.reviewers());
        fresh.forEach(u -> reviewers.add(Reviewer.asked(u, a.actor(), now)));
        String who = mentions(fresh);
        return new Moved(s.withReviewers(reviewers), List.of(new ReviewNews.Asked(fresh)), "asked " + who + " to review",
                "Asked " + who + " to review " + label + "; each gets a DM with the draft.");
    }

    private static ReviewStep approve(ReviewState s, Approve a, String label, Instant now) {
        Optional<Reviewer> me = s.reviewer(a.actor());
        Optional<Refused> no = reviewerMayAct(s, me, a.round(), label, "approve");
        if (no.isPresent()) {
            return no.get();
        }
        List<ReviewNote> blocking = s.notes().stream().filter(ReviewNote::blocksApproval).toList();
        if (!blocking.isEmpty()) {
            return new Refused(label + " cannot be approved while a change request is open (" + blocking.size()
                    + " open): its owner, <@" + s.owner() + ">, resolves them first, and then you are asked to look again.");
        }
        if (me.get().approves()) {
            return new Refused("You already approved " + label + ".");
        }
        boolean confirming = me.get().stale();
        ReviewState next = s.withReviewers(replace(s.reviewers(), me.get().decided(Verdict.APPROVED, now)));
        return new Moved(next, List.of(new ReviewNews.Approved(a.actor())), confirming ? "confirmed their approval" : "approved",
                (confirming ? "You confirmed your approval of " : "You approved ") + label + ".");
    }

    private static ReviewStep requestChanges(ReviewState s, RequestChanges r, String label, Instant now) {
        if (s.hasSource(r.sourceKey())) {
            return new Moved(s, List.of(), null, "Your change request is in " + label + "'s thread.");
        }
        Optional<Reviewer> me = s.reviewer(r.actor());
        Optional<Refused> no = reviewerMayAct(s, me, r.round(), label, "request changes to");
        if (no.isPresent()) {
            return no.get();
        }
        if (r.text() == null || r.text().isBlank()) {
            return new Refused("Say what should change: the comment is what the owner works from.");
        }
        ReviewNote note = new ReviewNote(null, ReviewNote.Kind.CHANGES, r.actor(), r.section(), r.text().strip(), now,
                null, null, r.sourceKey());
        List<ReviewNote> notes = new ArrayList<>(s.notes());
        notes.add(note);
        ReviewState next = s.withReviewers(replace(s.reviewers(), me.get().decided(Verdict.CHANGES_REQUESTED, now)))
                .withNotes(notes);
        return new Moved(next, List.of(new ReviewNews.NoteAdded(note)), "requested changes" + about(r.section()),
                "Your change request is in " + label + "'s thread; the owner resolves it, then you are asked to look again.");
    }

    private static ReviewStep comment(ReviewState s, Comment c, String label, Instant now) {
        if (s.hasSource(c.sourceKey())) {
            return new Moved(s, List.of(), null, "Your comment is in " + label + "'s thread.");
        }
        if (c.text() == null || c.text().isBlank()) {
            return new Refused("The comment is empty: write what you want the team to read.");
        }
        ReviewNote note = new ReviewNote(null, ReviewNote.Kind.COMMENT, c.actor(), c.section(), c.text().strip(), now,
                null, null, c.sourceKey());
        List<ReviewNote> notes = new ArrayList<>(s.notes());
        notes.add(note);
        return new Moved(s.withNotes(notes), List.of(new ReviewNews.NoteAdded(note)), "commented" + about(c.section()),
                "Your comment is in " + label + "'s thread.");
    }

    private static ReviewStep resolve(ReviewState s, Resolve r, String label, Instant now) {
        Optional<ReviewNote> found = s.note(r.noteId());
        if (found.isEmpty()) {
            return new Refused("That comment is no longer part of " + label + ".");
        }
        ReviewNote note = found.get();
        if (!r.actor().equals(s.owner())) {
            return new Refused("Only the COE owner, <@" + s.owner() + ">, marks comments and change requests resolved.");
        }
        if (!note.open()) {
            return new Refused("This " + note.noun() + " was already resolved by <@" + note.resolvedBy() + ">.");
        }
        ReviewNote done = note.resolved(r.actor(), now);
        List<ReviewNote> notes = s.notes().stream().map(n -> n == note ? done : n).toList();
        ReviewState next = s.withNotes(notes);
        List<ReviewNews> news = new ArrayList<>(List.of(new ReviewNews.NoteResolved(done)));
        if (note.kind() == ReviewNote.Kind.CHANGES && next.notes().stream().noneMatch(ReviewNote::blocksApproval)) {
            List<String> again = next.reviewers().stream().filter(x -> x.verdict() == Verdict.CHANGES_REQUESTED)
                    .map(Reviewer::userId).toList();
            next = next.withReviewers(next.reviewers().stream()
                    .map(x -> x.verdict() == Verdict.CHANGES_REQUESTED ? x.decided(Verdict.ASKED, now) : x).toList())
                    .nextRound();
            if (!again.isEmpty()) {
                news.add(new ReviewNews.LookAgain(again));
            }
        }
        return new Moved(next, news, "resolved <@" + note.author() + ">'s " + note.noun() + about(note.section()),
                "Marked resolved.");
    }

    private static ReviewStep answersChanged(ReviewState s) {
        List<String> approvers = s.reviewers().stream().filter(Reviewer::approves).map(Reviewer::userId).toList();
        if (s.published() || approvers.isEmpty()) {
            return new Moved(s, List.of(), null, null);
        }
        ReviewState next = s.withReviewers(s.reviewers().stream().map(Reviewer::staled).toList()).nextRound();
        return new Moved(next, List.of(new ReviewNews.ApprovalsStale(approvers)),
                "edited an answer after approval; approvals of " + mentions(approvers) + " marked stale", null);
    }

    private static ReviewStep published(ReviewState s, Published p) {
        return new Moved(s.publishedNow(), List.of(),
                p.withoutReview() ? "published without review" : "published", null);
    }

    /** The checks every reviewer's button passes: asked, not the owner, the button of the current round. */
    private static Optional<Refused> reviewerMayAct(ReviewState s, Optional<Reviewer> me, int round, String label, String verb) {
        if (s.published()) {
            return Optional.of(new Refused(label + " is already published."));
        }
        if (me.isEmpty()) {
            return Optional.of(new Refused("Only the reviewers its owner asked can " + verb + " " + label
                    + (s.reviewers().isEmpty() ? "" : " (" + mentions(s.reviewers().stream().map(Reviewer::userId).toList()) + ")")
                    + "."));
        }
        if (round != s.round()) {
            return Optional.of(new Refused("This review message is out of date: " + label + " changed since you got it. "
                    + "The newest message I sent you has buttons for the COE as it is now."));
        }
        return Optional.empty();
    }

    /** Adds a status change to a move that changed the status: it is announced with who caused it. */
    private static ReviewStep withStatusNews(ReviewState before, ReviewStep step) {
        if (step instanceof Moved m && m.state().status() != before.status()) {
            List<ReviewNews> news = new ArrayList<>(m.news());
            news.add(new ReviewNews.StatusChanged(before.status(), m.state().status()));
            return new Moved(m.state(), news, m.audit(), m.reply());
        }
        return step;
    }

    private static List<Reviewer> replace(List<Reviewer> all, Reviewer changed) {
        return all.stream().map(r -> r.userId().equals(changed.userId()) ? changed : r).toList();
    }

    static String mentions(java.util.Collection<String> users) {
        return users.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
    }

    private static String about(String section) {
        return section == null || section.isBlank() ? "" : " on " + section;
    }
}
