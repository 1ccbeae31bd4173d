package io.coebot.actions;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes an action item acceptable and who may change it.
 *
 * <p>"Today" is always passed in, and is the local date of the person acting: a due date of "today" typed in
 * Tokyo on Friday morning is not in the past just because it is still Thursday in UTC.
 *
 * <p>Changing an item (done, won't do, reassign, change date, snooze) is for its owner and the COE owner only:
 * the owner knows the work, the COE owner answers for the COE; anybody else would be deciding for them.
 */
final class ActionItemRules {

    /** The internal SLA of a COE action item: about two weeks. */
    public static final int DEFAULT_DUE_DAYS = 14;

    private ActionItemRules() {
    }

    public static LocalDate defaultDue(LocalDate today) {
        return today.plusDays(DEFAULT_DUE_DAYS);
    }

    /** Today is fine (a quick fix is still an action item); yesterday is not a plan. */
    public static Optional<String> dueProblem(LocalDate due, LocalDate today) {
        if (due == null) {
            return Optional.of("Give a due date (YYYY-MM-DD).");
        }
        if (due.isBefore(today)) {
            return Optional.of("The due date " + due + " is in the past. Pick today or a later day.");
        }
        return Optional.empty();
    }

    public static Optional<String> textProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Write what needs doing.");
        }
        return Optional.empty();
    }

    /** An issue's key as people type it: GitHub's "#12", Jira's and Linear's "OPS-42". */
    private static final java.util.regex.Pattern ISSUE_KEY = java.util.regex.Pattern.compile("#\\d+|[A-Z][A-Z0-9_]*-\\d+");

    /** Whether the tracker field holds an issue key rather than a link (the channel's tracker resolves it). */
    public static boolean isIssueKey(String text) {
        return text != null && ISSUE_KEY.matcher(text.strip()).matches();
    }

    /**
     * A tracker link is optional, but when given it must be a web address (or an issue's key, which the channel's
     * tracker turns into its link): it is rendered as a link in Slack, and other schemes (javascript:, file:, slack:)
     * would either not open or should not be clicked.
     */
    public static Optional<String> trackerUrlProblem(String url) {
        if (url == null || url.isBlank() || isIssueKey(url)) {
            return Optional.empty();
        }
        String refusal = "The tracker link must be a web address starting with http:// or https://, e.g. "
                + "https://tracker.example.com/TICKET-123, or an issue key such as OPS-123 or #12.";
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of(refusal);
            }
        } catch (URISyntaxException e) {
            return Optional.of(refusal);
        }
        return Optional.empty();
    }

    /** Dropping an action item is allowed, silently dropping it is not: the next reader needs the why. */
    public static Optional<String> wontDoProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why this item won't be done, so the next reader of the COE knows.");
        }
        return Optional.empty();
    }

    /** Every problem with a new item at once, in the order of the form's fields, so they can be fixed in one go. */
    public static List<String> problemsWithNew(String text, LocalDate due, String trackerUrl, LocalDate today) {
        List<String> problems = new ArrayList<>();
        textProblem(text).ifPresent(problems::add);
        dueProblem(due, today).ifPresent(problems::add);
        trackerUrlProblem(trackerUrl).ifPresent(problems::add);
        return problems;
    }

    public static boolean mayChange(String actor, ActionItem item) {
        return actor != null && (actor.equals(item.owner()) || actor.equals(item.coeOwner()));
    }

    /** Names both people who can act, so the refused person knows whom to ask. */
    public static String refusal(ActionItem item) {
        if (item.owner().equals(item.coeOwner())) {
            return "Only <@" + item.owner() + "> (the item's owner and the COE owner) can change this item.";
        }
        return "Only <@" + item.owner() + "> (the item's owner) or <@" + item.coeOwner()
                + "> (the COE owner) can change this item.";
    }

    public static ItemChange done(ActionItem item, String actor) {
        if (!mayChange(actor, item)) {
            return ItemChange.refused(refusal(item));
        }
        if (item.status() == ActionStatus.DONE) {
            return ItemChange.ok(item); // a second click on Done in an old digest
        }
        if (item.status() != ActionStatus.OPEN) {
            return ItemChange.refused(closed(item));
        }
        return ItemChange.ok(item.withStatus(ActionStatus.DONE, null));
    }

    public static ItemChange wontDo(ActionItem item, String actor, String reason) {
        if (!mayChange(actor, item)) {
            return ItemChange.refused(refusal(item));
        }
        if (item.status() != ActionStatus.OPEN) {
            return ItemChange.refused(closed(item));
        }
        Optional<String> problem = wontDoProblem(reason);
        if (problem.isPresent()) {
            return ItemChange.refused(problem.get());
        }
        return ItemChange.ok(item.withStatus(ActionStatus.WONT_DO, reason.strip()));
    }

    /**
     * A new owner starts without the old owner's snooze: it was their way of planning their weeks, and the new
     * owner should hear about the item in their next digest.
     */
    public static ItemChange reassign(ActionItem item, String actor, String newOwner) {
        if (!mayChange(actor, item)) {
            return ItemChange.refused(refusal(item));
        }
        if (item.status() != ActionStatus.OPEN) {
            return ItemChange.refused(closed(item));
        }
        if (newOwner == null || newOwner.isBlank()) {
            return ItemChange.refused("Pick the person who will own this item.");
        }
        if (newOwner.equals(item.owner())) {
            return ItemChange.ok(item);
        }
        return ItemChange.ok(item.withOwner(newOwner).withSnoozedUntil(null));
    }

    /** {@code actorToday} is the acting person's local date (see the class comment). */
    public static ItemChange changeDue(ActionItem item, String actor, LocalDate newDue, LocalDate actorToday) {
        if (!mayChange(actor, item)) {
            return ItemChange.refused(refusal(item));
        }
        if (item.status() != ActionStatus.OPEN) {
            return ItemChange.refused(closed(item));
        }
        Optional<String> problem = dueProblem(newDue, actorToday);
        if (problem.isPresent()) {
            return ItemChange.refused(problem.get());
        }
        return ItemChange.ok(item.withDue(newDue));
    }

    /** The digest's "Snooze 1 week": hidden until the same weekday next week, in the owner's calendar. */
    public static ItemChange snoozeOneWeek(ActionItem item, String actor, LocalDate ownerToday) {
        if (!mayChange(actor, item)) {
            return ItemChange.refused(refusal(item));
        }
        if (item.status() != ActionStatus.OPEN) {
            return ItemChange.refused(closed(item));
        }
        return ItemChange.ok(item.withSnoozedUntil(ownerToday.plusWeeks(1)));
    }

    private static String closed(ActionItem item) {
        return item.status() == ActionStatus.DONE
                ? "This item is already done."
                : "This item was closed as won't do (" + item.statusReason() + ").";
    }
}
