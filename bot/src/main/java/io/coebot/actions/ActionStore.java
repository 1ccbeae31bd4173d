package io.coebot.actions;

import io.coebot.slack.TeamRef;
import io.coebot.whys.CauseRef;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Action items, read together with their COE (number, title, owner, channel), so a nudge needs nothing else. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class ActionStore {
    private final ActionRepository rows;

    ActionStore(ActionRepository rows) {
        this.rows = rows;
    }

    long insert(String teamId, long coeId, String text, String owner, Priority priority, LocalDate due, ActionType type,
                CauseRef causeRef, String causeText, String trackerUrl, String createdBy, Instant now) {
        return rows.insert(new ActionItemRow(null, teamId, coeId, text, owner, priority.key(), due,
                type == null ? null : type.key(), ActionStatus.OPEN.key(), null, null,
                causeRef == null ? null : causeRef.toString(), causeText, trackerUrl, null, null, createdBy, now, now)).id();
    }

    /** Locks the item: two people pressing Done and Snooze at once are applied one after the other. */
    Optional<ActionItem> lock(long id) {
        return rows.findForUpdate(id).map(ActionItemView::item);
    }

    Optional<ActionItem> find(long id) {
        return rows.find(id).map(ActionItemView::item);
    }

    /** The item a button or form names, only when it is the sending workspace's (see {@link TeamRef}). */
    Optional<ActionItem> find(TeamRef ref) {
        return rows.find(ref.id(), ref.teamId()).map(ActionItemView::item);
    }

    void update(ActionItem item, Instant now) {
        rows.update(item.id(), item.owner(), item.due(), item.status().key(), item.statusReason(), item.snoozedUntil(), now);
    }

    /** The COE's items, oldest first. */
    List<ActionItem> ofCoe(long coeId) {
        return items(rows.ofCoe(coeId));
    }

    /** Someone's open items across every COE of the workspace, soonest due first. */
    List<ActionItem> openOwnedBy(String teamId, String userId) {
        return items(rows.openOwnedBy(teamId, userId));
    }

    /** Every open item of the workspace: what the nudge planner looks at. */
    List<ActionItem> allOpen(String teamId) {
        return items(rows.allOpen(teamId));
    }

    /** The workspaces that have open items. */
    List<String> teamsWithOpenItems() {
        return rows.findTeamsWithOpenItems();
    }

    /** The item is on its way to {@code tracker} ("GitHub"): it reads "not yet in GitHub" until its issue exists. */
    void markNotYetIn(long id, String tracker) {
        rows.update(id, tracker);
    }

    /** The item's issue exists: from now on it shows the issue's key and link. */
    void linkIssue(long id, String key, String url) {
        rows.update(id, key, url, null);
    }

    private static List<ActionItem> items(List<ActionItemView> views) {
        return views.stream().map(ActionItemView::item).toList();
    }
}
