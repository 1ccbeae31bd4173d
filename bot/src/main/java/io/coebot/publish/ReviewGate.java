package io.coebot.publish;

import io.coebot.coe.Coe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What publishing asks of the review feature. The review feature builds on publishing (the quality bar is its gate
 * into review), so publishing names what it needs here and the review feature provides it.
 */
public interface ReviewGate {

    /** Empty when the COE may be published now; otherwise why not, in a sentence for whoever tried. */
    Optional<String> holdsPublishing(Coe coe);

    /** The review's lines in `/coe status`: status, deadline, reviewers, open comments and change requests. */
    List<String> statusLines(Coe coe, Instant now);

    ReviewRecord record(Coe coe);

    /**
     * Inside the transaction that publishes: the review ends (and the reminders stop).
     *
     * @return whether the review channel's message about this COE now says it is published (then the publication
     *         posts no second announcement there)
     */
    boolean published(Coe coe, String by, boolean withoutReview, boolean channelIsPublic, Instant now);
}
