package io.coebot.graphs;

import io.coebot.coe.Coes;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The COE's figures and their PNGs ({@code coe_graph}). Joins the caller's transaction; a read outside one gets its own. */
@Transactional
@Singleton
class GraphStore {
    /** The timeline chart first, then the graphs in the order they were drawn. */
    private static final Comparator<Graph> FIGURE_ORDER =
            Comparator.comparing((Graph g) -> g.kind() == Graph.Kind.TIMELINE ? 0 : 1).thenComparingInt(Graph::number);

    private final Coes coes;
    private final JdbcOperations jdbc;
    private final GraphRepository graphs;

    GraphStore(JdbcOperations jdbc, GraphRepository graphs, Coes coes) {
        this.coes = coes;
        this.jdbc = jdbc;
        this.graphs = graphs;
    }

    /** Every figure of the COE: the timeline chart first, then the graphs in the order they were drawn. */
    List<Graph> of(long coeId) {
        return graphs.findByCoeId(coeId).stream().map(GraphFigureRow::toGraph).sorted(FIGURE_ORDER).toList();
    }

    Optional<byte[]> png(long graphId) {
        return graphs.readById(graphId).map(GraphPng::png);
    }

    /** A new graph numbered after the COE's others; the COE's row is locked so two at once get two numbers. */
    Graph addGraph(String teamId, long coeId, String title, String query, String server, IncidentWindow window,
                   int series, byte[] png, String by, Instant now) {
        coes.lock(coeId);
        // Hand-written: the number is computed in the INSERT and the id comes back with RETURNING; Micronaut Data
        // runs a native INSERT as an update and gives no value back.
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
        // Hand-written: an upsert (ON CONFLICT) whose id comes back with RETURNING, which a native @Query cannot give.
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
        graphs.update(graphId, window.from(), window.to(), window.step().getSeconds(), series, png, sha256(png), now);
    }

    private Optional<Graph> byId(long id) {
        return graphs.queryById(id).map(GraphFigureRow::toGraph);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
