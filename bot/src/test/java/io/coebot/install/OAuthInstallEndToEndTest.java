package io.coebot.install;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import io.coebot.sandbox.slack.ApiCall;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackPayloads;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: coe-bot distributed to many workspaces. Each workspace installs it through "Add to Slack" (the bot's
 * /slack/install, Slack's consent page, back to /slack/oauth_redirect), and from then on every Web API call made for
 * a workspace carries that workspace's own token; an uninstall stops the calls for that workspace only.
 */
class OAuthInstallEndToEndTest extends EndToEnd {
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.slack.bot-token", "", "coe.slack.client-id", FakeSlack.CLIENT_ID,
                "coe.slack.client-secret", FakeSlack.CLIENT_SECRET, "coe.secret-key", KEY);
    }

    @BeforeAll
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** A person's browser: it keeps the cookie /slack/install sets, as a browser does. */
    private record Browser(HttpClient http) {
        static Browser open() {
            return new Browser(HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
        }

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** What the "Add to Slack" page links to: Slack's consent page, with its query parameters. */
    private Map<String, String> consentPage(Browser browser) throws Exception {
        HttpResponse<String> page = browser.get(app.baseUrl() + "/slack/install");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Add to Slack"), page.body());
        Matcher link = Pattern.compile("id=\"add-to-slack\" href=\"([^\"]+)\"").matcher(page.body());
        assertTrue(link.find(), page.body());
        String url = link.group(1).replace("&amp;", "&");
        assertTrue(url.startsWith("https://slack.com/oauth/v2/authorize?"), url);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private HttpResponse<String> backFromSlack(Browser browser, String code, String state) throws Exception {
        return browser.get(app.baseUrl() + "/slack/oauth_redirect?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    /** The whole "Add to Slack" for one workspace, as its admin's browser goes through it. */
    private void install(String teamId, String teamName) throws Exception {
        Browser browser = Browser.open();
        Map<String, String> consent = consentPage(browser);
        HttpResponse<String> done = backFromSlack(browser, slack.oauthCode(teamId, teamName, "U0ADMIN" + teamId.substring(1)),
                consent.get("state"));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("coe-bot is installed") && done.body().contains(teamName), done.body());
    }

    private SlackResponse command(String teamId, Person who, Channel channel, String text) {
        Map<String, String> f = ws.payloads().slashCommand(who.id(), who.name(), channel.info(), "/coe", text,
                slack.newResponseUrl(channel.id(), who.id(), null), slack.newTriggerId(who.id()));
        f.put("team_id", teamId);
        f.put("team_domain", teamId.toLowerCase());
        return ws.requests().slashCommand(f);
    }

    private SlackResponse event(String teamId, JsonObject event) {
        JsonObject envelope = ws.payloads().envelope(event);
        envelope.addProperty("team_id", teamId);
        envelope.addProperty("context_team_id", teamId);
        envelope.getAsJsonArray("authorizations").get(0).getAsJsonObject().addProperty("team_id", teamId);
        return ws.requests().event(SlackPayloads.toJson(envelope));
    }

    /** The workspaces whose tokens the calls made in {@code channel} carried. */
    private List<String> teamsCalledFor(String channel) {
        List<String> teams = new ArrayList<>();
        for (ApiCall c : slack.calls()) {
            if (channel.equals(c.param("channel"))) {
                teams.add(String.valueOf(slack.teamOfToken(c.token())));
            }
        }
        return teams;
    }

    @Test
    void addToSlackAsksForTheManifestsScopesWithAFreshState() throws Exception {
        Map<String, String> first = consentPage(Browser.open());
        Map<String, String> second = consentPage(Browser.open());
        assertEquals(FakeSlack.CLIENT_ID, first.get("client_id"));
        assertFalse(first.get("state").isBlank());
        assertFalse(first.get("state").equals(second.get("state")), "each install gets its own state");
        assertEquals(manifestBotScopes(), List.of(first.get("scope").split(",")), "the bot asks for what manifest.yml declares");
    }

    @Test
    void twoWorkspacesInstallAndEachIsServedWithItsOwnToken() throws Exception {
        install("T0ALPHA01", "Alpha Corp");
        install("T0BETA002", "Beta Inc");
        Person alice = ws.user("U0ALICE51", "alice", "UTC");
        Person bob = ws.user("U0BOB0051", "bob", "UTC");
        Channel alpha = ws.channel("inc-alpha-db");
        Channel beta = ws.channel("inc-beta-dns");

        assertEquals(200, command("T0ALPHA01", alice, alpha, "start Alpha database outage").status());
        assertEquals(200, command("T0BETA002", bob, beta, "start Beta DNS outage").status());

        SlackMessage alphaCard = alpha.awaitMessageFromBot(m -> m.visibleText().contains("Alpha database outage"));
        SlackMessage betaCard = beta.awaitMessageFromBot(m -> m.visibleText().contains("Beta DNS outage"));
        alpha.awaitReplyFromBot(alphaCard.ts(), m -> true);
        beta.awaitReplyFromBot(betaCard.ts(), m -> true);
        // Bolt's ctx.client() (a modal opened while the person waits) carries the workspace's token too
        assertEquals(200, command("T0BETA002", bob, beta, "action Lower the DNS TTL").status());
        ApiCall opened = slack.awaitValue("the item form opened", () -> slack.lastCall("views.open").orElse(null));
        assertEquals("T0BETA002", slack.teamOfToken(opened.token()));
        List<String> alphaTeams = teamsCalledFor(alpha.id());
        List<String> betaTeams = teamsCalledFor(beta.id());
        assertFalse(alphaTeams.isEmpty());
        assertFalse(betaTeams.isEmpty());
        assertTrue(alphaTeams.stream().allMatch("T0ALPHA01"::equals), "calls for Alpha carried: " + alphaTeams);
        assertTrue(betaTeams.stream().allMatch("T0BETA002"::equals), "calls for Beta carried: " + betaTeams);

        // at rest, only sealed: no row and no log line holds either token, the client secret or the key
        List<String> tokens = slack.calls().stream().map(ApiCall::token).filter(t -> slack.teamOfToken(t) != null).distinct().toList();
        assertEquals(2, tokens.size(), tokens.size() + " tokens used");
        List<String> rows = app.databaseAsText();
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("slack_installation: ") && r.contains("T0ALPHA01")), "installations stored");
        List<String> secrets = new ArrayList<>(tokens);
        secrets.add(FakeSlack.CLIENT_SECRET);
        secrets.add(KEY);
        for (String secret : secrets) {
            assertTrue(rows.stream().noneMatch(r -> r.contains(secret)), "a row holds a secret");
            assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains(secret)
                    || (e.getThrowableProxy() != null && e.getThrowableProxy().getMessage() != null
                    && e.getThrowableProxy().getMessage().contains(secret))), "a log line holds a secret");
        }
        assertFalse(logs.list.isEmpty(), "logs were captured");
    }

    @Test
    void aReusedOrForgedStateIsRefused() throws Exception {
        Browser browser = Browser.open();
        String state = consentPage(browser).get("state");
        String code = slack.oauthCode("T0GAMMA03", "Gamma Ltd", "U0GAMMA03");
        assertEquals(200, backFromSlack(browser, code, state).statusCode());
        int exchanges = slack.calls("oauth.v2.access").size();

        HttpResponse<String> again = backFromSlack(browser, slack.oauthCode("T0GAMMA03", "Gamma Ltd", "U0GAMMA03"), state);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("expired or was already used"), again.body());

        Browser other = Browser.open();
        consentPage(other);
        HttpResponse<String> forged = backFromSlack(other, slack.oauthCode("T0EVIL004", "Evil", "U0EVIL004"), "forged-state-123");
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("expired or was already used"), forged.body());
        // someone else's real state, in a browser that did not begin that install
        String victims = consentPage(Browser.open()).get("state");
        HttpResponse<String> stolen = backFromSlack(other, slack.oauthCode("T0EVIL004", "Evil", "U0EVIL004"), victims);
        assertEquals(400, stolen.statusCode());
        assertEquals(exchanges, slack.calls("oauth.v2.access").size(), "a refused state never reaches Slack");
        assertFalse(forged.body().contains("Exception") || forged.body().contains("at io.coebot"), forged.body());
    }

    @Test
    void uninstallingStopsTheCallsForThatWorkspaceWhileTheOtherGoesOn() throws Exception {
        install("T0DELTA05", "Delta");
        install("T0EPSIL06", "Epsilon");
        Person dana = ws.user("U0DANA061", "dana", "UTC");
        Person eve = ws.user("U0EVE0061", "eve", "UTC");
        Channel delta = ws.channel("inc-delta-cache");
        Channel epsilon = ws.channel("inc-epsilon-queue");
        // Delta's card meets a busy Slack (429 for 2 s) and is still queued when Delta uninstalls the app
        slack.rateLimitNext("chat.postMessage", 2);
        assertEquals(200, command("T0DELTA05", dana, delta, "start Delta cache outage").status());
        slack.await("the card was tried once", () -> !teamsCalledFor(delta.id()).isEmpty()
                && slack.calls("chat.postMessage").stream().anyMatch(c -> delta.id().equals(c.param("channel"))));
        String due = java.time.LocalDate.now().plusDays(20).toString();
        assertEquals(200, command("T0DELTA05", dana, delta, "action Add the cache alarm <@" + dana.id() + "> due " + due).status());
        ws.await("Delta's item is stored", () -> app.count("SELECT count(*) FROM action_item WHERE team_id = 'T0DELTA05'") == 1);
        JsonObject uninstalled = new JsonObject();
        uninstalled.addProperty("type", "app_uninstalled");
        uninstalled.addProperty("event_ts", slack.nextTs());
        assertEquals(200, event("T0DELTA05", uninstalled).status());
        slack.revokeTokensOf("T0DELTA05");
        int deltaCalls = teamsCalledFor(delta.id()).size();

        ws.await("Delta's card is given up", () -> app.count("SELECT count(*) FROM outbox WHERE team_id = 'T0DELTA05' "
                + "AND status = 'FAILED' AND last_error = 'app_not_installed'") >= 1);
        assertEquals(200, command("T0EPSIL06", eve, epsilon, "start Epsilon queue outage").status());
        epsilon.awaitMessageFromBot(m -> m.visibleText().contains("Epsilon queue outage"));
        assertEquals(200, command("T0EPSIL06", eve, epsilon, "action Add the queue alarm <@" + eve.id() + "> due " + due).status());
        ws.await("Epsilon's item is stored", () -> app.count("SELECT count(*) FROM action_item WHERE team_id = 'T0EPSIL06'") == 1);
        // the morning nudge: Eve gets her digest, nobody in Delta gets one
        var nudged = app.bean(io.coebot.actions.NudgeRun.class).runAsIfSendTimeForEveryone(java.time.Instant.now());
        assertTrue(nudged.digests() >= 1, nudged.toString());
        eve.awaitDm(m -> m.visibleText().contains("Add the queue alarm"));
        slack.await("every digest queued is sent", () -> app.unsentMessages() == 0);
        assertTrue(dana.dms().isEmpty(), "Delta was nudged after its uninstall");
        assertEquals(0, app.count("SELECT count(*) FROM outbox WHERE team_id = 'T0DELTA05' AND channel_id = '" + dana.id() + "'"),
                "a digest was queued for Delta");
        String responseUrl = slack.newResponseUrl(delta.id(), dana.id(), null);
        Map<String, String> again = ws.payloads().slashCommand(dana.id(), dana.name(), delta.info(), "/coe", "start Delta again",
                responseUrl, slack.newTriggerId(dana.id()));
        again.put("team_id", "T0DELTA05");
        assertEquals(200, ws.requests().slashCommand(again).status());
        // Bolt tells the person through the command's response_url (no token needed, none used)
        slack.await("the person is told", () -> slack.responses(responseUrl).stream()
                .anyMatch(r -> r.text() != null && r.text().contains("coe-bot is not installed in this workspace")));
        SlackResponse message = event("T0DELTA05", ws.payloads().messageEvent(slack.postAsUser(dana.id(), delta.id(), "anyone?", null)));
        assertTrue(message.status() < 500, "an event from a workspace without an installation is acked: " + message);

        assertEquals(deltaCalls, teamsCalledFor(delta.id()).size(), "no call for Delta after its uninstall");
        assertTrue(slack.calls().stream().noneMatch(c -> "T0DELTA05".equals(slack.teamOfToken(c.token()))
                && c.at().isAfter(java.time.Instant.now().minusSeconds(1))), "nothing with Delta's token");
        assertEquals(0, app.count("SELECT count(*) FROM slack_installation WHERE team_id = 'T0DELTA05'"));
        assertTrue(teamsCalledFor(epsilon.id()).stream().allMatch("T0EPSIL06"::equals));
    }

    /**
     * Enterprise Grid: an org-wide install is one token for every workspace of the organisation. A workspace's
     * command is answered, and its card posted by the outbox (which knows only the workspace), with that token.
     */
    @Test
    void anOrgWideInstallServesEachWorkspaceOfTheOrganisation() throws Exception {
        Browser browser = Browser.open();
        String state = consentPage(browser).get("state");
        HttpResponse<String> done = backFromSlack(browser, slack.oauthCodeOrgWide("E0GRID007", "Grid Co", "U0ADMIN07"), state);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("Grid Co"), done.body());
        assertEquals(1, app.count("SELECT count(*) FROM slack_installation WHERE enterprise_id = 'E0GRID007' AND team_id = '' "
                + "AND is_enterprise_install"));

        Person gus = ws.user("U0GUS0071", "gus", "UTC");
        Channel grid = ws.channel("inc-grid-sso");
        Map<String, String> f = ws.payloads().slashCommand(gus.id(), gus.name(), grid.info(), "/coe", "start Grid SSO outage",
                slack.newResponseUrl(grid.id(), gus.id(), null), slack.newTriggerId(gus.id()));
        f.put("team_id", "T0GRIDWS7");
        f.put("enterprise_id", "E0GRID007");
        assertEquals(200, ws.requests().slashCommand(f).status());
        SlackMessage card = grid.awaitMessageFromBot(m -> m.visibleText().contains("Grid SSO outage"));
        grid.awaitReplyFromBot(card.ts(), m -> true);
        List<String> teams = teamsCalledFor(grid.id());
        assertFalse(teams.isEmpty());
        assertTrue(teams.stream().allMatch("E0GRID007"::equals), "calls for the Grid workspace carried: " + teams);
    }

    @SuppressWarnings("unchecked")
    private static List<String> manifestBotScopes() throws Exception {
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("..", "manifest.yml"))) {
            Map<String, Object> manifest = new org.yaml.snakeyaml.Yaml().load(in);
            return (List<String>) ((Map<String, Object>) ((Map<String, Object>) manifest.get("oauth_config")).get("scopes")).get("bot");
        }
    }
}
