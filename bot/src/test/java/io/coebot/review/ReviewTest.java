package io.coebot.review;

import io.coebot.review.ReviewEvent.AnswersChanged;
import io.coebot.review.ReviewEvent.Approve;
import io.coebot.review.ReviewEvent.AskReview;
import io.coebot.review.ReviewEvent.Comment;
import io.coebot.review.ReviewEvent.Published;
import io.coebot.review.ReviewEvent.RequestChanges;
import io.coebot.review.ReviewEvent.Resolve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.coebot.review.ReviewStatus.APPROVED;
import static io.coebot.review.ReviewStatus.CHANGES_REQUESTED;
import static io.coebot.review.ReviewStatus.DRAFTING;
import static io.coebot.review.ReviewStatus.IN_REVIEW;
import static io.coebot.review.ReviewStatus.PUBLISHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review lifecycle as a table: from each status, each event either moves it (to which status) or is refused (why). */
class ReviewTest {
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    private static final String OWNER = "U0OWNER";
    private static final String ALICE = "U0ALICE";
    private static final String BOB = "U0BOB";
    private static final String CAROL = "U0CAROL";

    /** Each status, reached the way a team reaches it. */
    static ReviewState drafting() {
        return ReviewState.drafting(OWNER, 1);
    }

    static ReviewState inReview() {
        return moved(drafting(), new AskReview(OWNER, List.of(ALICE, BOB), true));
    }

    static ReviewState changesRequested() {
        return stored(moved(inReview(), new RequestChanges(ALICE, 1, "Impact", "Say how many customers", "V1")));
    }

    static ReviewState approved() {
        return moved(inReview(), new Approve(BOB, 1));
    }

    static ReviewState published() {
        return moved(approved(), new Published(OWNER, false));
    }

