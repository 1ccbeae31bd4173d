package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionService;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.Dueness;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * A change made in the tracker, reported by a webhook or found by the reconcile, applied to its item: closed (done,
 * or won't do when closed as not planned) or reopened. The item's nudges follow its status, and the COE's thread
 * hears of it. While a change made in Slack is still on its way to the tracker, the tracker's older state is not
 * applied over it.
 */
@Singleton
class TrackerInbound {
    private final TrackerIssues issues;
    private final ActionService actions;
    private final TrackerDeliveryRepository deliveries;

    TrackerInbound(TrackerIssues issues, ActionService actions, TrackerDeliveryRepository deliveries) {
        this.issues = issues;
        this.actions = actions;
        this.deliveries = deliveries;
    }

    /** @return the item after the change; empty when the issue is no item's or nothing changes */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<ActionItem> apply(Tracker tracker, String target, RemoteIssue issue) {
        return apply(tracker, target, issue, Optional.empty());
    }

    /** @param assignee the Slack member the issue is assigned to, when known (see {@link TrackerPeople#slackUserOf}) */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<ActionItem> apply(Tracker tracker, String target, RemoteIssue issue, Optional<String> assignee) {
        Optional<TrackerIssues.Row> row = issues.lockByKey(tracker.id(), target, issue.ref().key());
        if (row.isEmpty() || row.get().pending()) {
            return Optional.empty();
        }
        String where = TrackerMessages.link(new IssueRef(issue.ref().key(), row.get().url() == null ? issue.ref().url() : row.get().url()))
                + " in " + tracker.name();
        return actions.changeFromTracker(row.get().teamId(), row.get().itemId(), item -> {
            if (issue.closed() && item.isOpen()) {
                return issue.notPlanned()
                        ? item.withStatus(ActionStatus.WONT_DO, "closed as not planned in " + tracker.name())
                        : item.withStatus(ActionStatus.DONE, null);
            }
            if (!issue.closed() && !item.isOpen()) {
                return item.withStatus(ActionStatus.OPEN, null);
            }
            ActionItem changed = item;
            if (item.isOpen() && issue.due() != null && !issue.due().equals(item.due())) {
                changed = changed.withDue(issue.due());
            }
            if (item.isOpen() && assignee.isPresent() && !assignee.get().equals(item.owner())) {
                changed = changed.withOwner(assignee.get());
            }
            return changed;
        }, (before, after) -> {
            if (before.status() == after.status()) {
                java.util.List<String> what = new java.util.ArrayList<>();
                if (!before.owner().equals(after.owner())) {
                    what.add("now <@" + after.owner() + ">'s (it was <@" + before.owner() + ">'s)");
                }
                if (!before.due().equals(after.due())) {
                    what.add("now due " + Dueness.day(after.due()) + " (was " + Dueness.day(before.due()) + ")");
                }
                return (before.owner().equals(after.owner()) ? "📅 " : "👤 ") + TrackerMessages.what(after) + " is "
                        + String.join(" and ", what) + ", changed in " + where + ".";
            }
            return switch (after.status()) {
                case DONE -> "✅ " + TrackerMessages.what(after) + " was closed as done in " + where + ".";
                case WONT_DO -> "🚫 " + TrackerMessages.what(after) + " was closed as not planned in " + where
                        + ", so it won't be done.";
                case OPEN -> "🔄 " + TrackerMessages.what(after) + " was reopened in " + where + ": <@" + after.owner()
                        + "> will be reminded again.";
            };
        });
    }

    /** Records a webhook delivery; false when it was handled before (the sender retried it). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean firstDelivery(String tracker, String deliveryId, Instant now) {
        return deliveries.record(tracker, deliveryId, now) == 1;
    }
}
