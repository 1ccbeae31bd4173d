package io.coebot.actions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The day's DM to one owner: their open, non-snoozed items, most pressing first.
 *
 * @param key   claim this before sending (owner + the owner's local date)
 * @param zone  the owner's zone the plan used (UTC when Slack did not tell)
 * @param lines never empty
 */
public record ActionItemDigest(DigestKey key, ZoneId zone, List<DigestLine> lines) {

    public ActionItemDigest {
        lines = List.copyOf(lines);
    }

    public String owner() {
        return key.owner();
    }

    public LocalDate localDate() {
        return key.localDate();
    }
}
