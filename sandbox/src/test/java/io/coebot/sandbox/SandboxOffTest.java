package io.coebot.sandbox;

import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
