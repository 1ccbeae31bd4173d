package io.coebot.testing;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;

import io.coebot.sandbox.slack.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;

import java.nio.file.Path;

/**
 * Base of the end-to-end tests: the real app on its embedded PostgreSQL, a fake Slack on
 * loopback, and a workspace whose people send signed requests. One app per test class; each
 * test uses its own channel so tests do not see each other's COEs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndToEnd {
    protected Path dataDir;
    protected FakeSlack slack;
    protected RunningApp app;
    protected SlackWorkspace ws;
    /** The app's clock: runs with the wall clock until a test sets or advances it. Slack's requests are signed on it too. */
    protected MovableClock clock;
    private int refusalsSeen;

    @BeforeAll
    void startApp() throws IOException {
        dataDir = Files.createTempDirectory("coe-e2e-");
        slack = FakeSlack.start(RunningApp.BOT_TOKEN);
        clock = new MovableClock();
        app = RunningApp.start(slack.apiUrl(), dataDir, appProperties(), clock);
        // Signed on the app's time, as Slack's requests would be in the world the test moved the app to; otherwise
        // a moved clock would find every request stale.
        ws = new SlackWorkspace(slack, new SlackRequests(app.baseUrl(), RunningApp.SIGNING_SECRET).withClock(clock));
    }

    /** Configuration this class's app runs with on top of the test defaults (e.g. a faster pace for imports). */
    protected java.util.Map<String, Object> appProperties() {
        return java.util.Map.of();
    }

    /**
     * Slack would have accepted everything the bot sent during the test. The outbox gives a refused message up for
     * good, so without this a message over Slack's limits is simply never seen, and no assertion notices.
     */
    @AfterEach
    void slackRefusedNothing() {
        List<Refusal> all = slack.refusals();
        List<Refusal> fresh = all.subList(Math.min(refusalsSeen, all.size()), all.size());
        refusalsSeen = all.size();
        if (!fresh.isEmpty()) {
            throw new AssertionError("Slack would refuse what the bot sent: " + fresh);
        }
    }

    @AfterAll
    void stopApp() {
        if (app != null) app.close();
        if (ws != null) ws.close();
        if (slack != null) slack.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
