package io.coebot.review;

import java.time.Instant;

/**
 * A comment or a change request on a COE, posted in its card's thread and open until the owner resolves it. An
 * open change request keeps the COE from being approved.
 *
 * @param id        null until stored
 * @param section   the part of the COE it is about ("Impact", "5 Whys"…), or null for the whole COE
 * @param sourceKey what Slack sent it as (the form's view id): the same form submitted twice is one note
 */
record ReviewNote(Long id, Kind kind, String author, String section, String text, Instant createdAt,
                  String resolvedBy, Instant resolvedAt, String sourceKey) {

    enum Kind { COMMENT, CHANGES }

    boolean open() {
        return resolvedAt == null;
    }

    boolean blocksApproval() {
        return kind == Kind.CHANGES && open();
    }

    ReviewNote resolved(String by, Instant at) {
        return new ReviewNote(id, kind, author, section, text, createdAt, by, at, sourceKey);
    }

    /** "change request" / "comment", as people read it. */
    String noun() {
        return kind == Kind.CHANGES ? "change request" : "comment";
    }
}
