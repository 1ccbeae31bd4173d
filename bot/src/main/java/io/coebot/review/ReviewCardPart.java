package io.coebot.review;

import io.coebot.actions.Dueness;
import io.coebot.coe.CardPart;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCardContributor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The review's line at the top of the card: the COE's status, its due date (or that it is overdue), and the
 * *Request review* button while it can still be asked for. Once it leaves Drafting the status is the card's status.
 */
@Singleton
class ReviewCardPart implements CoeCardContributor {
    private final ReviewStore store;
    private final Deadlines deadlines;
    private final Clock clock;

    ReviewCardPart(ReviewStore store, Deadlines deadlines, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public CardPart part(Coe coe) {
        if (coe.status() == Coe.Status.PUBLISHED) {
            return new CardPart(5, null, List.of(), List.of());
        }
        ReviewStore.Row row = store.row(coe.id()).orElse(ReviewStore.Row.none(coe.id()));
        LocalDate due = deadlines.dueOn(coe, row);
        LocalDate today = clock.instant().atZone(deadlines.ownerZone(coe)).toLocalDate();
        // the card is read by a whole channel, in many zones: a date, not a count, except to say it is late
        String when = due.isBefore(today) ? "⚠️ *Overdue*: was " + Dueness.words(due, Dueness.Reader.CHANNEL)
                : Dueness.words(due, Dueness.Reader.CHANNEL);
        String line = "*" + row.status().label() + "* · " + when;
        boolean canAsk = row.status() == ReviewStatus.DRAFTING || row.status() == ReviewStatus.IN_REVIEW;
        return new CardPart(5, row.status() == ReviewStatus.DRAFTING ? null : row.status().label(), List.of(line),
                canAsk ? List.of(new CardPart.Button(ReviewMessages.REQUEST_REVIEW, "Request review…", String.valueOf(coe.id())))
                        : List.of());
    }
}
