package io.coebot.actions;

import io.coebot.whys.CauseRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One corrective action of a COE, tracked until it is done or deliberately dropped.
 *
 * <p>The COE's number, title, owner and channel travel with the item so that a digest or a report can be
 * planned and rendered from items alone, without loading each COE.
 *
 * <p>Dates ({@code due}, {@code snoozedUntil}) are calendar days in the item owner's own calendar: the owner
 * committed to "the 4th" where they live, so "overdue" and "snoozed" are judged on their local date.
 *
 * @param id            database id
 * @param coeId         database id of the COE
 * @param coeNumber     the COE's number as people see it (COE-7)
 * @param coeTitle      the COE's title
 * @param coeOwner      Slack user id of the COE owner, who may also change the item and hears about overdue items
 * @param channelId     the COE's channel, for the link back
 * @param text          what needs doing
 * @param owner         Slack user id of the one person who owns the item
 * @param priority      high, medium or low
 * @param due           the day it should be done by
 * @param type          detection, diagnosis, mitigation or prevention; null when not given
 * @param status        open, done or won't do
 * @param statusReason  why it won't be done (required for won't do), otherwise null
 * @param snoozedUntil  null, or the first day (owner's local date) the item shows again in nudges
 * @param causeRef      the 5 Whys remediation this item was made from, or null
 * @param causeText     that cause as text, for display without loading the 5 Whys, or null
 * @param trackerUrl    http(s) link to the ticket in the team's tracker, or null
 * @param trackerKey    the key in the team's tracker (#12, OPS-42, ENG-7) once it is linked there, or null
 *                      (a link typed by hand has no key)
 * @param notYetIn      the tracker this item is on its way to ("GitHub") while its issue does not exist yet, or null
 * @param createdAt     when the item was recorded
 */
public record ActionItem(
        long id,
        long coeId,
        int coeNumber,
        String coeTitle,
        String coeOwner,
        String channelId,
        String text,
        String owner,
        Priority priority,
        LocalDate due,
        ActionType type,
        ActionStatus status,
        String statusReason,
        LocalDate snoozedUntil,
        CauseRef causeRef,
        String causeText,
        String trackerUrl,
        String trackerKey,
        String notYetIn,
        Instant createdAt) {

    public ActionItem {
        // Only what the planner and the permission check cannot do without; rows already stored are not
        // re-validated here (a due date in the past is normal for an old item): see ActionItemRules.
        Objects.requireNonNull(coeOwner, "coeOwner");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(status, "status");
    }

    public boolean isOpen() {
        return status == ActionStatus.OPEN;
    }

    /** Hidden from nudges while the owner's local date is before the snooze end; shown again on that day. */
    public boolean isSnoozedOn(LocalDate ownerToday) {
        return snoozedUntil != null && ownerToday.isBefore(snoozedUntil);
    }

    /** How people read the tracker link: the key when there is one. */
    public String trackerLabel() {
        return trackerKey != null ? trackerKey : "Tracker";
    }

    public ActionItem withStatus(ActionStatus newStatus, String reason) {
        return new ActionItem(id, coeId, coeNumber, coeTitle, coeOwner, channelId, text, owner, priority, due, type,
                newStatus, reason, snoozedUntil, causeRef, causeText, trackerUrl, trackerKey, notYetIn, createdAt);
    }

    public ActionItem withOwner(String newOwner) {
        return new ActionItem(id, coeId, coeNumber, coeTitle, coeOwner, channelId, text, newOwner, priority, due, type,
                status, statusReason, snoozedUntil, causeRef, causeText, trackerUrl, trackerKey, notYetIn, createdAt);
    }

    public ActionItem withDue(LocalDate newDue) {
        return new ActionItem(id, coeId, coeNumber, coeTitle, coeOwner, channelId, text, owner, priority, newDue, type,
                status, statusReason, snoozedUntil, causeRef, causeText, trackerUrl, trackerKey, notYetIn, createdAt);
    }

    public ActionItem withSnoozedUntil(LocalDate until) {
        return new ActionItem(id, coeId, coeNumber, coeTitle, coeOwner, channelId, text, owner, priority, due, type,
                status, statusReason, until, causeRef, causeText, trackerUrl, trackerKey, notYetIn, createdAt);
    }
}
