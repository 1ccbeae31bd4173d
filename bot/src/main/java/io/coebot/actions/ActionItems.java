package io.coebot.actions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * How other features read action items; changing one goes through {@link ActionService}. The one thing others write
 * here is the item's link to its issue in a tracker, which the tracker decides, not the item's owner.
 */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class ActionItems {
    private final ActionStore store;

    ActionItems(ActionStore store) {
        this.store = store;
    }

    public Optional<ActionItem> find(long id) {
        return store.find(id);
    }

    /** The COE's items, oldest first. */
    public List<ActionItem> ofCoe(long coeId) {
        return store.ofCoe(coeId);
    }

    /** Someone's open items across every COE of the workspace, soonest due first. */
    public List<ActionItem> openOwnedBy(String teamId, String userId) {
        return store.openOwnedBy(teamId, userId);
    }

    /** Every open item of the workspace. */
    public List<ActionItem> allOpen(String teamId) {
        return store.allOpen(teamId);
    }

    /** The item is on its way to {@code tracker} ("GitHub"): it reads "not yet in GitHub" until its issue exists. */
    public void markNotYetIn(long id, String tracker) {
        store.markNotYetIn(id, tracker);
    }

    /** The item's issue exists: from now on it shows the issue's key and link. */
    public void linkIssue(long id, String key, String url) {
        store.linkIssue(id, key, url);
    }
}
