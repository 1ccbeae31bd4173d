package io.coebot.actions;

import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.Coes;
import io.coebot.slack.EchoedText;
import io.coebot.slack.TeamRef;
import io.coebot.whys.CauseRef;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates and changes action items: check the rules, store, and in the same transaction announce the change in
 * the COE's thread, tell a new owner by DM and refresh the card. Zones ("today" for whoever acts) are looked up
 * by the caller, outside the transaction, because asking Slack may take a while.
 */
@Singleton
public class ActionService {
    private final ActionStore store;
    private final Coes coes;
    private final CoeCard card;
    private final ActionMessages messages;
    private final Clock clock;
    private final List<ItemFollower> followers;

    public ActionService(ActionStore store, Coes coes, CoeCard card, ActionMessages messages,
                         Clock clock, List<ItemFollower> followers) {
        this.followers = followers;
        this.store = store;
        this.coes = coes;
        this.card = card;
        this.messages = messages;
        this.clock = clock;
    }

    /** An item as filled in (command or modal), before the rules have looked at it. */
    public record NewItem(String text, String owner, Priority priority, LocalDate due, ActionType type,
                          CauseRef causeRef, String causeText, String trackerUrl) {}

    /** The created item, or what is wrong, keyed by the field it is about (text, owner, due, tracker). */
    public record Creation(ActionItem item, Map<String, String> problems) {
        public boolean ok() {
            return item != null;
        }

        public String problemText() {
            return String.join(" ", problems.values());
        }
    }

    public static Map<String, String> problemsOf(NewItem n, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        ActionItemRules.textProblem(n.text()).ifPresent(p -> problems.put("text", p));
        if (n.owner() == null || n.owner().isBlank()) {
            problems.put("owner", "Pick the one person who owns this item.");
        }
        if (n.due() == null) {
            problems.put("due", "Pick a due date.");
        } else {
            ActionItemRules.dueProblem(n.due(), today).ifPresent(p -> problems.put("due", p));
        }
        if (n.trackerUrl() != null && !n.trackerUrl().isBlank()) {
            ActionItemRules.trackerUrlProblem(n.trackerUrl()).ifPresent(p -> problems.put("tracker", p));
        }
        return problems;
    }

    /** @param creatorToday the creator's local date: "a due date in the past" is judged where they are */
    @Transactional
    public Creation create(Coe coe, NewItem n, String creator, LocalDate creatorToday, LocalDate ownerToday) {
        Map<String, String> problems = problemsOf(n, creatorToday);
        if (!problems.isEmpty()) {
            return new Creation(null, problems);
        }
        Instant now = clock.instant();
        String tracker = n.trackerUrl() == null || n.trackerUrl().isBlank() ? null : n.trackerUrl().strip();
        boolean key = ActionItemRules.isIssueKey(tracker);
        long id = store.insert(coe.teamId(), coe.id(), n.text().strip(), n.owner(), n.priority(), n.due(), n.type(),
                n.causeRef(), n.causeText(), key ? null : tracker, creator, now);
        if (key) {
            store.linkIssue(id, tracker, null); // a key is not a link; the channel's tracker may know its link
        }
        ActionItem stored = store.find(id).orElseThrow();
        followers.forEach(f -> f.created(coe.teamId(), stored, creator, now));
        ActionItem item = followers.isEmpty() ? stored : store.find(id).orElseThrow();
        messages.announce(coe.teamId(), item, "📌 <@" + creator + "> added an action item for <@" + item.owner() + ">: "
                + ActionMessages.line(item, Dueness.Reader.CHANNEL), now);
        if (!item.owner().equals(creator)) {
            messages.assigned(coe.teamId(), item, creator, ownerToday, now);
        }
        card.refresh(coe, now);
        return new Creation(item, Map.of());
    }

    /** A change someone asks for: done, won't do, snooze, a new date or a new owner. */
    public sealed interface Change {
        record Done() implements Change {}
        record WontDo(String reason) implements Change {}
        record Snooze() implements Change {}
        record NewDue(LocalDate due) implements Change {}
        record Reassign(String newOwner) implements Change {}
    }

    /** The item after the change, or the polite refusal to show whoever asked. */
    public record Outcome(ActionItem item, String refusal) {}

