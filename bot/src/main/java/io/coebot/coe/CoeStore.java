package io.coebot.coe;

import io.coebot.slack.CardAnchors;
import io.coebot.store.ThreadRoutes;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Opens COEs and records their cards; other features read COEs through {@link Coes}. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class CoeStore implements CardAnchors {
    /** Owner kind in thread_route for the interview that runs in a COE card's thread. */
    static final io.coebot.store.OwnerKind CARD_THREAD = io.coebot.store.OwnerKind.COE_CARD;

    private final CoeRepository rows;
    private final JdbcOperations jdbc;
    private final ThreadRoutes routes;
    private final ApplicationEventPublisher<CardPosted> cardPosted;

    CoeStore(CoeRepository rows, JdbcOperations jdbc, ThreadRoutes routes, ApplicationEventPublisher<CardPosted> cardPosted) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.routes = routes;
        this.cardPosted = cardPosted;
    }

    /** Serialises everything that decides whether a channel has an open COE. */
    void lockChannel(String teamId, String channelId) {
        advisoryLock("coe:" + teamId + ":" + channelId);
    }

    /**
     * Serialises the card's renders of one COE until this transaction ends. A card is drawn inside the transaction
     * that changed it and the newest queued edit wins; without this, a slow render that read the COE before another
     * transaction committed could be queued after it and show the card without that change (an item just added).
     * Taken as late as possible (when the card is refreshed), and nothing waits for another lock after it.
     */
    void lockCard(long coeId) {
        advisoryLock("coe-card:" + coeId);
    }

    /** Hand-written: an advisory lock is a function call with no row to map, which a repository method cannot say. */
    private void advisoryLock(String key) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", ps -> {
            ps.setString(1, key);
            ps.execute();
            return null;
        });
    }

    /** An open COE and whether its card's first post is still queued or on its way to Slack. */
    record OpenCoe(Coe coe, boolean cardPostQueued) {}

    /**
     * One statement, so one snapshot: the outbox marks the card's post sent and stores its ts in one transaction,
     * and two separate reads could fall on either side of that commit and see neither (the card then posted twice).
     */
    Optional<OpenCoe> openWithCardState(String teamId, String channelId) {
        return rows.findOpenWithCardState(teamId, channelId).map(r -> new OpenCoe(r.coe(), r.cardQueued()));
    }

    Coe create(String teamId, String channelId, String title, String ownerUserId, Instant now) {
        return rows.insert(CoeRow.opened(teamId, channelId, nextNumber(teamId), title, ownerUserId, now)).coe();
    }

    /** Hand-written: an upsert that returns the new number (ON CONFLICT … RETURNING), which Micronaut Data cannot say. */
    private int nextNumber(String teamId) {
        return jdbc.prepareStatement("""
                INSERT INTO coe_counter (team_id, last_number) VALUES (?, 1)
                ON CONFLICT (team_id) DO UPDATE SET last_number = coe_counter.last_number + 1
                RETURNING last_number""", ps -> {
            ps.setString(1, teamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Published: the channel may open its next COE, and this one keeps its messages for a later re-publish. */
    void markPublished(long coeId) {
        rows.update(coeId, Coe.Status.PUBLISHED);
    }

    @Override
    public Optional<String> cardTs(long coeId) {
        return rows.findById(coeId).map(CoeRow::cardTs);
    }

    /** The card exists: its thread now belongs to the COE's interview. */
    @Override
    public void cardPosted(long coeId, String channelId, String ts) {
        Coe coe = rows.findById(coeId).orElseThrow().coe();
        boolean first = coe.cardTs() == null;
        rows.update(coeId, ts);
        routes.claim(coe.teamId(), channelId, ts, CARD_THREAD, coeId);
        if (first) {
            cardPosted.publishEvent(new CardPosted(rows.findById(coeId).orElseThrow().coe()));
        }
    }
}
