package io.coebot.graphs;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The COE's figures and their PNGs ({@code coe_graph}). Joins the caller's transaction; a read outside one gets its own. */
@Transactional
@Singleton
public class GraphStore {
    private static final String COLUMNS = "id, coe_id, kind, number, title, query, server, window_from, window_to, "
            + "step_seconds, series, png_sha256, drawn_by, drawn_at";

    private final JdbcOperations jdbc;

    public GraphStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every figure of the COE: the timeline chart first, then the graphs in the order they were drawn. */
    List<Graph> of(long coeId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM coe_graph WHERE coe_id = ? "
                + "ORDER BY CASE kind WHEN 'timeline' THEN 0 ELSE 1 END, number", ps -> {
            ps.setLong(1, coeId);
            List<Graph> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    Optional<byte[]> png(long graphId) {
        return jdbc.prepareStatement("SELECT png FROM coe_graph WHERE id = ?", ps -> {
            ps.setLong(1, graphId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        });
    }

    /** A new graph numbered after the COE's others; the COE's row is locked so two at once get two numbers. */
    Graph addGraph(String teamId, long coeId, String title, String query, String server, IncidentWindow window,
                   int series, byte[] png, String by, Instant now) {
        jdbc.prepareStatement("SELECT id FROM coe WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, coeId);
            return ps.executeQuery().next();
        });
        long id = jdbc.prepareStatement("""
                INSERT INTO coe_graph (team_id, coe_id, kind, number, title, query, server, window_from, window_to,
                                       step_seconds, series, png, png_sha256, drawn_by, drawn_at)
                VALUES (?, ?, 'prometheus',
                        (SELECT COALESCE(MAX(number), 0) + 1 FROM coe_graph WHERE coe_id = ? AND kind = 'prometheus'),
                        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id""", ps -> {
            ps.setString(1, teamId);
            ps.setLong(2, coeId);
            ps.setLong(3, coeId);
            ps.setString(4, title);
            ps.setString(5, query);
            ps.setString(6, server);
            ps.setTimestamp(7, Timestamp.from(window.from()));
            ps.setTimestamp(8, Timestamp.from(window.to()));
            ps.setLong(9, window.step().getSeconds());
            ps.setInt(10, series);
            ps.setBytes(11, png);
            ps.setString(12, sha256(png));
            ps.setString(13, by);
            ps.setTimestamp(14, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return byId(id).orElseThrow();
    }

    /** The COE's one timeline chart, drawn anew; {@code by} is null when publishing drew it. */
    Graph putTimelineChart(String teamId, long coeId, String title, byte[] png, String by, Instant now) {
        long id = jdbc.prepareStatement("""
                INSERT INTO coe_graph (team_id, coe_id, kind, number, title, png, png_sha256, drawn_by, drawn_at)
                VALUES (?, ?, 'timeline', 0, ?, ?, ?, ?, ?)
                ON CONFLICT (coe_id, kind, number) DO UPDATE SET title = excluded.title, png = excluded.png,
                    png_sha256 = excluded.png_sha256, drawn_by = excluded.drawn_by, drawn_at = excluded.drawn_at
                RETURNING id""", ps -> {
            ps.setString(1, teamId);
            ps.setLong(2, coeId);
            ps.setString(3, title);
            ps.setBytes(4, png);
            ps.setString(5, sha256(png));
            ps.setString(6, by);
            ps.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return byId(id).orElseThrow();
    }

    /** A graph drawn again over a new window (its milestones moved); the query and title stay. */
    void redrawn(long graphId, IncidentWindow window, int series, byte[] png, Instant now) {
        jdbc.prepareStatement("""
                UPDATE coe_graph SET window_from = ?, window_to = ?, step_seconds = ?, series = ?, png = ?, png_sha256 = ?,
                                     drawn_at = ?
                WHERE id = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(window.from()));
            ps.setTimestamp(2, Timestamp.from(window.to()));
            ps.setLong(3, window.step().getSeconds());
            ps.setInt(4, series);
            ps.setBytes(5, png);
            ps.setString(6, sha256(png));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setLong(8, graphId);
            return ps.executeUpdate();
        });
    }

    private Optional<Graph> byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM coe_graph WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private static Graph read(ResultSet rs) throws SQLException {
        Timestamp from = rs.getTimestamp("window_from");
        Timestamp to = rs.getTimestamp("window_to");
        long step = rs.getLong("step_seconds");
        IncidentWindow window = from == null || to == null ? null
                : new IncidentWindow(from.toInstant(), to.toInstant(), Duration.ofSeconds(Math.max(1, step)));
        return new Graph(rs.getLong("id"), rs.getLong("coe_id"), Graph.Kind.ofStored(rs.getString("kind")),
                rs.getInt("number"), rs.getString("title"), rs.getString("query"), rs.getString("server"), window,
                rs.getInt("series"), rs.getString("png_sha256"), rs.getString("drawn_by"),
                rs.getTimestamp("drawn_at").toInstant());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
