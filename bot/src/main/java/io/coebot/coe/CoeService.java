package io.coebot.coe;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Opening a COE: one per channel, numbered per workspace, owned by whoever opened it. */
@Singleton
public class CoeService {
    public record Started(Coe coe, boolean created, CardState card) {}

    public enum CardState { POSTED, ON_ITS_WAY, POSTING_AGAIN }

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
        var existing = store.openWithCardState(teamId, channelId);
        if (existing.isPresent()) {
            Coe coe = existing.get().coe();
            if (coe.cardTs() != null) {
                return new Started(coe, false, CardState.POSTED);
            }
            if (existing.get().cardPostQueued()) {
                return new Started(coe, false, CardState.ON_ITS_WAY);
            }
            // The card never made it (Slack refused it for good): try again.
            card.post(coe, responseUrl, now);
            return new Started(coe, false, CardState.POSTING_AGAIN);
        }
        String clean = title == null || title.isBlank() ? "Untitled incident" : title.strip();
        if (clean.length() > TITLE_MAX) {
            clean = clean.substring(0, TITLE_MAX - 1) + "…";
        }
        Coe coe = store.create(teamId, channelId, clean, userId, now);
        card.post(coe, responseUrl, now);
        return new Started(coe, true, CardState.ON_ITS_WAY);
    }

    /** Published: the channel may open its next COE, and this one keeps its messages for a later re-publish. */
    @Transactional
    public void markPublished(long coeId) {
        store.markPublished(coeId);
    }
}
