package io.coebot.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A COE someone should act on, listed in their daily digest beside their action items: its owner, to finish and
 * publish it by its due date; a reviewer, to review it. Supplied by the review feature through {@link CoeReminders}.
 *
 * @param due          the COE's due date (on its owner's calendar)
 * @param waitingSince for a review: when this person was asked; null for FINISH
 */
public record CoeReminder(String person, Kind kind, long coeId, int number, String title, String channelId,
                          LocalDate due, Instant waitingSince) {

    public enum Kind { FINISH, REVIEW }

    /** COEs to finish first, soonest due first; then reviews, the longest waiting first. */
    public static final Comparator<CoeReminder> IN_DIGEST_ORDER = Comparator
            .comparing(CoeReminder::kind)
            .thenComparing(r -> r.kind() == Kind.FINISH ? r.due().toString() : r.waitingSince().toString())
            .thenComparingLong(CoeReminder::coeId);

    public String label() {
        return "COE-" + number;
    }
}
