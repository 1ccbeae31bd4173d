package io.coebot.testing;

import io.coebot.sandbox.slack.FakeSlack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
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
    private EmbeddedServer server;
    private int port = -1;

    private RunningApp(String slackApiUrl, Path dataDir, Map<String, Object> extra) {
        this.slackApiUrl = slackApiUrl;
        this.dataDir = dataDir;
        this.extra = extra;
    }

    public static RunningApp start(String slackApiUrl, Path dataDir) {
        return start(slackApiUrl, dataDir, Map.of());
    }

    public static RunningApp start(String slackApiUrl, Path dataDir, Map<String, Object> extra) {
        RunningApp app = new RunningApp(slackApiUrl, dataDir, extra);
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
        // Tests run the daily nudge at a clock of their choosing (NudgeRun.runAt), never on the wall clock.
        props.put("coe.nudge.enabled", false);
        props.putAll(extra);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
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
