package io.coebot.coe;

import io.coebot.slack.CardAnchors;
import io.coebot.slack.TeamRef;
import io.coebot.store.ThreadRoutes;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class CoeStore implements CardAnchors {
    /** Owner kind in thread_route for the interview that runs in a COE card's thread. */
    public static final io.coebot.store.OwnerKind CARD_THREAD = io.coebot.store.OwnerKind.COE_CARD;

    private final JdbcOperations jdbc;
    private final ThreadRoutes routes;
    private final ApplicationEventPublisher<CardPosted> cardPosted;

    public CoeStore(JdbcOperations jdbc, ThreadRoutes routes, ApplicationEventPublisher<CardPosted> cardPosted) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.cardPosted = cardPosted;
    }

    /** Serialises everything that decides whether a channel has an open COE. */
    void lockChannel(String teamId, String channelId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", ps -> {
            ps.setString(1, "coe:" + teamId + ":" + channelId);
            ps.execute();
            return null;
        });
    }

    /**
     * Serialises the card's renders of one COE until this transaction ends. A card is drawn inside the transaction
     * that changed it and the newest queued edit wins; without this, a slow render that read the COE before another
     * transaction committed could be queued after it and show the card without that change (an item just added).
     * Taken as late as possible (when the card is refreshed), and nothing waits for another lock after it.
     */
    void lockCard(long coeId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))", ps -> {
            ps.setString(1, "coe-card:" + coeId);
            ps.execute();
            return null;
        });
    }

    public Optional<Coe> openIn(String teamId, String channelId) {
        return one("SELECT * FROM coe WHERE team_id = ? AND channel_id = ? AND status <> 'PUBLISHED'", teamId, channelId);
    }

    /** An open COE and whether its card's first post is still queued or on its way to Slack. */
    record OpenCoe(Coe coe, boolean cardPostQueued) {}

    /**
     * One statement, so one snapshot: the outbox marks the card's post sent and stores its ts in one transaction,
     * and two separate reads could fall on either side of that commit and see neither (the card then posted twice).
     */
    Optional<OpenCoe> openWithCardState(String teamId, String channelId) {
        return jdbc.prepareStatement("""
                SELECT c.*, EXISTS (SELECT 1 FROM outbox o WHERE o.card_of_coe = c.id AND o.kind = 'POST'
                                    AND o.status IN ('PENDING', 'SENDING')) AS card_queued
                FROM coe c WHERE c.team_id = ? AND c.channel_id = ? AND c.status <> 'PUBLISHED'""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new OpenCoe(read(rs), rs.getBoolean("card_queued"))) : Optional.empty();
            }
        });
    }

    /** The channel's COE still open, or else the one published last: publishing again edits what was posted. */
    public Optional<Coe> latestIn(String teamId, String channelId) {
        return one("SELECT * FROM coe WHERE team_id = ? AND channel_id = ? ORDER BY (status <> 'PUBLISHED') DESC, id DESC LIMIT 1",
                teamId, channelId);
    }

    /** Published: the channel may open its next COE, and this one keeps its messages for a later re-publish. */
    public void markPublished(long coeId) {
        jdbc.prepareStatement("UPDATE coe SET status = 'PUBLISHED' WHERE id = ?", ps -> {
            ps.setLong(1, coeId);
            return ps.executeUpdate();
        });
    }

    /**
     * The COE a button or form names, found only when it belongs to the workspace that sent it: a payload from another
     * workspace carrying this one's ids finds nothing, as if the COE did not exist.
     */
    public Optional<Coe> find(TeamRef ref) {
        return jdbc.prepareStatement("SELECT * FROM coe WHERE id = ? AND team_id = ?", ps -> {
            ps.setLong(1, ref.id());
            ps.setString(2, ref.teamId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** The workspace's COEs not yet published, oldest first: what reminders are about. */
    public java.util.List<Coe> unpublished(String teamId) {
        return jdbc.prepareStatement("SELECT * FROM coe WHERE team_id = ? AND status <> 'PUBLISHED' ORDER BY id", ps -> {
            ps.setString(1, teamId);
            java.util.List<Coe> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    /** The workspaces that have a COE not yet published. */
    public java.util.Set<String> teamsWithUnpublished() {
        return jdbc.prepareStatement("SELECT DISTINCT team_id FROM coe WHERE status <> 'PUBLISHED'", ps -> {
            java.util.Set<String> out = new java.util.TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public Optional<Coe> byId(long id) {
        return jdbc.prepareStatement("SELECT * FROM coe WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    Coe create(String teamId, String channelId, String title, String ownerUserId, Instant now) {
        int number = jdbc.prepareStatement("""
                INSERT INTO coe_counter (team_id, last_number) VALUES (?, 1)
                ON CONFLICT (team_id) DO UPDATE SET last_number = coe_counter.last_number + 1
                RETURNING last_number""", ps -> {
            ps.setString(1, teamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        return jdbc.prepareStatement("""
                INSERT INTO coe (team_id, channel_id, number, title, owner_user_id, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?) RETURNING *""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, channelId);
            ps.setInt(3, number);
            ps.setString(4, title);
            ps.setString(5, ownerUserId);
            ps.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        });
    }

    @Override
    public Optional<String> cardTs(long coeId) {
        return byId(coeId).map(Coe::cardTs);
    }

    /** The card exists: its thread now belongs to the COE's interview. */
    @Override
    public void cardPosted(long coeId, String channelId, String ts) {
        Coe coe = byId(coeId).orElseThrow();
        boolean first = coe.cardTs() == null;
        jdbc.prepareStatement("UPDATE coe SET card_ts = ? WHERE id = ?", ps -> {
            ps.setString(1, ts);
            ps.setLong(2, coeId);
            return ps.executeUpdate();
        });
        routes.claim(coe.teamId(), channelId, ts, CARD_THREAD, coeId);
        if (first) {
            cardPosted.publishEvent(new CardPosted(byId(coeId).orElseThrow()));
        }
    }

    private Optional<Coe> one(String sql, String a, String b) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, a);
            ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private static Coe read(ResultSet rs) throws SQLException {
        return new Coe(rs.getLong("id"), rs.getString("team_id"), rs.getString("channel_id"), rs.getInt("number"),
                rs.getString("title"), rs.getString("owner_user_id"), Coe.Status.valueOf(rs.getString("status")),
                rs.getString("card_ts"), rs.getTimestamp("created_at").toInstant());
    }
}
