package io.coebot.learning;

import java.time.Instant;

/** One COE a search found, with the passage that matched (words marked by {@link SearchSql#START}/{@link SearchSql#STOP}). */
record SearchHit(long coeId, String channelId, int number, String title, String status, String severity, String services,
                 String ownerUserId, Instant openedAt, String cardTs, double rank, String snippet) {
    SearchHit withSnippet(String passage) {
        return new SearchHit(coeId, channelId, number, title, status, severity, services, ownerUserId, openedAt, cardTs, rank,
                passage);
    }

    boolean published() {
        return "PUBLISHED".equals(status);
    }
}
