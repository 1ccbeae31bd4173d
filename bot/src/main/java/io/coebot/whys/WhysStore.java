package io.coebot.whys;

import io.coebot.coe.Coes;
import com.google.gson.Gson;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** 5 Whys sessions, each stored whole as JSON and changed only under its row lock. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class WhysStore {
    private static final Gson GSON = new Gson();

    private final Coes coes;
    private final WhysRepository rows;
    private final JdbcOperations jdbc;

    WhysStore(WhysRepository rows, JdbcOperations jdbc, Coes coes) {
        this.coes = coes;
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /**
     * Numbered after the COE's other sessions; the COE row lock keeps two sessions opened at once apart.
     * Hand-written: the number is taken inside the INSERT, in a snapshot taken after the lock, and the row comes back
     * with RETURNING, which a repository method cannot say in one statement.
     */
    WhysSession create(long coeId, String teamId, String channelId, String createdBy, WhysState state, Instant now) {
        coes.lock(coeId);
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
        return rows.findByIdForUpdate(id).map(WhysStore::session);
    }

    Optional<WhysSession> find(long id) {
        return rows.findById(id).map(WhysStore::session);
    }

    /** The COE's sessions, oldest first. */
    List<WhysSession> ofCoe(long coeId) {
        return rows.findByCoeIdOrderByNumber(coeId).stream().map(WhysStore::session).toList();
    }

    void save(long id, WhysState state, Instant now) {
        rows.update(id, GSON.toJson(state), state.finished(), now);
    }

    void rootPosted(long id, String ts) {
        rows.rootPosted(id, ts);
    }

    private static WhysSession session(WhysRow r) {
        return new WhysSession(r.id(), r.teamId(), r.coeId(), r.channelId(), r.number(), r.rootTs(),
                GSON.fromJson(r.state(), WhysState.class), r.createdBy(), r.createdAt());
    }

    private static WhysSession read(ResultSet rs) throws SQLException {
        return new WhysSession(rs.getLong("id"), rs.getString("team_id"), rs.getLong("coe_id"), rs.getString("channel_id"),
                rs.getInt("number"), rs.getString("root_ts"), GSON.fromJson(rs.getString("state"), WhysState.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
