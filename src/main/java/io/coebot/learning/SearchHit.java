package io.coebot.learning;

import java.time.Instant;

/** One COE a search found, with the passage that matched (words marked by {@link SearchSql#START}/{@link SearchSql#STOP}). */
record SearchHit(long coeId, String channelId, int number, String title, String status, String severity, String services,
                 String ownerUserId, Instant openedAt, String cardTs, double rank, String snippet) {
    boolean published() {
        return "PUBLISHED".equals(status);
    }
}
