package io.coebot;

import io.coebot.StartupChoice.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code main} does with each configuration an operator might leave behind. The sandbox is only for "nothing
 * configured at all"; a half-configured Slack or a real database stops start-up with the variable to set, before
 * anything listens (these calls start nothing: they would hang on the port or the database otherwise).
 */
class SandboxStartupTest {

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of(Map.of("SLACK_BOT_TOKEN", "  "), "SLACK_BOT_TOKEN is set but blank"),
                Arguments.of(Map.of("SLACK_BOT_TOKEN", "", "SLACK_SIGNING_SECRET", "s3cret"), "SLACK_BOT_TOKEN is set but blank"),
                Arguments.of(Map.of("SLACK_APP_TOKEN", " \t"), "SLACK_APP_TOKEN is set but blank"),
                // the token under a name the bot does not read, with the signing secret set
                Arguments.of(Map.of("SLACK_TOKEN", "xoxb-1-abcdefghijklmnop", "SLACK_SIGNING_SECRET", "s3cret"),
                        "Slack settings are present (SLACK_SIGNING_SECRET, SLACK_TOKEN)"),
                Arguments.of(Map.of("SLACK_SIGNING_SECRET", "s3cret"), "Slack settings are present (SLACK_SIGNING_SECRET)"),
                // the app's own property names, through the environment or as system properties
                Arguments.of(Map.of("COE_SLACK_SIGNING_SECRET", "s3cret"), "(COE_SLACK_SIGNING_SECRET)"),
                Arguments.of(Map.of("COE_SLACK_BOT_TOKEN", " "), "COE_SLACK_BOT_TOKEN is set but blank"),
                Arguments.of(Map.of("coe.slack.signing-secret", "s3cret"), "(coe.slack.signing-secret)"),
                Arguments.of(Map.of("SLACK_API_URL", "https://slack-gov.com/api/"), "(SLACK_API_URL)"),
                Arguments.of(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db.internal/coe"),
                        "A database is configured (DATASOURCES_DEFAULT_URL)"),
                Arguments.of(Map.of("datasources.default.url", "jdbc:postgresql://db.internal/coe"),
                        "A database is configured (datasources.default.url)"),
                Arguments.of(Map.of("COE_SANDBOX", "false"), "COE_SANDBOX=false but no Slack token"),
                Arguments.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1-abcdefghijklmnop", "COE_SANDBOX", "true"),
                        "COE_SANDBOX=true is set together with SLACK_BOT_TOKEN"),
                Arguments.of(Map.of("COE_SANDBOX_BIND", " "), "COE_SANDBOX_BIND is set but blank"));
    }

    @ParameterizedTest
    @MethodSource("misconfigurations")
    void refusesToStartAndNamesWhatToSet(Map<String, String> settings, String reason) {
        StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> Startup.run(new String[0], settings));
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage());
        if (!settings.containsKey("COE_SANDBOX") && !settings.containsKey("COE_SANDBOX_BIND")) {
            assertTrue(refusal.getMessage().contains("set SLACK_BOT_TOKEN to the bot token"), refusal.getMessage());
        }
    }

    @Test
    void aDatabaseOnlyRunsTheSandboxWhenAskedTo() {
        StartupChoice choice = StartupChoice.decide(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/coe",
                "COE_SANDBOX", "true"));
        assertEquals(Kind.SANDBOX, choice.kind());
        StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> Startup.run(new String[0],
                Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/coe")));
        assertTrue(refusal.getMessage().contains("set COE_SANDBOX=true"), refusal.getMessage());
    }

    @Test
    void nothingConfiguredIsTheSandboxOnLoopback() {
        assertEquals(new StartupChoice(Kind.SANDBOX, null, "127.0.0.1"), StartupChoice.decide(Map.of()));
        assertEquals(new StartupChoice(Kind.SANDBOX, null, "127.0.0.1"),
                StartupChoice.decide(Map.of("PATH", "/usr/bin", "MICRONAUT_SERVER_PORT", "8080", "COE_DATA_DIR", "/var/coe")));
        assertEquals("0.0.0.0", StartupChoice.decide(Map.of("COE_SANDBOX_BIND", "0.0.0.0")).bind());
    }

    @Test
    void aTokenTheBotReadsMeansSlack() {
        // Micronaut reads COE_SLACK_BOT_TOKEN and -Dcoe.slack.bot-token as coe.slack.bot-token: real Slack.
        for (Map<String, String> settings : java.util.List.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1-abcdefghijklmnop"),
                Map.of("SLACK_APP_TOKEN", "xapp-1-socket-mode"), Map.of("COE_SLACK_BOT_TOKEN", "xoxb-1-abcdefghijklmnop"),
                Map.of("coe.slack.bot-token", "xoxb-1-abcdefghijklmnop", "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/coe"))) {
            assertEquals(Kind.SLACK, StartupChoice.decide(settings).kind(), settings.toString());
        }
    }
}
