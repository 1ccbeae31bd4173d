package io.coebot.slack;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** The Slack side of the contract in DESIGN.md. Values are secrets: never log or render them. */
@Singleton
public class SlackSettings {
    private final String botToken;
    private final String signingSecret;
    private final String appToken;
    private final String apiUrl;

    public SlackSettings(@Value("${coe.slack.bot-token:}") String botToken,
                         @Value("${coe.slack.signing-secret:}") String signingSecret,
                         @Value("${coe.slack.app-token:}") String appToken,
                         @Value("${coe.slack.api-url:`https://slack.com/api/`}") String apiUrl) {
        this.botToken = blankToNull(botToken);
        this.signingSecret = blankToNull(signingSecret);
        this.appToken = blankToNull(appToken);
        String url = blankToNull(apiUrl) == null ? "https://slack.com/api/" : apiUrl.trim();
        // The SDK appends method names to this prefix, so it must end with a slash.
        this.apiUrl = url.endsWith("/") ? url : url + "/";
    }

    public String botToken() { return botToken; }
    public String signingSecret() { return signingSecret; }
    public String appToken() { return appToken; }
    public String apiUrl() { return apiUrl; }

    public boolean socketMode() { return appToken != null; }

    /** HTTP mode needs the token and the signing secret; Socket Mode needs the token (the socket is authenticated by the app token). */
    public boolean ready() {
        return botToken != null && (socketMode() || signingSecret != null);
    }

    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (botToken == null) missing.add("SLACK_BOT_TOKEN");
        if (signingSecret == null && !socketMode()) missing.add("SLACK_SIGNING_SECRET");
        return missing;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", socketMode=" + socketMode() + "]";
    }
}
