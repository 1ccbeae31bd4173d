package io.coebot.slack;

/**
 * An id as an interaction names it (a COE, a 5 Whys session, an action item): it comes with the team of the
 * workspace that sent it, and the loaders that take a {@code TeamRef} find only that workspace's rows. Handlers get
 * ids from {@link Interaction} only in this form, so checking the workspace is not something a handler can forget.
 */
public record TeamRef(String teamId, long id) {
    public TeamRef {
        if (teamId == null || teamId.isBlank()) {
            throw new MalformedInteraction("no team");
        }
    }
}
