package io.coebot.store;

/**
 * Who is told what became of a message the outbox sends (its ts, or that it will never have one), and only they.
 *
 * @param part what the owner calls this message among its own: a question's id, a nudge's claim; null for the
 *             message the owner is itself (a 5 Whys session's root, one part of a published COE)
 */
public record MessageOwner(OwnerKind kind, long id, String part) {
    public static MessageOwner of(OwnerKind kind, long id) {
        return new MessageOwner(kind, id, null);
    }
}
