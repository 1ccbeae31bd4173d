package io.coebot.learning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A COE as the Home lists it.
 *
 * @param status  the review status's words ("Drafting", "In review"…) or "Published"
 * @param due     when it is due (for the person's own COEs), or null
 * @param mine    why it is in "My COEs": {@code "own"} or {@code "review"}; null in the workspace's lists
 */
record HomeCoe(long coeId, int number, String title, String channelId, String cardTs, String status, Instant activeAt,
               LocalDate due, String mine) {
}
