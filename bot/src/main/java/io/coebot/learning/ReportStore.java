package io.coebot.learning;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the weekly report counts, read from the COEs, their publications, action items and search documents.
 * Hand-written: a read-only report over other features' tables (counts, DISTINCT, date windows), with no entity of
 * its own to hang a repository on.
 */
// Joins the caller's transaction; a read outside one gets its own.
@Singleton
@Transactional
class ReportStore {
    /** A COE as the report names it. */
    record Named(long id, String channelId, int number, String title) {}

    /** One action item as counted: whose, and (for overdue) when due. */
    record Item(String owner, java.time.LocalDate due) {}

    private final JdbcOperations jdbc;

    ReportStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> teams() {
        return jdbc.prepareStatement("SELECT DISTINCT team_id FROM coe", ps -> {
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    List<Named> opened(String teamId, Instant from, Instant to) {
        return named("SELECT id, channel_id, number, title FROM coe WHERE team_id = ? AND created_at >= ? AND created_at < ?"
                + " ORDER BY number", teamId, from, to);
    }

    List<Named> published(String teamId, Instant from, Instant to) {
        return named("SELECT c.id, c.channel_id, c.number, c.title FROM coe c JOIN coe_publication p ON p.coe_id = c.id"
                + " WHERE c.team_id = ? AND c.status = 'PUBLISHED' AND p.published_at >= ? AND p.published_at < ?"
                + " ORDER BY c.number", teamId, from, to);
    }

    /** COEs opened since {@code from}: the incidents whose durations the trend is drawn from. */
    List<Named> openedSince(String teamId, Instant from) {
        return named("SELECT id, channel_id, number, title FROM coe WHERE team_id = ? AND created_at >= ? AND created_at < ?"
                + " ORDER BY number", teamId, from, Instant.parse("9999-01-01T00:00:00Z"));
    }

    /** Owners of the items created in the week, one entry an item. */
    List<Item> itemsCreated(String teamId, Instant from, Instant to) {
        return items("SELECT owner_user_id, due FROM action_item WHERE team_id = ? AND created_at >= ? AND created_at < ?",
                teamId, from, to);
    }

    /** Items done or dropped in the week: their last change is when they were closed (a closed item is not edited). */
    List<Item> itemsClosed(String teamId, Instant from, Instant to) {
        return items("SELECT owner_user_id, due FROM action_item WHERE team_id = ? AND status <> 'open'"
                + " AND updated_at >= ? AND updated_at < ?", teamId, from, to);
    }

    /** The root causes (the interview's underlying cause and every 5 Whys root cause) of COEs opened since {@code from}. */
    List<String> rootCauses(String teamId, Instant from) {
        return jdbc.prepareStatement("SELECT root_causes FROM coe_search WHERE team_id = ? AND opened_at >= ? AND root_causes <> ''",
                ps -> {
                    ps.setString(1, teamId);
                    ps.setTimestamp(2, Timestamp.from(from));
                    List<String> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
    }

    private List<Named> named(String sql, String teamId, Instant from, Instant to) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, teamId, from, to);
            List<Named> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Named(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    private List<Item> items(String sql, String teamId, Instant from, Instant to) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, teamId, from, to);
            List<Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString(1), rs.getObject(2, java.time.LocalDate.class)));
                }
            }
            return out;
        });
    }

    private static void bind(java.sql.PreparedStatement ps, String teamId, Instant from, Instant to) throws SQLException {
        ps.setString(1, teamId);
        ps.setTimestamp(2, Timestamp.from(from));
        ps.setTimestamp(3, Timestamp.from(to));
    }
}
