package io.coebot.review;

import java.util.List;

/**
 * What one event did to a review: refused (with the sentence the person reads, and nothing changed), or the new
 * state with what people must be told and the line for the audit.
 */
sealed interface ReviewStep {

    record Refused(String why) implements ReviewStep {}

    /**
     * @param audit what is recorded with the actor and the time ("approved"), or null when nothing happened (a
     *              retried form, an edit while nobody had approved)
     * @param reply what the person who did it reads
     */
    record Moved(ReviewState state, List<ReviewNews> news, String audit, String reply) implements ReviewStep {
        public Moved {
            news = List.copyOf(news);
        }
    }
}
