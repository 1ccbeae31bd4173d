package io.coebot.actions;

import java.util.List;

/**
 * The weekly note to a COE owner listing the items of all their COEs that are long overdue, grouped by COE
 * (lines are ordered by COE number, then most overdue first).
 *
 * @param coeOwner Slack user id of the recipient
 * @param week     claim this before sending (the COE owner's local ISO week)
 * @param lines    never empty; each phrase is the one the item's owner sees ("overdue by 9 days")
 */
record OverdueReport(String coeOwner, WeekKey week, List<DigestLine> lines) {

    public OverdueReport {
        lines = List.copyOf(lines);
    }

    public List<ActionItem> items() {
        return lines.stream().map(DigestLine::item).toList();
    }
}
