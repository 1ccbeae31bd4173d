package io.coebot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot as deployed: its jar without the sandbox module. With no Slack setting at all there is nothing it can run,
 * so it stops at once with one ERROR line saying what to set, and exit status 2, as a half-configured Slack does.
 * (This module's classpath has no sandbox: the fake Slack is here for the tests, the sandbox page is not.)
 */
class StartupWithoutSandboxTest {

    @Test
    void nothingConfiguredAndNoSandboxIsARefusalNamingWhatToSet() {
        StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> Startup.run(new String[0], Map.of()));
        assertTrue(refusal.getMessage().contains("No Slack is configured, and this coe-bot has no sandbox"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("set SLACK_BOT_TOKEN to the bot token"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("./mvnw mn:run"), refusal.getMessage());
    }

    @Test
    void theProcessExitsWithStatus2AndAnErrorLine() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Application.class.getName())).redirectErrorStream(true);
        // No Slack setting, no database: what a fresh server with only the bot's jar has.
        pb.environment().clear();
        Process p = pb.start();
        // Generous: a loaded machine starts a JVM slowly, but the refusal comes before anything else starts.
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "still running: it should have refused to start");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("ERROR") && l.contains("Not starting: No Slack is configured, "
                + "and this coe-bot has no sandbox")), out);
    }
}
