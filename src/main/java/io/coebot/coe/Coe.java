package io.coebot.coe;

import java.time.Instant;

/** A Correction of Error: one per incident channel while it is open. */
public record Coe(long id, String teamId, String channelId, int number, String title, String ownerUserId,
                  Status status, String cardTs, Instant createdAt) {
    public enum Status { OPEN, PUBLISHED }

    /** How people refer to it: "COE-12". */
    public String label() {
        return "COE-" + number;
    }
}
