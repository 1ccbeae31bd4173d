package io.coebot.actions;

import java.util.Comparator;

/** An item as it is listed in a nudge, with how far it is from its due date for the person it is about. */
record DigestLine(ActionItem item, Dueness dueness) {

    /**
     * Most pressing first. Sorting by due date alone already puts overdue items first, most overdue first (their
     * due dates are the earliest), then the rest by due date; priority breaks ties, then the id keeps it stable.
     */
    public static final Comparator<DigestLine> MOST_PRESSING_FIRST = Comparator
            .comparing((DigestLine l) -> l.item().due())
            .thenComparing(l -> l.item().priority())
            .thenComparingLong(l -> l.item().id());

    /** "overdue by 3 days", "due tomorrow", … */
    public String phrase() {
        return dueness.phrase();
    }
}
