package io.coebot.prove;

import io.coebot.testing.RunningApp;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** The database as a team's work: every row of the COE tables, as text, to compare before and after a request. */
final class CoeRows {
    private CoeRows() {}

    /** Every row of the tables that hold COEs, interviews, 5 Whys, timelines and action items. */
    @SuppressWarnings("unchecked")
    static List<String> of(RunningApp app) {
        JdbcOperations jdbc = app.bean(JdbcOperations.class);
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        return tx.executeRead(status -> jdbc.execute(c -> {
            List<String> tables = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND (table_name LIKE 'coe%' OR table_name LIKE 'interview%' "
                    + "OR table_name LIKE 'whys%' OR (table_name LIKE 'timeline%' AND table_name <> 'timeline_seen_message') OR table_name LIKE 'action%') ORDER BY 1")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            List<String> rows = new ArrayList<>();
            for (String t : tables) {
                try (var rs = c.createStatement().executeQuery("SELECT (to_jsonb(t) - 'updated_at')::text FROM \"" + t + "\" t ORDER BY 1")) {
                    while (rs.next()) rows.add(t + ": " + rs.getString(1));
                }
            }
            return rows;
        }));
    }

    @SuppressWarnings("unchecked")
    static long count(RunningApp app, String sql) {
        JdbcOperations jdbc = app.bean(JdbcOperations.class);
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        return tx.executeRead(s -> jdbc.execute(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    static long pendingOutbox(RunningApp app) {
        return count(app, "SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')");
    }

    /** What changed between two snapshots, for a failure message; empty when nothing did. */
    static String difference(List<String> before, List<String> after) {
        List<String> gone = before.stream().filter(r -> !after.contains(r)).toList();
        List<String> added = after.stream().filter(r -> !before.contains(r)).toList();
        return gone.isEmpty() && added.isEmpty() ? "" : "before " + String.join("\n", gone) + "\nafter  " + String.join("\n", added);
    }
}
