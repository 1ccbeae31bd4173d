package io.coebot.review;

import java.time.Instant;

/**
 * A person asked to review a COE.
 *
 * @param stale    an approval given before an answer was edited: kept, but it counts only once they confirm it
 * @param askedAt  when they were asked (reviewers' digests list the oldest first)
 */
record Reviewer(String userId, Verdict verdict, boolean stale, String askedBy, Instant askedAt, Instant decidedAt) {

    static Reviewer asked(String userId, String by, Instant at) {
        return new Reviewer(userId, Verdict.ASKED, false, by, at, null);
    }

    /** An approval that counts towards publishing. */
    boolean approves() {
        return verdict == Verdict.APPROVED && !stale;
    }

    Reviewer decided(Verdict v, Instant at) {
        return new Reviewer(userId, v, false, askedBy, askedAt, at);
    }

    Reviewer staled() {
        return new Reviewer(userId, verdict, verdict == Verdict.APPROVED, askedBy, askedAt, decidedAt);
    }
}
