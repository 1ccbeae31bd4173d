package io.coebot.actions;

import java.time.Instant;

/**
 * A feature that keeps action items somewhere else as well (the team's tracker). It is told of every item created or
 * changed from Slack inside the transaction that made the change, so whatever it queues commits, or rolls back,
 * with the item: nothing is lost and nothing is done twice. Changes that came from the tracker itself
 * ({@link ActionService#changeFromTracker}) are not told back.
 */
public interface ItemFollower {
    /** @param item as stored; the follower may mark it (e.g. "not yet in GitHub") before it is announced */
    void created(String teamId, ActionItem item, String creator, Instant now);

    void changed(String teamId, ActionItem before, ActionItem after, String actor, Instant now);
}
