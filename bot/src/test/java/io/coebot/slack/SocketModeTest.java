package io.coebot.slack;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SLACK_APP_TOKEN set: the app opens Socket Mode when it starts, through the configured Web API
 * (apps.connections.open with the app-level token). The fake has no WebSocket server, so this
 * proves the start and the token, not a live socket.
 */
class SocketModeTest {
    @TempDir
    Path dataDir;

    @Test
    void anAppTokenStartsSocketModeWithThatToken() {
        String appToken = "xapp-1-A0COEBOT-0000000000-socketmodetesttoken";
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             RunningApp app = RunningApp.start(slack.apiUrl(), dataDir, Map.of("coe.slack.app-token", appToken))) {
            slack.await("apps.connections.open called", () -> !slack.calls("apps.connections.open").isEmpty());
            assertTrue(slack.calls("apps.connections.open").stream().anyMatch(c -> appToken.equals(c.token())),
                    slack.calls("apps.connections.open").toString());
            assertTrue(app.bean(SlackSettings.class).socketMode());
        }
    }
}
