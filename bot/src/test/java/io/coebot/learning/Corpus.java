package io.coebot.learning;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * COEs written straight into the tables a team's work fills (coe, interview, whys_session, timeline_entry), in the
 * JSON shapes the interview and the 5 Whys store, so that the database's own triggers build the search rows exactly as
 * they do for COEs written through Slack. For the seeded search tests and the search benchmark.
 */
final class Corpus {
    /** One COE as seeded; null parts are left out. */
    record Seed(String teamId, String channelId, String title, String owner, boolean published, Instant openedAt,
                String severity, String services, String underlyingCause, String summary, String lessons,
                String problem, String rootCause, String remediation, List<String> timeline) {
        Seed withTeam(String team) {
            return new Seed(team, channelId, title, owner, published, openedAt, severity, services, underlyingCause,
                    summary, lessons, problem, rootCause, remediation, timeline);
        }

        Seed inChannel(String channel) {
            return new Seed(teamId, channel, title, owner, published, openedAt, severity, services, underlyingCause,
                    summary, lessons, problem, rootCause, remediation, timeline);
        }
    }

    private Corpus() {
    }

    static Seed coe(String teamId, String channelId, String title) {
        return new Seed(teamId, channelId, title, "U0OWNER01", true, Instant.parse("2026-06-01T10:00:00Z"), null, null,
                null, null, null, null, null, null, List.of());
    }

    /** Seeds these COEs into a running app's database, in one transaction. */
    @SuppressWarnings("unchecked")
    static void insert(io.coebot.testing.RunningApp app, List<Seed> seeds) {
        var jdbc = app.bean(io.micronaut.data.jdbc.runtime.JdbcOperations.class);
        io.micronaut.transaction.TransactionOperations<Connection> tx = app.bean(io.micronaut.transaction.TransactionOperations.class);
        tx.executeWrite(s -> jdbc.execute(c -> {
            for (Seed seed : seeds) {
                insert(c, seed);
            }
            return null;
        }));
    }

    /** @return the COE's id */
    static long insert(Connection c, Seed s) throws SQLException {
        int number;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO coe_counter (team_id, last_number) VALUES (?, 1)
                ON CONFLICT (team_id) DO UPDATE SET last_number = coe_counter.last_number + 1 RETURNING last_number""")) {
            ps.setString(1, s.teamId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO coe (team_id, channel_id, number, title, owner_user_id, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, s.teamId());
            ps.setString(2, s.channelId());
            ps.setInt(3, number);
            ps.setString(4, s.title());
            ps.setString(5, s.owner());
            ps.setString(6, s.published() ? "PUBLISHED" : "OPEN");
            ps.setTimestamp(7, Timestamp.from(s.openedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        JsonObject answers = new JsonObject();
        answer(answers, "severity", s.severity());
        answer(answers, "services", s.services());
        answer(answers, "underlying_cause", s.underlyingCause());
        answer(answers, "summary", s.summary());
        answer(answers, "lessons", s.lessons());
        JsonObject state = new JsonObject();
        state.addProperty("status", "COMPLETE");
        state.add("answers", answers);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO interview (coe_id, team_id, state, updated_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, s.teamId());
            ps.setString(3, state.toString());
            ps.setTimestamp(4, Timestamp.from(s.openedAt()));
            ps.executeUpdate();
        }
        if (s.problem() != null) {
            JsonObject tree = new JsonObject();
            tree.addProperty("problem", s.problem());
            JsonArray nodes = new JsonArray();
            JsonObject node = new JsonObject();
            node.addProperty("id", 1);
            node.addProperty("parentId", 0);
            node.addProperty("text", s.rootCause());
            node.addProperty("rootCause", true);
            JsonArray fixes = new JsonArray();
            if (s.remediation() != null) {
                JsonObject fix = new JsonObject();
                fix.addProperty("text", s.remediation());
                fixes.add(fix);
            }
            node.add("remediations", fixes);
            nodes.add(node);
            tree.add("nodes", nodes);
            tree.addProperty("nextId", 2);
            JsonObject whys = new JsonObject();
            whys.add("tree", tree);
            whys.addProperty("nextSeq", 1);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO whys_session (team_id, coe_id, channel_id, number, state, finished, created_by, created_at, updated_at)
                    VALUES (?, ?, ?, 1, ?, true, ?, ?, ?)""")) {
                ps.setString(1, s.teamId());
                ps.setLong(2, id);
                ps.setString(3, s.channelId());
                ps.setString(4, whys.toString());
                ps.setString(5, s.owner());
                ps.setTimestamp(6, Timestamp.from(s.openedAt()));
                ps.setTimestamp(7, Timestamp.from(s.openedAt()));
                ps.executeUpdate();
            }
        }
        List<String> entries = new ArrayList<>(s.timeline());
        for (int i = 0; i < entries.size(); i++) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO timeline_entry (team_id, coe_id, channel_id, occurred_at, text, source, created_at)
                    VALUES (?, ?, ?, ?, ?, 'manual', ?)""")) {
                ps.setString(1, s.teamId());
                ps.setLong(2, id);
                ps.setString(3, s.channelId());
                ps.setTimestamp(4, Timestamp.from(s.openedAt().plusSeconds(60L * i)));
                ps.setString(5, entries.get(i));
                ps.setTimestamp(6, Timestamp.from(s.openedAt()));
                ps.executeUpdate();
            }
        }
        return id;
    }

    private static void answer(JsonObject answers, String question, String value) {
        if (value != null) {
            JsonObject a = new JsonObject();
            a.addProperty("questionId", question);
            a.addProperty("value", value);
            answers.add(question, a);
        }
    }
}
