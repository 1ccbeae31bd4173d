package io.coebot.actions;

import java.time.LocalDate;

/**
 * A new action item as typed, before it belongs to a COE.
 *
 * @param text     what needs doing, as typed (mentions inside the sentence are kept as Slack wrote them)
 * @param owner    Slack user id of the owner, or null when none was named (the person who typed it, see
 *                 {@link #ownerOr(String)})
 * @param priority the priority given, or medium
 * @param due      the due date given, or {@value ActionItemRules#DEFAULT_DUE_DAYS} days after today
 */
record ActionItemDraft(String text, String owner, Priority priority, LocalDate due) {

    /** The named owner, or whoever wrote the item: an item always has exactly one owner. */
    public String ownerOr(String author) {
        return owner != null ? owner : author;
    }
}
