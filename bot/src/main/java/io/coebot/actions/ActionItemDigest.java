package io.coebot.actions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The day's DM to one person: their open, non-snoozed items, most pressing first, and the COEs they should finish or
 * review (one DM a day, whatever it lists).
 *
 * @param key   claim this before sending (owner + the owner's local date)
 * @param zone  the owner's zone the plan used (UTC when Slack did not tell)
 * @param lines the action items; with {@code coes}, never both empty
 * @param coes  the COEs to finish (soonest due first), then to review (longest waiting first)
 */
record ActionItemDigest(DigestKey key, ZoneId zone, List<DigestLine> lines, List<CoeReminder> coes) {

    public ActionItemDigest {
        lines = List.copyOf(lines);
        coes = coes == null ? List.of() : List.copyOf(coes);
    }

    public ActionItemDigest(DigestKey key, ZoneId zone, List<DigestLine> lines) {
        this(key, zone, lines, List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty() && coes.isEmpty();
    }

    public String owner() {
        return key.owner();
    }

    public LocalDate localDate() {
        return key.localDate();
    }
}
