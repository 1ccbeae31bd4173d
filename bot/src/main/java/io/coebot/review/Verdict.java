package io.coebot.review;

/** What one reviewer has said so far. */
enum Verdict {
    /** Asked, nothing said yet (or asked again after their requested changes were resolved). */
    ASKED,
    APPROVED,
    CHANGES_REQUESTED
}
