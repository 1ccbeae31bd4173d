package io.coebot.sandbox;

import io.coebot.Startup;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's composer treats "/" as Slack's does: a message that starts with "/" is a command, one that names no
 * command is refused with Slack's own words (and the page keeps the text), and a leading space makes it a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxComposerTest {
    private Path dataDir;
    private ApplicationContext app;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("coe-sandbox-composer-");
        app = Startup.run(new String[0], Map.of(), Map.of("micronaut.server.port", -1,
                "coe.data-dir", dataDir.toString(), "coe.nudge.enabled", false));
        base = "http://127.0.0.1:" + app.getBean(EmbeddedServer.class).getPort();
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) app.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void slashTextThatIsNoCommandIsRefusedAsSlackRefusesItAndALeadingSpaceSendsIt() throws Exception {
        String channel = JsonParser.parseString(get("/sandbox/api/state?as=U0ALICE001")).getAsJsonObject()
                .getAsJsonArray("conversations").get(0).getAsJsonObject().get("id").getAsString();

        JsonObject refused = send(channel, "//which services did the canary cover?");
        assertFalse(refused.get("ok").getAsBoolean(), refused.toString());
        assertTrue(refused.get("error").getAsString().startsWith("//which is not a valid command. In Slack, all messages that "
                + "start with the \"/\" character are interpreted as commands."), refused.toString());
        assertFalse(get("/sandbox/api/state?as=U0ALICE001").contains("which services did the canary cover"),
                "nothing was posted");

        JsonObject sent = send(channel, " //which services did the canary cover?");
        assertTrue(sent.get("ok").getAsBoolean(), sent.toString());
        assertTrue(get("/sandbox/api/state?as=U0ALICE001").contains("which services did the canary cover"),
                "with a leading space it is an ordinary message");

        JsonObject command = send(channel, "/coe help");
        assertTrue(command.get("ok").getAsBoolean(), "a registered command still runs: " + command);
    }

    @Test
    void theSeededChatterIsFromBeforeTheCoeSoPinningItLandsInsideTheIncident() throws Exception {
        var messages = JsonParser.parseString(get("/sandbox/api/state?as=U0ALICE001")).getAsJsonObject()
                .getAsJsonArray("conversations").get(0).getAsJsonObject().getAsJsonArray("messages");
        java.time.Instant now = java.time.Instant.now();
        for (var m : messages) {
            String text = m.getAsJsonObject().get("text").getAsString();
            if (text.contains("Checkout is returning 500s") || text.contains("Rolling back the payments config")) {
                java.time.Instant at = io.coebot.slack.MessageTs.parse(m.getAsJsonObject().get("ts").getAsString()).orElseThrow().toInstant();
                long minutesAgo = java.time.Duration.between(at, now).toMinutes();
                assertTrue(minutesAgo >= 30 && minutesAgo <= 50, text + " was written " + minutesAgo + " minutes ago");
            }
        }
    }

    private JsonObject send(String channel, String text) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("as", "U0ALICE001");
        body.addProperty("channel", channel);
        body.addProperty("text", text);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/api/send"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
