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
    private final String clientId;
    private final String clientSecret;
    private final String publicUrl;

    public SlackSettings(@Value("${coe.slack.bot-token:}") String botToken,
                         @Value("${coe.slack.signing-secret:}") String signingSecret,
                         @Value("${coe.slack.app-token:}") String appToken,
                         @Value("${coe.slack.api-url:`https://slack.com/api/`}") String apiUrl,
                         @Value("${coe.slack.client-id:}") String clientId,
                         @Value("${coe.slack.client-secret:}") String clientSecret,
                         @Value("${coe.public-url:}") String publicUrl) {
        this.botToken = blankToNull(botToken);
        this.clientId = blankToNull(clientId);
        this.clientSecret = blankToNull(clientSecret);
        String pub = blankToNull(publicUrl);
        this.publicUrl = pub == null ? null : pub.replaceAll("/+$", "");
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
    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    /** The bot's public address (COE_PUBLIC_URL, no trailing slash), for the OAuth redirect URI; null: Slack's configured one. */
    public String publicUrl() { return publicUrl; }

    /**
     * Installed through "Add to Slack": each workspace's token comes from its installation, not from SLACK_BOT_TOKEN.
     * A bot token, when set too, wins: one workspace exactly as before.
     */
    public boolean oauth() { return botToken == null && clientId != null && clientSecret != null; }

    public boolean socketMode() { return appToken != null; }

    /** HTTP mode needs the token and the signing secret; Socket Mode needs the token (the socket is authenticated by the app token). */
    public boolean ready() {
        return (botToken != null || oauth()) && (socketMode() || signingSecret != null);
    }

    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (botToken == null && !oauth()) missing.add("SLACK_BOT_TOKEN");
        if (signingSecret == null && !socketMode()) missing.add("SLACK_SIGNING_SECRET");
        return missing;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", socketMode=" + socketMode() + ", oauth=" + oauth() + "]";
    }
}
