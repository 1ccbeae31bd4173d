package io.coebot.slack;

import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /slack/events: signatures, url_verification, and acking what no feature handles. */
class SlackEntryPointEndToEndTest extends EndToEnd {

    private Map<String, String> startCommand(Person who, Channel where) {
        return ws.payloads().slashCommand(who.id(), who.name(), where.info(), "/coe", "start Sneaky",
                slack.newResponseUrl(), slack.newTriggerId());
    }

    @Test
    void unsignedWrongAndStaleRequestsGet401AndChangeNothing() {
        Person mallory = ws.user("U0MALLORY", "mallory", "UTC");
        Channel incident = ws.channel("inc-forged");

        assertEquals(401, ws.requests().unsigned().slashCommand(startCommand(mallory, incident)).status());
        assertEquals(401, ws.requests().withWrongSignature().slashCommand(startCommand(mallory, incident)).status());
        assertEquals(401, ws.requests().withStaleTimestamp().slashCommand(startCommand(mallory, incident)).status());

        // a correctly signed command right after proves the app was listening
        assertEquals(200, ws.requests().slashCommand(startCommand(mallory, incident)).status());
        incident.awaitMessageFromBot(m -> m.visibleText().contains("Sneaky"));
        assertEquals(1, incident.botMessages().size(), "only the signed command opened a COE");
    }

    /** Slack's rule is five minutes either way; Bolt's own check refused only the past. */
    @Test
    void timestampsMoreThanFiveMinutesAwayInEitherDirectionGet401() {
        Person mallory = ws.user("U0MALLOR2", "mallory", "UTC");
        Channel incident = ws.channel("inc-future");
        for (Duration ahead : new Duration[]{Duration.ofSeconds(400), Duration.ofDays(3653)}) {
            SlackResponse r = ws.requests().withClock(Clock.offset(Clock.systemUTC(), ahead)).slashCommand(startCommand(mallory, incident));
            assertEquals(401, r.status(), "signed for now + " + ahead + ": " + r);
        }
        assertTrue(incident.botMessages().isEmpty(), "a request signed for the future opened a COE");
        for (Duration off : new Duration[]{Duration.ofSeconds(-299), Duration.ofSeconds(299)}) {
            Map<String, String> help = ws.payloads().slashCommand(mallory.id(), mallory.name(), incident.info(), "/coe", "help",
                    slack.newResponseUrl(), slack.newTriggerId());
            SlackResponse r = ws.requests().withClock(Clock.offset(Clock.systemUTC(), off)).slashCommand(help);
            assertEquals(200, r.status(), "signed for now + " + off + ": " + r);
        }
    }

    @Test
    void urlVerificationIsAnswered() {
        SlackResponse r = ws.requests().urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), r.body());
    }

    @Test
    void eventsNoFeatureHandlesAreAckedNot404() {
        Person alice = ws.user("U0ALICE21", "alice", "UTC");
        Channel random = ws.channel("random-chatter");
        var message = alice.says(random, "lunch?");

        assertEquals(200, alice.reacts(random, message.ts(), "pushpin").status());
        assertEquals(200, alice.edits(random, message.ts(), "lunch at noon?") == null ? 500 : ws.lastResponse().status());
        assertEquals(200, alice.deletes(random, message.ts()).status());
        assertTrue(random.botMessages().isEmpty(), "the bot stays quiet outside COE threads");
    }

    /**
     * manifest.yml and the code must agree: what the app handles is declared, and what is declared
     * is handled, the timeline's reactions included.
     */
    @Test
    @SuppressWarnings("unchecked")
    void manifestDeclaresExactlyWhatTheAppHandles() throws Exception {
        Map<String, Object> manifest;
        // the repository's root: the bot's tests run in bot/
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("..", "manifest.yml"))) {
            manifest = new org.yaml.snakeyaml.Yaml().load(in);
        }
        var features = (Map<String, Object>) manifest.get("features");
        var settings = (Map<String, Object>) manifest.get("settings");
        var declaredCommands = new java.util.TreeSet<String>();
        ((java.util.List<Map<String, Object>>) features.get("slash_commands")).forEach(c -> declaredCommands.add((String) c.get("command")));
        var declaredShortcuts = new java.util.TreeSet<String>();
        ((java.util.List<Map<String, Object>>) features.get("shortcuts")).stream()
                .filter(s -> "message".equals(s.get("type"))).forEach(s -> declaredShortcuts.add((String) s.get("callback_id")));
        var declaredEvents = new java.util.TreeSet<String>();
        ((java.util.List<String>) ((Map<String, Object>) settings.get("event_subscriptions")).get("bot_events"))
                .forEach(e -> declaredEvents.add(e.startsWith("message.") ? "message" : e));

        SlackRegistry handled = app.bean(SlackRegistry.class);

        assertEquals(handled.commands(), declaredCommands);
        assertEquals(handled.messageShortcuts(), declaredShortcuts);
        assertEquals(handled.eventTypes(), declaredEvents);
        assertTrue(handled.eventTypes().containsAll(java.util.Set.of("reaction_added", "reaction_removed")),
                "the timeline handles its reactions");
        var scopes = (java.util.List<String>) ((Map<String, Object>) ((Map<String, Object>) manifest.get("oauth_config")).get("scopes")).get("bot");
        assertTrue(scopes.containsAll(java.util.List.of("commands", "chat:write", "channels:history", "groups:history",
                "channels:read", "groups:read", "reactions:read", "users:read", "users:read.email", "im:write", "im:history", "files:write",
                "canvases:write", "canvases:read")), scopes.toString());
        assertEquals(Boolean.TRUE, ((Map<String, Object>) settings.get("interactivity")).get("is_enabled"));
    }

    @Test
    void healthAnswersUp() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("UP"), r.body());
        assertFalse(r.body().contains(io.coebot.testing.RunningApp.BOT_TOKEN));
    }

    @Test
    void metricsAreOffUnlessTheOperatorTurnsThemOn() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode(), "without COE_METRICS_ENABLED=true there is no /metrics: " + r.body());
    }
}
