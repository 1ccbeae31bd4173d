package io.coebot.learning;

import io.coebot.review.ReviewStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Home is drawn from, read in as few statements as the Home has parts. The lists and the fingerprint stay
 * hand-written: each is one read joining several features' tables (coe_search, coe, coe_review, action_item), which a
 * repository of one entity cannot say without a statement per table; who opened their Home is {@link HomeViewRepository}.
 */
@Transactional
@Singleton
class HomeStore {
    private static final String COLUMNS = "s.coe_id, s.number, s.title, s.channel_id, c.card_ts, s.status AS coe_status, "
            + "r.status AS review_status, s.active_at";
    private static final String FROM = " FROM coe_search s JOIN coe c ON c.id = s.coe_id LEFT JOIN coe_review r ON r.coe_id = s.coe_id ";

    private final JdbcOperations jdbc;
    private final HomeViewRepository views;

    HomeStore(JdbcOperations jdbc, HomeViewRepository views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    /** The workspace's COEs not yet published, most recently active first. */
    List<HomeCoe> open(String teamId, int offset, int limit) {
        return list("SELECT " + COLUMNS + FROM + "WHERE s.team_id = ? AND s.status <> 'PUBLISHED'"
                + " ORDER BY s.active_at DESC, s.coe_id DESC LIMIT ? OFFSET ?", teamId, offset, limit);
    }

    /** The workspace's published COEs, last published first. */
    List<HomeCoe> published(String teamId, int offset, int limit) {
        return list("SELECT " + COLUMNS + FROM + "LEFT JOIN coe_publication p ON p.coe_id = s.coe_id"
                + " WHERE s.team_id = ? AND s.status = 'PUBLISHED'"
                + " ORDER BY p.published_at DESC NULLS LAST, s.active_at DESC, s.coe_id DESC LIMIT ? OFFSET ?", teamId, offset, limit);
    }

    /** These COEs of the workspace, by id. */
    Map<Long, HomeCoe> byIds(String teamId, Collection<Long> ids) {
        Map<Long, HomeCoe> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.prepareStatement("SELECT " + COLUMNS + FROM + "WHERE s.team_id = ? AND s.coe_id = ANY (?)", ps -> {
            ps.setString(1, teamId);
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    HomeCoe c = read(rs);
                    out.put(c.coeId(), c);
                }
            }
            return null;
        });
        return out;
    }

    /** The person opened their Home: from now on the refresh job keeps it current. */
    void opened(String teamId, String userId, Instant now) {
        views.opened(teamId, userId, now);
    }

    /** Whether this person of this workspace opened their Home: only then has it a *More* to press. */
    boolean hasOpened(String teamId, String userId) {
        return views.existsById(new HomeViewRow.Key(teamId, userId));
    }

    record Viewer(String teamId, String userId, String fingerprint) {}

    /** People who opened their Home since {@code since}, with the digest of what it showed. */
    List<Viewer> viewersSince(Instant since) {
        return views.findByOpenedAtGreaterThanEqualsOrderByOpenedAtDesc(since).stream()
                .map(v -> new Viewer(v.id().teamId(), v.id().userId(), v.fingerprint())).toList();
    }

    void drawn(String teamId, String userId, String fingerprint) {
        views.update(new HomeViewRow.Key(teamId, userId), fingerprint);
    }

    /**
     * A digest of everything a person's Home is drawn from: their open items, their COEs and reviews, and the
     * workspace's lists. Equal digests, equal Homes (but for the day, which the caller adds): nothing to redraw.
     */
    String fingerprint(String teamId, String userId) {
        return jdbc.prepareStatement("""
                SELECT md5(concat_ws('|',
                  (SELECT string_agg(concat_ws(':', id, status, due, snoozed_until, updated_at), ',' ORDER BY id)
                   FROM action_item WHERE team_id = ? AND owner_user_id = ? AND status = 'open'),
                  (SELECT string_agg(concat_ws(':', r.coe_id, r.verdict, r.stale), ',' ORDER BY r.coe_id)
                   FROM coe_reviewer r WHERE r.team_id = ? AND r.user_id = ?),
                  (SELECT concat_ws(':', count(*), max(active_at)) FROM coe_search WHERE team_id = ?),
                  (SELECT string_agg(concat_ws(':', s.coe_id, s.status), ',' ORDER BY s.coe_id) FROM coe_search s
                   WHERE s.team_id = ? AND s.status <> 'PUBLISHED'),
                  (SELECT max(updated_at) FROM coe_review WHERE team_id = ?)))""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            ps.setString(3, teamId);
            ps.setString(4, userId);
            ps.setString(5, teamId);
            ps.setString(6, teamId);
            ps.setString(7, teamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private List<HomeCoe> list(String sql, String teamId, int offset, int limit) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, teamId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            List<HomeCoe> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    private static HomeCoe read(ResultSet rs) throws SQLException {
        String review = rs.getString("review_status");
        String status = "PUBLISHED".equals(rs.getString("coe_status")) ? "Published"
                : review == null ? ReviewStatus.DRAFTING.label() : ReviewStatus.valueOf(review).label();
        return new HomeCoe(rs.getLong("coe_id"), rs.getInt("number"), rs.getString("title"), rs.getString("channel_id"),
                rs.getString("card_ts"), status, rs.getTimestamp("active_at").toInstant(), null, null);
    }
}
