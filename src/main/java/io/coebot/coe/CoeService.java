package io.coebot.coe;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Opening a COE: one per channel, numbered per workspace, owned by whoever opened it. */
@Singleton
public class CoeService {
    public record Started(Coe coe, boolean created, boolean cardReposted) {}

    private static final int TITLE_MAX = 200;

    private final CoeStore store;
    private final CoeCard card;

    public CoeService(CoeStore store, CoeCard card) {
        this.store = store;
        this.card = card;
    }

    @Transactional
    public Started start(String teamId, String channelId, String userId, String title, String responseUrl, Instant now) {
        store.lockChannel(teamId, channelId);
        var existing = store.openIn(teamId, channelId);
        if (existing.isPresent()) {
            Coe coe = existing.get();
            if (coe.cardTs() == null) {
                // The card never made it (the bot was not in the channel yet): try again.
                card.post(coe, responseUrl, now);
                return new Started(coe, false, true);
            }
            return new Started(coe, false, false);
        }
        String clean = title == null || title.isBlank() ? "Untitled incident" : title.strip();
        if (clean.length() > TITLE_MAX) {
            clean = clean.substring(0, TITLE_MAX - 1) + "…";
        }
        Coe coe = store.create(teamId, channelId, clean, userId, now);
        card.post(coe, responseUrl, now);
        return new Started(coe, true, false);
    }
}
