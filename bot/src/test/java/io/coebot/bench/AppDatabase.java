package io.coebot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's embedded PostgreSQL, read directly (port from postmaster.pid) through one connection of its own
 * role, so that the benchmark's own queries can be told from the app's.
 */
final class AppDatabase implements AutoCloseable {
    static final int POLL_MS = 50;
    private static final String ROLE = "coe_bench";
    private final Connection c;
    private final boolean statements;
    /** Whether the schema has the message inbox (V12): the answer-cost benchmark also runs against trees older than it. */
    private final boolean inbox;
    /** Transactions this connection ran (each query one, autocommit), subtracted from pg_stat_database's. */
    private long ownTransactions;

    private AppDatabase(Connection c, boolean statements, boolean inbox) {
        this.c = c;
        this.statements = statements;
        this.inbox = inbox;
    }

    static AppDatabase of(Path appDataDir) throws Exception {
        List<String> pid = Files.readAllLines(appDataDir.resolve("postgres").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres")) {
            admin.createStatement().execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') "
                    + "THEN CREATE ROLE " + ROLE + " LOGIN SUPERUSER PASSWORD '" + ROLE + "'; END IF; END $$");
        }
        Connection c = DriverManager.getConnection(url, ROLE, ROLE);
        boolean statements;
        try {
            c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_statements").close();
            statements = true;
        } catch (SQLException e) {
            System.out.println("pg_stat_statements unavailable (" + e.getMessage().strip()
                    + "): statements are counted as table scans (seq_scan + idx_scan) instead");
            statements = false;
        }
        boolean inbox;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('message_inbox') IS NOT NULL")) {
            inbox = rs.next() && rs.getBoolean(1);
        }
        return new AppDatabase(c, statements, inbox);
    }

    private ResultSet query(String sql) throws SQLException {
        ownTransactions++;
        return c.createStatement().executeQuery(sql);
    }

    /** Rows written, table scans and committed transactions so far. */
    record Counts(long rows, long scans, long commits, long rollbacks, long own) {
        long appCommits(Counts before) {
            return (commits - before.commits) - (own - before.own);
        }
    }

    Counts counts() throws SQLException {
        long rows;
        long scans;
        try (ResultSet rs = query("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0), "
                + "coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables")) {
            rs.next();
            rows = rs.getLong(1);
            scans = rs.getLong(2);
        }
        try (ResultSet rs = query("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return new Counts(rows, scans, rs.getLong(1), rs.getLong(2), ownTransactions);
        }
    }

    /**
     * PostgreSQL publishes table and database statistics up to a second after commit; the idle app still writes a
     * little (outbox polling, housekeeping), so the figures are read once the outbox is empty and a moment has passed.
     */
    Counts settledCounts() throws Exception {
        awaitOutboxEmpty(Duration.ofSeconds(300));
        Thread.sleep(2000);
        return counts();
    }

    void resetStatements() throws SQLException {
        if (statements) {
            query("SELECT pg_stat_statements_reset()").close();
        }
    }

    /** The app's statements since the last reset, the benchmark's own role left out (pg_stat_statements must be loaded). */
    long appStatements() throws SQLException {
        try (ResultSet rs = query("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE userid <> '" + ROLE + "'::regrole")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The app's statements since the last reset by kind: pg_stat_statements counts transaction control (BEGIN, COMMIT,
     * SET LOCAL, savepoints) and constant queries (SELECT 1) as statements too, which a count of reads and writes
     * (such as issue 23's "10-18 per answer") leaves out.
     */
    record StatementKinds(long control, long constant, long tables) {
        long all() {
            return control + constant + tables;
        }
    }

    StatementKinds statementKinds() throws SQLException {
        try (ResultSet rs = query("SELECT coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START|SET|SAVEPOINT|RELEASE)\\y'), 0), "
                + "coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*SELECT\\s+(\\$1|1)\\s*$'), 0), coalesce(sum(calls), 0) "
                + "FROM pg_stat_statements WHERE userid <> '" + ROLE + "'::regrole")) {
            rs.next();
            return new StatementKinds(rs.getLong(1), rs.getLong(2), rs.getLong(3) - rs.getLong(1) - rs.getLong(2));
        }
    }

    /** Statements on tables per event, grouped by the first table each names (its FROM, INTO or UPDATE), most first. */
    private String byTable(double events) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = query("SELECT t, sum(calls) FROM (SELECT substring(query from '(?:FROM|INTO|UPDATE)\\s+\"?([a-z_]+)') AS t, calls "
                + "FROM pg_stat_statements WHERE userid <> '" + ROLE + "'::regrole) s WHERE t IS NOT NULL GROUP BY t ORDER BY 2 DESC")) {
            while (rs.next()) {
                tables.add(String.format("%s %.1f", rs.getString(1), rs.getLong(2) / events));
            }
        }
        return String.join(", ", tables);
    }

    /** The app's statements since the last reset (the benchmark's own role left out), per event. */
    String statementsPerEvent(int events) throws SQLException {
        return statements ? String.format("%.1f", appStatements() / (double) events) : "(unavailable)";
    }

    /**
     * Statements (or table scans), transactions and rows per {@code unit} (an event, an answer) between two counts, over
     * {@code events} of them; top statements by calls.
     */
    List<String> statementReport(double events, String unit, Counts before, Counts after) throws SQLException {
        List<String> lines = new ArrayList<>();
        long rows = after.rows - before.rows;
        long commits = after.appCommits(before);
        long rollbacks = after.rollbacks - before.rollbacks;
        if (!statements) {
            lines.add(String.format("per " + unit + ": %.1f table scans (seq_scan + idx_scan, pg_stat_statements unavailable), %.1f transactions "
                            + "committed (%d rolled back), %.1f rows written (inserted+updated+deleted; %d in all)",
                    (after.scans - before.scans) / (double) events, commits / (double) events, rollbacks, rows / (double) events, rows));
            return lines;
        }
        long calls = appStatements();
        lines.add(String.format("per " + unit + " (the app's work until its outbox was empty, polling included): %.1f SQL statements "
                        + "(pg_stat_statements, %d in all), %.1f transactions committed (%d rolled back), %.1f rows written "
                        + "(inserted+updated+deleted; %d in all)",
                calls / (double) events, calls, commits / (double) events, rollbacks, rows / (double) events, rows));
        StatementKinds kinds = statementKinds();
        lines.add(String.format("  of which transaction control (BEGIN, COMMIT, SET, savepoints) %.1f, SELECT 1 %.1f, "
                + "reads and writes of tables %.1f", kinds.control() / events, kinds.constant() / events, kinds.tables() / events));
        lines.add("  by the first table a statement names: " + byTable(events));
        lines.add("top 10 statements by calls: calls per " + unit + ", rows per call, mean ms, statement");
        try (ResultSet rs = query("SELECT calls, rows, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                + "WHERE userid <> '" + ROLE + "'::regrole ORDER BY calls DESC LIMIT 10")) {
            while (rs.next()) {
                String q = rs.getString(4);
                lines.add(String.format("  %6.2f %6.1f %7.2f  %s", rs.getLong(1) / (double) events,
                        rs.getLong(2) / (double) Math.max(1, rs.getLong(1)), rs.getDouble(3),
                        q.length() > 150 ? q.substring(0, 147) + "..." : q));
            }
        }
        return lines;
    }

    /**
     * Waits until every acked message event is handled (the message inbox is empty) and no outbox message is
     * pending or being sent; returns System.nanoTime() when it saw that.
     */
    long awaitOutboxEmpty(Duration timeout) throws Exception {
        long began = System.nanoTime();
        while (System.nanoTime() - began < timeout.toNanos()) {
            try (ResultSet rs = query("SELECT (SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING'))"
                    + (inbox ? " + (SELECT count(*) FROM message_inbox WHERE status = 'PENDING')" : ""))) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return System.nanoTime();
                }
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("the outbox was not empty after " + timeout);
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