    /**
     * @param actorToday the actor's local date (a new due date may not be in their past)
     * @param ownerToday the owner's local date (a snooze is a week of their calendar)
     */
    @Transactional
    public Outcome change(TeamRef itemRef, String actor, Change change, LocalDate actorToday, LocalDate ownerToday) {
        String teamId = itemRef.teamId();
        ActionItem before = store.lock(itemRef.id()).orElse(null);
        if (before == null || coes.find(new TeamRef(teamId, before.coeId())).isEmpty()) {
            // gone, or another workspace's item
            return new Outcome(null, "That action item no longer exists.");
        }
        ItemChange result;
        if (change instanceof Change.Done) {
            result = ActionItemRules.done(before, actor);
        } else if (change instanceof Change.WontDo w) {
            result = ActionItemRules.wontDo(before, actor, w.reason());
        } else if (change instanceof Change.Snooze) {
            result = ActionItemRules.snoozeOneWeek(before, actor, ownerToday);
        } else if (change instanceof Change.NewDue d) {
            result = ActionItemRules.changeDue(before, actor, d.due(), actorToday);
        } else {
            result = ActionItemRules.reassign(before, actor, ((Change.Reassign) change).newOwner());
        }
        if (!result.isOk()) {
            return new Outcome(before, result.refusal());
        }
        ActionItem after = result.item();
        if (after.equals(before)) {
            return new Outcome(after, null);
        }
        Instant now = clock.instant();
        store.update(after, now);
        followers.forEach(f -> f.changed(teamId, before, after, actor, now));
        messages.announce(teamId, after, announcement(before, after, actor), now);
        if (!Objects.equals(before.owner(), after.owner())) {
            messages.assigned(teamId, after, actor, ownerToday, now);
        }
        if (before.status() != after.status()) {
            coes.byId(after.coeId()).ifPresent(coe -> card.refresh(coe, now));
        }
        return new Outcome(after, null);
    }

    private static String announcement(ActionItem before, ActionItem after, String actor) {
        String who = "<@" + actor + ">";
        String what = "*" + EchoedText.mrkdwn(after.text()) + "*";
        if (after.status() == ActionStatus.DONE) {
            return "✅ " + who + " marked " + what + " done.";
        }
        if (after.status() == ActionStatus.WONT_DO) {
            return "🚫 " + who + " decided not to do " + what + ": " + EchoedText.mrkdwn(after.statusReason());
        }
        if (!Objects.equals(before.owner(), after.owner())) {
            return "👤 " + who + " gave " + what + " to <@" + after.owner() + "> (it was <@" + before.owner() + ">'s).";
        }
        if (!before.due().equals(after.due())) {
            return "📅 " + who + " moved " + what + " to " + Dueness.day(after.due()) + " (was "
                    + Dueness.day(before.due()) + ").";
        }
        return "💤 " + who + " snoozed the reminders for " + what + " until " + Dueness.day(after.snoozedUntil()) + ".";
    }

    /**
     * A change made in the team's tracker (the issue closed, reopened, reassigned, its due date moved), applied as it
     * is: the tracker is where it was decided. Announced in the COE's thread with {@code announcement} (given the item
     * before and after the change); nudges follow the item's status. Not told to the {@link ItemFollower}s, which is what keeps
     * an issue closed in GitHub from being "closed" there again.
     *
     * @return the item after the change; empty when it is gone or the change changes nothing (a webhook and the
     *         reconcile both reporting one close)
     */
    @Transactional
    public java.util.Optional<ActionItem> changeFromTracker(String teamId, long itemId, java.util.function.UnaryOperator<ActionItem> change,
                                                            java.util.function.BiFunction<ActionItem, ActionItem, String> announcement) {
        ActionItem before = store.lock(itemId).orElse(null);
        if (before == null) {
            return java.util.Optional.empty();
        }
        ActionItem after = change.apply(before);
        if (after.equals(before)) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        store.update(after, now);
        messages.announce(teamId, after, announcement.apply(before, after), now);
        if (before.status() != after.status()) {
            coes.byId(after.coeId()).ifPresent(coe -> card.refresh(coe, now));
        }
        return java.util.Optional.of(after);
    }
}
