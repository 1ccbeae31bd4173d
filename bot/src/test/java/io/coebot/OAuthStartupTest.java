package io.coebot;

import io.coebot.StartupChoice.Kind;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 22: "Add to Slack" needs the key the workspaces' tokens are sealed with; without it, main exits with status 2. */
class OAuthStartupTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void clientIdAndSecretWithAGoodKeyStartTheBot() {
        assertEquals(Kind.SLACK, StartupChoice.decide(Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "s",
                "SLACK_SIGNING_SECRET", "x", "COE_SECRET_KEY", KEY)).kind());
    }

    @Test
    void aMissingOrMalformedKeyRefusesNamingIt() {
        for (Map<String, String> settings : new Map[]{
                Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "s", "SLACK_SIGNING_SECRET", "x"),
                Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "s", "SLACK_SIGNING_SECRET", "x", "COE_SECRET_KEY", "short")}) {
            StartupChoice choice = StartupChoice.decide(settings);
            assertEquals(Kind.REFUSE, choice.kind(), settings.toString());
            assertTrue(choice.message().startsWith("COE_SECRET_KEY"), choice.message());
            StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> Startup.run(new String[0], settings));
            assertTrue(refusal.getMessage().contains("COE_SECRET_KEY"));
        }
    }

    @Test
    void aBotTokenKeepsOneWorkspaceAndNeedsNoKey() {
        assertEquals(Kind.SLACK, StartupChoice.decide(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_CLIENT_ID", "1.2",
                "SLACK_CLIENT_SECRET", "s", "SLACK_SIGNING_SECRET", "x")).kind());
    }
}
