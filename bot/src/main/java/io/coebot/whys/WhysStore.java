package io.coebot.whys;

import com.google.gson.Gson;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 5 Whys sessions, each stored whole as JSON and changed only under its row lock. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class WhysStore {
    private static final Gson GSON = new Gson();

    private final JdbcOperations jdbc;

    public WhysStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbered after the COE's other sessions; the COE row lock keeps two sessions opened at once apart. */
    WhysSession create(long coeId, String teamId, String channelId, String createdBy, WhysState state, Instant now) {
        jdbc.prepareStatement("SELECT 1 FROM coe WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, coeId);
            return ps.executeQuery().next();
        });
        return jdbc.prepareStatement("""
                INSERT INTO whys_session (team_id, coe_id, channel_id, number, state, finished, created_by, created_at, updated_at)
                VALUES (?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM whys_session WHERE coe_id = ?), ?, ?, ?, ?, ?)
                RETURNING *""", ps -> {
            ps.setString(1, teamId);
            ps.setLong(2, coeId);
            ps.setString(3, channelId);
            ps.setLong(4, coeId);
            ps.setString(5, GSON.toJson(state));
            ps.setBoolean(6, state.finished());
            ps.setString(7, createdBy);
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setTimestamp(9, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        });
    }

    /** Locks the session: two people answering at once are applied one after the other. */
    Optional<WhysSession> lock(long id) {
        return one("SELECT * FROM whys_session WHERE id = ? FOR UPDATE", id);
    }

    public Optional<WhysSession> find(long id) {
        return one("SELECT * FROM whys_session WHERE id = ?", id);
    }

    /** The COE's sessions, oldest first. */
    public List<WhysSession> ofCoe(long coeId) {
        return jdbc.prepareStatement("SELECT * FROM whys_session WHERE coe_id = ? ORDER BY number", ps -> {
            ps.setLong(1, coeId);
            List<WhysSession> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    void save(long id, WhysState state, Instant now) {
        jdbc.prepareStatement("UPDATE whys_session SET state = ?, finished = ?, updated_at = ? WHERE id = ?", ps -> {
            ps.setString(1, GSON.toJson(state));
            ps.setBoolean(2, state.finished());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(4, id);
            return ps.executeUpdate();
        });
    }

    void rootPosted(long id, String ts) {
        jdbc.prepareStatement("UPDATE whys_session SET root_ts = ? WHERE id = ? AND root_ts IS NULL", ps -> {
            ps.setString(1, ts);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    private Optional<WhysSession> one(String sql, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private static WhysSession read(ResultSet rs) throws SQLException {
        return new WhysSession(rs.getLong("id"), rs.getString("team_id"), rs.getLong("coe_id"), rs.getString("channel_id"),
                rs.getInt("number"), rs.getString("root_ts"), GSON.fromJson(rs.getString("state"), WhysState.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
