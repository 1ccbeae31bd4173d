package io.coebot.whys;

import java.time.Instant;

/** A stored 5 Whys session of a COE: "5 Whys #2" with its state and, once posted, its root message's ts. */
public record WhysSession(long id, String teamId, long coeId, String channelId, int number, String rootTs,
                          WhysState state, String createdBy, Instant createdAt) {

    public String label() {
        return "5 Whys #" + number;
    }

    public String problem() {
        return state.tree().problem();
    }
}
