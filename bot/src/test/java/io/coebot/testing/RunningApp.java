package io.coebot.testing;

import io.coebot.sandbox.slack.FakeSlack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real application, on a random port, with its embedded PostgreSQL in {@code dataDir} and its
 * Slack Web API pointed at a {@link FakeSlack}. {@link #restart()} keeps the data directory, as a
 * redeploy would.
 */
public final class RunningApp implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-0000000000-test-bot-token";
    public static final String SIGNING_SECRET = "test-signing-secret-4b1d0c3a9e";

    private final String slackApiUrl;
    private final Path dataDir;
    private final Map<String, Object> extra;
    private final Clock clock;
    private EmbeddedServer server;
    private int port = -1;

    private RunningApp(String slackApiUrl, Path dataDir, Map<String, Object> extra, Clock clock) {
        this.slackApiUrl = slackApiUrl;
        this.dataDir = dataDir;
        this.extra = extra;
        this.clock = clock;
    }

    public static RunningApp start(String slackApiUrl, Path dataDir) {
        return start(slackApiUrl, dataDir, Map.of());
    }

    public static RunningApp start(String slackApiUrl, Path dataDir, Map<String, Object> extra) {
        return start(slackApiUrl, dataDir, extra, null);
    }

    /**
     * The app reading the time from {@code clock} (e.g. a {@link MovableClock} the test moves) instead of the wall
     * clock; {@code null} for the app's own. The same clock survives a {@link #restart()}.
     */
    public static RunningApp start(String slackApiUrl, Path dataDir, Map<String, Object> extra, Clock clock) {
        RunningApp app = new RunningApp(slackApiUrl, dataDir, extra, clock);
        app.boot();
        return app;
    }

    private void boot() {
        Map<String, Object> props = new HashMap<>();
        // A restart keeps the port, as a redeploy behind the same URL would.
        props.put("micronaut.server.port", port);
        props.put("coe.slack.bot-token", BOT_TOKEN);
        props.put("coe.slack.signing-secret", SIGNING_SECRET);
        props.put("coe.slack.app-token", "");
        props.put("coe.slack.api-url", slackApiUrl);
        props.put("coe.data-dir", dataDir.toString());
        props.put("coe.outbox.poll-millis", 100);
        // Tests run the daily nudge themselves (NudgeRun.run on the app's clock, or runAt a time), never on a schedule.
        props.put("coe.nudge.enabled", false);
        props.putAll(extra);
        var builder = ApplicationContext.builder().properties(props).environments("test");
        if (clock != null) {
            // Registered before startup, it takes the place of the app's own clock (ClockFactory yields to it).
            builder.singletons(clock);
        }
        server = builder.run(EmbeddedServer.class);
        port = server.getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** The settings that point an app at {@code db} rather than its own embedded PostgreSQL: several instances, one database. */
    public static Map<String, Object> sharing(io.zonky.test.db.postgres.embedded.EmbeddedPostgres db) {
        return Map.of(
                "datasources.default.url", db.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres");
    }

    /** What the outbox has still to send (queued, or being sent), on this app's database. */
    public long unsentMessages() {
        return count("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')");
    }

    /**
     * Waits until every message event Slack was sent an ack for has been handled: the ack comes once the event is in
     * the inbox, its effect (an answer kept, a timeline entry changed) a moment later, as with the real Slack.
     */
    public void awaitMessagesHandled() {
        io.coebot.sandbox.slack.Eventually.await("the message inbox is empty",
                () -> count("SELECT count(*) FROM message_inbox WHERE status = 'PENDING'") == 0);
    }

    /** A count on this app's database, e.g. {@code SELECT count(*) FROM coe_graph WHERE coe_id = 3}. */
    @SuppressWarnings("unchecked")
    public long count(String sql) {
        var jdbc = bean(io.micronaut.data.jdbc.runtime.JdbcOperations.class);
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx = bean(io.micronaut.transaction.TransactionOperations.class);
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Every row of every table of the app, as text: what a database dump would show (where a secret must not be). */
    @SuppressWarnings("unchecked")
    public java.util.List<String> databaseAsText() {
        var jdbc = bean(io.micronaut.data.jdbc.runtime.JdbcOperations.class);
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx = bean(io.micronaut.transaction.TransactionOperations.class);
        return tx.executeRead(status -> jdbc.execute(c -> {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            java.util.List<String> rows = new java.util.ArrayList<>();
            for (String t : tables) {
                try (var rs = c.createStatement().executeQuery("SELECT t::text FROM \"" + t + "\" t")) {
                    while (rs.next()) rows.add(t + ": " + rs.getString(1));
                }
            }
            return rows;
        }));
    }

    /** Stops the app (pools, then PostgreSQL) and starts it again on the same data. */
    public RunningApp restart() {
        close();
        boot();
        return this;
    }

    @Override
    public void close() {
        if (server != null) {
            server.getApplicationContext().close();
            server = null;
        }
    }
}
