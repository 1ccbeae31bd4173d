package io.coebot.sandbox;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a real token the sandbox does not exist: not its page, not its API, not its fake Slack. */
class SandboxOffTest extends EndToEnd {

    @Test
    void sandboxIsNotReachableWhenATokenIsConfigured() throws Exception {
        for (String path : new String[] {"/sandbox", "/sandbox/assets/sandbox.js", "/sandbox/api/state?as=U0ALICE001"}) {
            assertEquals(404, get(path).statusCode(), path);
        }
        assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/sandbox/api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(app.context().getBeansOfType(SandboxWorkspace.class).isEmpty());
        assertFalse(app.context().containsBean(SandboxSlack.class));
    }

    @Test
    void onlyNoTokenAtAllMeansSandbox() {
        assertTrue(SandboxMode.wanted(Map.of()));
        assertTrue(SandboxMode.wanted(Map.of("SLACK_BOT_TOKEN", "  ", "SLACK_SIGNING_SECRET", "x")));
        assertFalse(SandboxMode.wanted(Map.of("SLACK_BOT_TOKEN", FakeSlack.DEFAULT_BOT_TOKEN)));
        assertFalse(SandboxMode.wanted(Map.of("SLACK_APP_TOKEN", "xapp-1-socket-mode")));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
