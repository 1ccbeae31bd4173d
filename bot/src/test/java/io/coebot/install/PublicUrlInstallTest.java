package io.coebot.install;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With COE_PUBLIC_URL, Slack is told where to send the installer back, and oauth.v2.access is given the same address. */
class PublicUrlInstallTest extends EndToEnd {
    private static final String PUBLIC = "https://coe.example.com";

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.slack.bot-token", "", "coe.slack.client-id", FakeSlack.CLIENT_ID,
                "coe.slack.client-secret", FakeSlack.CLIENT_SECRET, "coe.secret-key", OAuthInstallEndToEndTest.KEY,
                "coe.public-url", PUBLIC + "/");
    }

    @Test
    void theRedirectUriIsThePublicAddress() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/install")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher link = Pattern.compile("id=\"add-to-slack\" href=\"([^\"]+)\"").matcher(page.body());
        assertTrue(link.find(), page.body());
        String url = URLDecoder.decode(link.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8);
        assertTrue(url.contains("redirect_uri=" + PUBLIC + "/slack/oauth_redirect"), url);
        String cookie = page.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.contains("Secure") && cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), "the state cookie of an https bot: " + cookie);
        String state = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

        // the browser comes back over https; the cookie goes with it
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/slack/oauth_redirect?code="
                        + URLEncoder.encode(slack.oauthCode("T0PUBLIC8", "Public", "U0PUBLIC8"), StandardCharsets.UTF_8)
                        + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)))
                .header("Cookie", InstallController.STATE_COOKIE + "=" + state).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(PUBLIC + "/slack/oauth_redirect", slack.lastCall("oauth.v2.access").orElseThrow().param("redirect_uri"));
    }
}