    static Stream<Arguments> moves() {
        return Stream.of(
                // from Drafting
                Arguments.of("ask for review", drafting(), new AskReview(OWNER, List.of(ALICE), true), IN_REVIEW),
                Arguments.of("comment while drafting", drafting(), new Comment(CAROL, null, "Nice timeline", "V9"), DRAFTING),
                Arguments.of("publish anyway while drafting", drafting(), new Published(OWNER, true), PUBLISHED),
                // from In review
                Arguments.of("one approval of one", inReview(), new Approve(ALICE, 1), APPROVED),
                Arguments.of("a change request", inReview(), new RequestChanges(BOB, 1, "Timeline", "Gap at 14:20", "V2"), CHANGES_REQUESTED),
                Arguments.of("a comment keeps it in review", inReview(), new Comment(BOB, "Summary", "Typo", "V3"), IN_REVIEW),
                Arguments.of("another reviewer asked", inReview(), new AskReview(OWNER, List.of(CAROL), true), IN_REVIEW),
                Arguments.of("an edit with no approval changes nothing", inReview(), new AnswersChanged(OWNER), IN_REVIEW),
                // from Changes requested
                Arguments.of("the owner resolves the change request", changesRequested(), new Resolve(OWNER, 1), IN_REVIEW),
                Arguments.of("a second reviewer comments", changesRequested(), new Comment(BOB, null, "Agree", "V4"), CHANGES_REQUESTED),
                // from Approved
                Arguments.of("an edit after approval", approved(), new AnswersChanged(ALICE), IN_REVIEW),
                Arguments.of("a late change request", approved(), new RequestChanges(ALICE, 1, null, "Missing metrics", "V5"), CHANGES_REQUESTED),
                Arguments.of("a second approval", approved(), new Approve(ALICE, 1), APPROVED),
                Arguments.of("publish", approved(), new Published(OWNER, false), PUBLISHED),
                // from Published
                Arguments.of("a comment after publishing", published(), new Comment(CAROL, null, "Great read", "V6"), PUBLISHED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moves")
    void eachEventMovesToItsStatus(String name, ReviewState from, ReviewEvent event, ReviewStatus expected) {
        ReviewStep step = Review.next(from, event, "COE-7", T);
        ReviewStep.Moved moved = assertInstanceOf(ReviewStep.Moved.class, step, name + ": " + step);
        assertEquals(expected, moved.state().status(), name);
        boolean announced = moved.news().stream().anyMatch(n -> n instanceof ReviewNews.StatusChanged c && c.to() == expected);
        assertEquals(from.status() != expected, announced, "a status change is announced, and only a change: " + moved.news());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("someone else asks for review", drafting(), new AskReview(ALICE, List.of(BOB), true), "Only the COE owner"),
                Arguments.of("the owner as reviewer", drafting(), new AskReview(OWNER, List.of(OWNER, ALICE), true), "cannot review it yourself"),
                Arguments.of("nobody named", drafting(), new AskReview(OWNER, List.of(), true), "Name at least one reviewer"),
                Arguments.of("the bar not met", drafting(), new AskReview(OWNER, List.of(ALICE), false), "quality bar is the gate"),
                Arguments.of("asked twice", inReview(), new AskReview(OWNER, List.of(ALICE), true), "already reviewing"),
                Arguments.of("approve without being asked", inReview(), new Approve(CAROL, 1), "Only the reviewers"),
                Arguments.of("the owner approves", inReview(), new Approve(OWNER, 1), "Only the reviewers"),
                Arguments.of("approve while a change request is open", changesRequested(), new Approve(BOB, 1), "change request is open"),
                Arguments.of("a stale Approve button", afterResolve(), new Approve(ALICE, 1), "out of date"),
                Arguments.of("a stale Request changes form", afterResolve(), new RequestChanges(BOB, 1, null, "x", "V7"), "out of date"),
                Arguments.of("approve twice", approved(), new Approve(BOB, 1), "already approved"),
                Arguments.of("an empty change request", inReview(), new RequestChanges(ALICE, 1, null, "  ", "V8"), "Say what should change"),
                Arguments.of("an empty comment", inReview(), new Comment(ALICE, null, "", "V10"), "empty"),
                Arguments.of("a reviewer resolves", changesRequested(), new Resolve(ALICE, 1), "Only the COE owner"),
                Arguments.of("resolve twice", afterResolve(), new Resolve(OWNER, 1), "already resolved"),
                Arguments.of("resolve a note that is not there", inReview(), new Resolve(OWNER, 99), "no longer part"),
                Arguments.of("review after publishing", published(), new AskReview(OWNER, List.of(CAROL), true), "already published"),
                Arguments.of("approve after publishing", published(), new Approve(ALICE, 1), "already published"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachRefusalSaysWhyAndChangesNothing(String name, ReviewState from, ReviewEvent event, String why) {
        ReviewStep step = Review.next(from, event, "COE-7", T);
        ReviewStep.Refused refused = assertInstanceOf(ReviewStep.Refused.class, step, name + ": " + step);
        assertTrue(refused.why().contains(why), name + ": " + refused.why());
    }

    @Test
    void resolvingTheLastChangeRequestAsksThoseWhoRequestedChangesToLookAgainInANewRound() {
        ReviewStep.Moved m = (ReviewStep.Moved) Review.next(changesRequested(), new Resolve(OWNER, 1), "COE-7", T);
        assertEquals(2, m.state().round(), "buttons of round 1 are now out of date");
        assertTrue(m.news().contains(new ReviewNews.LookAgain(List.of(ALICE))), m.news().toString());
        assertEquals(Verdict.ASKED, m.state().reviewer(ALICE).orElseThrow().verdict());
    }

    @Test
    void anEditAfterApprovalKeepsTheApprovalButMarksItStaleUntilConfirmed() {
        ReviewStep.Moved edited = (ReviewStep.Moved) Review.next(approved(), new AnswersChanged(ALICE), "COE-7", T);
        Reviewer bob = edited.state().reviewer(BOB).orElseThrow();
        assertEquals(Verdict.APPROVED, bob.verdict());
        assertTrue(bob.stale());
        assertTrue(edited.news().contains(new ReviewNews.ApprovalsStale(List.of(BOB))), edited.news().toString());
        assertFalse(edited.state().mayPublish());

        ReviewStep.Moved confirmed = (ReviewStep.Moved) Review.next(edited.state(), new Approve(BOB, 2), "COE-7", T);
        assertEquals(APPROVED, confirmed.state().status());
        assertEquals("confirmed their approval", confirmed.audit());
        assertTrue(confirmed.state().mayPublish());
    }

    @Test
    void theSameFormDeliveredTwiceAddsOneNote() {
        ReviewState once = moved(inReview(), new Comment(ALICE, null, "Typo in the summary", "V11"));
        ReviewStep.Moved twice = (ReviewStep.Moved) Review.next(once, new Comment(ALICE, null, "Typo in the summary", "V11"), "COE-7", T);
        assertEquals(1, twice.state().notes().size());
        assertEquals(null, twice.audit(), "nothing recorded the second time");
    }

    @Test
    void twoApprovalsNeededMeansOneIsNotEnough() {
        ReviewState s = moved(new ReviewState(OWNER, 2, 1, List.of(), List.of(), false), new AskReview(OWNER, List.of(ALICE, BOB), true));
        s = moved(s, new Approve(ALICE, 1));
        assertEquals(IN_REVIEW, s.status());
        assertFalse(s.mayPublish());
        s = moved(s, new Approve(BOB, 1));
        assertEquals(APPROVED, s.status());
    }

    @Test
    void noReviewNeededMeansTheOwnerMayPublishAtOnce() {
        assertTrue(ReviewState.drafting(OWNER, 0).mayPublish());
        assertFalse(drafting().mayPublish());
    }

    private static ReviewState afterResolve() {
        return ((ReviewStep.Moved) Review.next(changesRequested(), new Resolve(OWNER, 1), "COE-7", T)).state();
    }

    private static ReviewState moved(ReviewState s, ReviewEvent e) {
        ReviewStep step = Review.next(s, e, "COE-7", T);
        return assertInstanceOf(ReviewStep.Moved.class, step, step.toString()).state();
    }

    /** Notes as the store gives them back: numbered 1, 2… */
    private static ReviewState stored(ReviewState s) {
        List<ReviewNote> notes = new ArrayList<>();
        long id = 1;
        for (ReviewNote n : s.notes()) {
            notes.add(new ReviewNote(id++, n.kind(), n.author(), n.section(), n.text(), n.createdAt(), n.resolvedBy(),
                    n.resolvedAt(), n.sourceKey()));
        }
        return s.withNotes(notes);
    }
}
