package io.coebot.install;

import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With SLACK_BOT_TOKEN (one workspace, as before issue 22) there is nothing to install: no install pages. */
class SingleWorkspaceHasNoInstallPagesTest extends EndToEnd {
    @Test
    void installPagesAnswer404() throws Exception {
        for (String path : new String[]{"/slack/install", "/slack/oauth_redirect?code=x&state=y"}) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), path);
        }
    }
}
