package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionItems;
import io.coebot.actions.ItemFollower;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Records, in the transaction that created or changed an item in Slack, what its tracker must be told: a new issue
 * (the item then reads "not yet in GitHub"), the link to an issue someone pasted, or one more push of its state.
 */
@Singleton
class TrackerFollower implements ItemFollower {
    /** Published with the recorded work; the worker starts after commit. */
    record Queued(long itemId) {}

    private final TrackerChoice choice;
    private final TrackerIssues issues;
    private final ActionItems items;
    private final ApplicationEventPublisher<Queued> events;

    TrackerFollower(TrackerChoice choice, TrackerIssues issues, ActionItems items, ApplicationEventPublisher<Queued> events) {
        this.choice = choice;
        this.issues = issues;
        this.items = items;
        this.events = events;
    }

    @Override
    public void created(String teamId, ActionItem item, String creator, Instant now) {
        Optional<TrackerChoice.Destination> to = choice.forChannel(teamId, item.channelId());
        if (to.isEmpty()) {
            return;
        }
        Tracker tracker = to.get().tracker();
        String target = to.get().target();
        if (item.trackerUrl() != null) {
            // A pasted link is the item's issue: linked, never created. A link elsewhere stays a plain link.
            tracker.parseLink(item.trackerUrl(), target).ifPresent(ref -> {
                issues.addLinked(teamId, item.id(), tracker.id(), target, ref.key(), ref.url(), creator, now);
                items.linkIssue(item.id(), ref.key(), ref.url());
                events.publishEvent(new Queued(item.id()));
            });
            return;
        }
        if (item.trackerKey() != null) {
            // A typed key: the channel's tracker's issue if it can be (its link comes with the first push).
            tracker.parseKey(item.trackerKey(), target).ifPresent(key -> {
                issues.addLinked(teamId, item.id(), tracker.id(), target, key, null, creator, now);
                events.publishEvent(new Queued(item.id()));
            });
            return;
        }
        issues.add(teamId, item.id(), tracker.id(), target, creator, now);
        items.markNotYetIn(item.id(), tracker.name());
        events.publishEvent(new Queued(item.id()));
    }

    @Override
    public void changed(String teamId, ActionItem before, ActionItem after, String actor, Instant now) {
        if (before.withSnoozedUntil(after.snoozedUntil()).equals(after)) {
            return; // a snooze is the owner's reminders, not the issue's
        }
        if (issues.bump(after.id(), now)) {
            events.publishEvent(new Queued(after.id()));
        }
    }
}
