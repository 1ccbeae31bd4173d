package io.coebot.publish;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where a COE was published: its parts (to edit them on a second publish) and who published it, and why anyway. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class PublishStore {
    /** Owner kind in thread_route of a published part's message: its ts is found there when it is edited. */
    public static final io.coebot.store.OwnerKind PART = io.coebot.store.OwnerKind.PUBLISHED;

    /** The publish target {@code published_figure} rows of Slack are kept under (issue 19 adds its own). */
    static final String SLACK = "slack";

    private final JdbcOperations jdbc;

    public PublishStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The parts published before, by key, in the order they were posted. */
    Map<String, Long> parts(long coeId) {
        return jdbc.prepareStatement("SELECT part_key, id FROM published_part WHERE coe_id = ? ORDER BY position", ps -> {
            ps.setLong(1, coeId);
            Map<String, Long> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * The ts of the published COE's one message in the channel, once Slack has it (of its first message, for a COE
     * published before there was one).
     */
    Optional<String> firstPartTs(long coeId) {
        return jdbc.prepareStatement("""
                SELECT r.thread_ts FROM published_part p
                JOIN thread_route r ON r.owner_kind = ? AND r.owner_id = p.id AND r.team_id = p.team_id
                WHERE p.coe_id = ? ORDER BY (p.part_key = ?) DESC, p.position LIMIT 1""", ps -> {
            ps.setString(1, PART.stored());
            ps.setLong(2, coeId);
            ps.setString(3, SlackRendering.OVERVIEW);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    long addPart(String teamId, long coeId, String key, int position, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO published_part (team_id, coe_id, part_key, position, updated_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id""", ps -> {
            ps.setString(1, teamId);
            ps.setLong(2, coeId);
            ps.setString(3, key);
            ps.setInt(4, position);
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Records the publication; @return how many times this COE has now been published. */
    int published(String teamId, long coeId, String by, String anywayReason, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO coe_publication (coe_id, team_id, published_by, anyway_reason, published_at, times)
                VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (coe_id) DO UPDATE SET published_by = excluded.published_by,
                    anyway_reason = excluded.anyway_reason, published_at = excluded.published_at,
                    times = coe_publication.times + 1
                RETURNING times""", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, teamId);
            ps.setString(3, by);
            ps.setString(4, anywayReason);
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The one message's blocks but the last (where the COE is), as published: drawn again as its copies arrive. */
    void overviewBody(long coeId, String blocksJson) {
        jdbc.prepareStatement("UPDATE coe_publication SET overview_body = ? WHERE coe_id = ?", ps -> {
            ps.setString(1, blocksJson);
            ps.setLong(2, coeId);
            return ps.executeUpdate();
        });
    }

    Optional<String> overviewBody(long coeId) {
        return jdbc.prepareStatement("SELECT overview_body FROM coe_publication WHERE coe_id = ?", ps -> {
            ps.setLong(1, coeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    public Optional<String> anywayReason(long coeId) {
        return jdbc.prepareStatement("SELECT anyway_reason FROM coe_publication WHERE coe_id = ?", ps -> {
            ps.setLong(1, coeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** The figures a target last attached, by name, with their PNG's digest. */
    Map<String, String> figuresAttached(long coeId, String target) {
        return jdbc.prepareStatement("SELECT name, sha256 FROM published_figure WHERE coe_id = ? AND target = ?", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, target);
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    void figureAttached(String teamId, long coeId, String target, String name, String sha256) {
        jdbc.prepareStatement("""
                INSERT INTO published_figure (coe_id, team_id, target, name, sha256) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (coe_id, target, name) DO UPDATE SET sha256 = excluded.sha256""", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, teamId);
            ps.setString(3, target);
            ps.setString(4, name);
            ps.setString(5, sha256);
            return ps.executeUpdate();
        });
    }
}
