package io.coebot.coe;

import java.time.Instant;

/** A Correction of Error: one per incident channel while it is open. */
public record Coe(long id, String teamId, String channelId, int number, String title, String ownerUserId,
                  Status status, String cardTs, Instant createdAt) {
    public enum Status { OPEN, PUBLISHED }

    /**
     * The one answer to a command run where no COE was ever opened ({@code then}: what to do once one is, or null).
     * A published COE still counts: its commands keep working until the next `/coe start`.
     */
    public static String noneInChannel(String then) {
        return "There is no COE in this channel. Start one with `/coe start [title]`" + (then == null ? "." : ", " + then);
    }

    /** How people refer to it: "COE-12". */
    public String label() {
        return "COE-" + number;
    }
}
