package io.coebot.sandbox.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.view.ViewState;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DSL against a real Bolt app (served by a tiny JDK adapter, in place of the Micronaut one):
 * Bolt must accept the signatures, parse every payload into the right type, and its Web API client
 * must work against FakeSlack. This is what proves the harness speaks Slack, not just itself.
 */
class SlackWorkspaceBoltTest {

    private static final String SECRET = "test-signing-secret-0123456789abcdef";

    /** Something the Bolt app observed. */
    record Seen(String kind, Map<String, String> data) {
        String get(String key) {
            return data.get(key);
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private FakeSlack fake;
    private Slack sdk;
    private App app;
    private HttpServer server;
    private ExecutorService serverThreads;
    private SlackWorkspace ws;
    private SlackWorkspace.Person alice;
    private SlackWorkspace.Person bob;
    private SlackWorkspace.Channel incident;

    @BeforeEach
    void start() throws Exception {
        fake = FakeSlack.start();
        sdk = Slack.getInstance(FakeSlackSdkTest.sdkConfig(fake, null));
        app = tinyCoeApp(AppConfig.builder().singleTeamBotToken(fake.botToken()).signingSecret(SECRET).slack(sdk).build());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        SlackRequestParser parser = new SlackRequestParser(app.config());
        server.createContext("/slack/events", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>(ex.getRequestHeaders());
            Request<?> req = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                    .requestBody(body).headers(new RequestHeaders(headers)).remoteAddress("127.0.0.1")
                    .queryString(Map.of()).build());
            Response resp;
            try {
                resp = app.run(req);
            } catch (Exception e) {
                resp = Response.builder().statusCode(500).body(e.toString()).build();
            }
            byte[] out = resp.getBody() == null ? new byte[0] : resp.getBody().getBytes(StandardCharsets.UTF_8);
            if (resp.getContentType() != null) {
                ex.getResponseHeaders().set("Content-Type", resp.getContentType());
            }
            ex.sendResponseHeaders(resp.getStatusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
            ex.close();
        });
        server.start();
        ws = new SlackWorkspace(fake, new SlackRequests("http://127.0.0.1:" + server.getAddress().getPort(), SECRET));
        alice = ws.user("U_ALICE", "alice", "Europe/Paris");
        bob = ws.user("U_BOB", "bob", "America/New_York");
        incident = ws.channel("inc-db-outage");
    }

    @AfterEach
    void stop() throws Exception {
        ws.close();
        server.stop(0);
        serverThreads.shutdownNow();
        app.stop();
        sdk.close();
        fake.close();
    }

    private void saw(String kind, Object... kv) {
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            data.put((String) kv[i], kv[i + 1] == null ? null : String.valueOf(kv[i + 1]));
        }
        seen.add(new Seen(kind, data));
    }

    private Seen awaitSeen(String kind) {
        return ws.awaitValue("the Bolt app to see " + kind,
                () -> seen.stream().filter(s -> s.kind().equals(kind)).reduce((a, b) -> b).orElse(null));
    }

    private List<Seen> seen(String kind) {
        return seen.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    private static final String CARD_BLOCKS = """
            [{"type":"header","text":{"type":"plain_text","text":"COE-1: %s"}},
             {"type":"section","text":{"type":"mrkdwn","text":"*Status:* interviewing"}},
             {"type":"actions","block_id":"card_actions","elements":[
               {"type":"button","action_id":"interview_skip","text":{"type":"plain_text","text":"Skip"},"value":"q1"},
               {"type":"button","action_id":"action_item_open","text":{"type":"plain_text","text":"Add action item"}},
               {"type":"static_select","action_id":"priority","placeholder":{"type":"plain_text","text":"Priority"},
                "options":[{"text":{"type":"plain_text","text":"P1"},"value":"p1"},{"text":{"type":"plain_text","text":"P2"},"value":"p2"}]}]}]""";

    private static final String MODAL = """
            {"type":"modal","callback_id":"action_item_new","title":{"type":"plain_text","text":"New action item"},
             "submit":{"type":"plain_text","text":"Add"},"private_metadata":"%s",
             "blocks":[
              {"type":"input","block_id":"title","label":{"type":"plain_text","text":"What"},"element":{"type":"plain_text_input","action_id":"title"}},
              {"type":"input","block_id":"owner","label":{"type":"plain_text","text":"Owner"},"element":{"type":"users_select","action_id":"owner"}},
              {"type":"input","block_id":"priority","label":{"type":"plain_text","text":"Priority"},"element":{"type":"static_select","action_id":"priority",
                "options":[{"text":{"type":"plain_text","text":"P1"},"value":"p1"},{"text":{"type":"plain_text","text":"P2"},"value":"p2"}]}},
              {"type":"input","block_id":"due","optional":true,"label":{"type":"plain_text","text":"Due"},"element":{"type":"datepicker","action_id":"due"}}]}""";

    /** A miniature coe-bot: just enough handlers to observe what the harness sends. */
    private App tinyCoeApp(AppConfig config) {
        App a = new App(config);
        a.command("/coe", (req, ctx) -> {
            var p = req.getPayload();
            saw("command", "text", p.getText(), "user", p.getUserId(), "channel", p.getChannelId(),
                    "channel_name", p.getChannelName(), "team", p.getTeamId(), "response_url", p.getResponseUrl(),
                    "trigger_id", p.getTriggerId(), "retry", null);
            if (p.getText().startsWith("start")) {
                String title = p.getText().substring("start".length()).strip();
                var card = ctx.client().chatPostMessage(r -> r.channel(p.getChannelId()).text("COE-1: " + title)
                        .blocksAsString(CARD_BLOCKS.formatted(title)));
                ctx.client().chatPostMessage(r -> r.channel(p.getChannelId()).threadTs(card.getTs())
                        .text("Q1. When did the impact start (UTC)?"));
                return ctx.ack();
            }
            if (p.getText().equals("status")) {
                ctx.respond("COE-1 is in the interview (3/8)");
                return ctx.ack();
            }
            return ctx.ack("Usage: /coe start <title>");
        });
        a.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            saw("message", "text", e.getText(), "user", e.getUser(), "bot_id", e.getBotId(), "thread_ts", e.getThreadTs(),
                    "ts", e.getTs(), "channel", e.getChannel(), "channel_type", e.getChannelType(),
                    "client_msg_id", e.getClientMsgId(), "event_id", payload.getEventId(),
                    "retry_num", ctx.getRetryNum(), "retry_reason", ctx.getRetryReason());
            if (e.getThreadTs() != null && e.getBotId() == null) {
                ctx.client().chatPostMessage(r -> r.channel(e.getChannel()).threadTs(e.getThreadTs()).text("Got: " + e.getText()));
            }
            return ctx.ack();
        });
        a.event(MessageChangedEvent.class, (payload, ctx) -> {
            var e = payload.getEvent();
            saw("changed", "text", e.getMessage().getText(), "previous", e.getPreviousMessage().getMessage().getText(),
                    "ts", e.getMessage().getTs(), "edited", e.getMessage().getEdited() == null ? null : e.getMessage().getEdited().getTs());
            return ctx.ack();
        });
        a.event(MessageDeletedEvent.class, (payload, ctx) -> {
            saw("deleted", "deleted_ts", payload.getEvent().getDeletedTs(),
                    "previous", payload.getEvent().getPreviousMessage().getText());
            return ctx.ack();
        });
        a.event(ReactionAddedEvent.class, (payload, ctx) -> {
            var e = payload.getEvent();
            saw("reaction", "reaction", e.getReaction(), "user", e.getUser(), "item_ts", e.getItem().getTs(),
                    "item_channel", e.getItem().getChannel(), "item_user", e.getItemUser());
            return ctx.ack();
        });
        a.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            String user = payload.getEvent().getUser();
            saw("home", "user", user, "tab", payload.getEvent().getTab(), "channel", payload.getEvent().getChannel());
            ctx.client().viewsPublish(r -> r.userId(user).viewAsString(
                    "{\"type\":\"home\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Your action items: 2\"}}]}"));
            return ctx.ack();
        });
        a.blockAction("interview_skip", (req, ctx) -> {
            var p = req.getPayload();
            saw("skip", "user", p.getUser().getId(), "value", p.getActions().get(0).getValue(),
                    "block_id", p.getActions().get(0).getBlockId(), "message_ts", p.getContainer().getMessageTs(),
                    "channel", p.getChannel().getId(), "message_text", p.getMessage().getText(),
                    "response_url", p.getResponseUrl(), "trigger_id", p.getTriggerId());
            ctx.respond(r -> r.text("Skipped Q1").replaceOriginal(false));
            ctx.client().chatUpdate(r -> r.channel(p.getChannel().getId()).ts(p.getContainer().getMessageTs())
                    .text("COE-1 (Q1 skipped)").blocksAsString("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"COE-1: Q1 skipped\"}}]"));
            return ctx.ack();
        });
        a.blockAction("priority", (req, ctx) -> {
            var action = req.getPayload().getActions().get(0);
            saw("priority", "value", action.getSelectedOption().getValue(), "type", action.getType(),
                    "state", String.valueOf(req.getPayload().getState().getValues().get(action.getBlockId()).get("priority")
                            .getSelectedOption().getValue()));
            return ctx.ack();
        });
        a.blockAction("action_item_open", (req, ctx) -> {
            var p = req.getPayload();
            var r = ctx.client().viewsOpen(v -> v.triggerId(p.getTriggerId()).viewAsString(MODAL.formatted(p.getContainer().getMessageTs())));
            saw("modal_opened", "ok", r.isOk(), "error", r.getError());
            return ctx.ack();
        });
        a.viewSubmission("action_item_new", (req, ctx) -> {
            Map<String, Map<String, ViewState.Value>> v = req.getPayload().getView().getState().getValues();
            String due = v.get("due").get("due").getSelectedDate();
            ViewState.SelectedOption priority = v.get("priority").get("priority").getSelectedOption();
            saw("submitted", "title", v.get("title").get("title").getValue(), "owner", v.get("owner").get("owner").getSelectedUser(),
                    "priority", priority == null ? null : priority.getValue(), "due", due,
                    "metadata", req.getPayload().getView().getPrivateMetadata(), "user", req.getPayload().getUser().getId());
            if (due == null) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of("due", "Every action item needs a due date")));
            }
            return ctx.ack();
        });
        a.messageShortcut("timeline_add", (req, ctx) -> {
            var p = req.getPayload();
            saw("shortcut", "message_ts", p.getMessageTs(), "text", p.getMessage().getText(), "user", p.getUser().getId(),
                    "channel", p.getChannel().getId());
            return ctx.ack();
        });
        return a;
    }

    @Test
    void aSlashCommandPostsTheCardAndThreadRepliesReachTheApp() {
        SlackResponse ack = alice.runs("/coe start Database outage", incident);

        assertEquals(200, ack.status());
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("COE-1: Database outage"));
        Seen command = awaitSeen("command");
        assertEquals("start Database outage", command.get("text"));
        assertEquals("inc-db-outage", command.get("channel_name"));
        assertEquals(alice.lastResponseUrl(), command.get("response_url"));
        assertEquals("T0001", command.get("team"));
        incident.awaitReplyFromBot(card.ts(), "When did the impact start");

        SlackMessage answer = bob.repliesInThread(incident, card.ts(), "14:05");

        Seen message = awaitSeen("message");
        assertEquals("14:05", message.get("text"));
        assertEquals("U_BOB", message.get("user"));
        assertEquals(card.ts(), message.get("thread_ts"));
        assertEquals(answer.ts(), message.get("ts"));
        assertEquals("channel", message.get("channel_type"));
        assertTrue(message.get("event_id").matches("Ev[0-9A-Z]{10}"), message.get("event_id"));
        assertTrue(message.get("client_msg_id") != null);
        incident.awaitReplyFromBot(card.ts(), "Got: 14:05");
        assertEquals(List.of("Q1. When did the impact start (UTC)?", "14:05", "Got: 14:05"),
                incident.thread(card.ts()).stream().map(SlackMessage::visibleText).toList());
        var envelope = Json.parseObject(ws.lastEventJson());
        assertEquals("event_callback", Json.str(envelope, "type"));
        assertEquals("A0COEBOT", Json.str(envelope, "api_app_id"));
        assertEquals("T0001", Json.str(envelope, "team_id"));
        assertEquals(answer.ts(), Json.str(envelope, "event.event_ts"));
    }

    @Test
    void theCommandsHttpAnswerAndResponseUrlPostsAreShownToThePerson() {
        alice.runs("/coe help", incident);
        alice.runs("/coe status", incident);

        assertEquals(List.of("Usage: /coe start <title>", "COE-1 is in the interview (3/8)"),
                incident.ephemeralsFor(alice).stream().map(Ephemeral::visibleText).toList());
        assertEquals(List.of("ack", "response_url"), incident.ephemeralsFor(alice).stream().map(Ephemeral::source).toList());
        assertEquals("COE-1 is in the interview (3/8)", alice.lastResponseUrlPosts().get(0).text());
        assertTrue(incident.ephemeralsFor(bob).isEmpty());
        assertTrue(incident.messages().isEmpty());
        assertTrue(fake.calls("auth.test").size() >= 1, "Bolt authorised the requests against the fake");
    }

    @Test
    void clickingAButtonSendsBlockActionsForTheMessageAsItIsNow() {
        alice.runs("/coe start Database outage", incident);
        SlackMessage card = incident.awaitMessageFromBot("COE-1");

        alice.clicks(card.button("Skip"), card, incident);

        Seen skip = awaitSeen("skip");
        assertEquals("U_ALICE", skip.get("user"));
        assertEquals("q1", skip.get("value"));
        assertEquals("card_actions", skip.get("block_id"));
        assertEquals(card.ts(), skip.get("message_ts"));
        assertEquals(incident.id(), skip.get("channel"));
        assertEquals("COE-1: Database outage", skip.get("message_text"));
        assertEquals(alice.lastResponseUrl(), skip.get("response_url"));
        assertEquals(alice.lastTriggerId(), skip.get("trigger_id"));
        assertEquals("Skipped Q1", alice.lastResponseUrlPosts().get(0).text());
        SlackMessage updated = incident.awaitMessage(card.ts(), m -> m.visibleText().equals("COE-1: Q1 skipped"));
        assertTrue(updated.buttons().isEmpty());
        AssertionError gone = assertThrows(AssertionError.class, () -> alice.clicks(card.button("Skip"), card, incident));
        assertTrue(gone.getMessage().contains("no longer"), gone.getMessage());
    }

    @Test
    void selectingAnOptionSendsTheSelectedOption() {
        alice.runs("/coe start Database outage", incident);
        SlackMessage card = incident.awaitMessageFromBot("COE-1");

        alice.selects("priority", List.of("p1"), card, incident);

        Seen priority = awaitSeen("priority");
        assertEquals("p1", priority.get("value"));
        assertEquals("static_select", priority.get("type"));
        assertEquals("p1", priority.get("state"));
        assertThrows(IllegalArgumentException.class, () -> alice.selects("priority", List.of("p9"), card, incident),
                "a person can only pick an offered option");
    }

    @Test
    void aModalIsOpenedSubmittedWithStateAndKeptOpenOnErrors() {
        alice.runs("/coe start Database outage", incident);
        SlackMessage card = incident.awaitMessageFromBot("COE-1");
        alice.clicks("Add action item", card, incident);
        SlackView modal = alice.awaitOpenView("action_item_new");
        assertEquals("true", awaitSeen("modal_opened").get("ok"));
        assertEquals(card.ts(), modal.privateMetadata());

        SlackResponse first = alice.submits("action_item_new", Map.of(
                "title", Map.of("title", "Alarm on p99 latency"),
                "owner", Map.of("owner", "U_BOB"),
                "priority", Map.of("priority", "p2")));

        assertEquals("errors", Json.str(first.json(), "response_action"));
        Seen submitted = awaitSeen("submitted");
        assertEquals("Alarm on p99 latency", submitted.get("title"));
        assertEquals("U_BOB", submitted.get("owner"));
        assertEquals("p2", submitted.get("priority"));
        assertNull(submitted.get("due"), "an empty optional input arrives as null");
        assertEquals(card.ts(), submitted.get("metadata"));
        assertTrue(fake.view(modal.id()).open());
        assertEquals(Map.of("due", "Every action item needs a due date"), fake.view(modal.id()).errors());

        alice.submits(modal.id(), Map.of("title", Map.of("title", "Alarm on p99 latency"), "owner", Map.of("owner", "U_BOB"),
                "priority", Map.of("priority", "p2"), "due", Map.of("due", "2025-12-01")));

        assertEquals("2025-12-01", seen("submitted").get(1).get("due"));
        assertFalse(fake.view(modal.id()).open(), "an empty ack closes the modal");
        assertThrows(AssertionError.class, () -> alice.submits(modal.id(), Map.of()), "a closed modal cannot be submitted");
    }

    @Test
    void editsAndDeletesArriveAsMessageChangedAndMessageDeleted() {
        SlackMessage said = bob.says(incident, "deploy at 14:05");
        SlackMessage edited = bob.edits(incident, said.ts(), "deploy at 14:03");
        Seen changed = awaitSeen("changed");

        assertEquals("deploy at 14:03", changed.get("text"));
        assertEquals("deploy at 14:05", changed.get("previous"));
        assertEquals(said.ts(), changed.get("ts"));
        assertTrue(edited.isEdited());
        assertTrue(changed.get("edited") != null);

        bob.deletes(incident, said.ts());

        Seen deleted = awaitSeen("deleted");
        assertEquals(said.ts(), deleted.get("deleted_ts"));
        assertEquals("deploy at 14:03", deleted.get("previous"));
        assertNull(incident.message(said.ts()));
    }

    @Test
    void aRetryIsTheSameEventWithRetryHeaders() {
        bob.says(incident, "first try");
        String original = ws.lastEventJson();

        ws.deliverAgain(original, 1);

        assertEquals(2, ws.awaitValue("two deliveries", () -> seen("message").size() == 2 ? 2 : null));
        Seen first = seen("message").get(0);
        Seen retry = seen("message").get(1);
        assertEquals(first.get("event_id"), retry.get("event_id"));
        assertNull(first.get("retry_num"));
        assertEquals("1", retry.get("retry_num"));
        assertEquals("http_timeout", retry.get("retry_reason"));
    }

    @Test
    void botMessagesComeBackAsEventsThatBoltRecognisesAsItsOwn() {
        ws.deliverBotMessagesAsEvents(true);

        alice.runs("/coe start Database outage", incident);
        SlackMessage card = incident.awaitMessageFromBot("COE-1");
        ws.awaitBotEventsDelivered();

        List<SlackWorkspace.Delivery> botEvents = ws.deliveries().stream().filter(d -> d.kind().startsWith("bot posted")).toList();
        assertEquals(2, botEvents.size(), ws.deliveries().toString());
        botEvents.forEach(d -> assertEquals(200, d.response().status()));
        var event = Json.parseObject(botEvents.get(0).body()).getAsJsonObject("event");
        assertEquals(fake.botUserId(), Json.str(event, "user"));
        assertEquals(fake.botId(), Json.str(event, "bot_id"));
        assertEquals(fake.appId(), Json.str(event, "app_id"));
        assertNull(Json.str(event, "subtype"));
        assertEquals(card.ts(), Json.str(event, "ts"));
        assertTrue(seen("message").isEmpty(), "Bolt's IgnoringSelfEvents dropped the bot's own messages: " + seen);

        bob.repliesInThread(incident, card.ts(), "14:05");
        incident.awaitReplyFromBot(card.ts(), "Got: 14:05");
        ws.awaitBotEventsDelivered();
        assertEquals(1, seen("message").size(), "only the person's reply reached the handler: " + seen);
    }

    @Test
    void badSignaturesAreRejectedByBolt() {
        Map<String, String> fields = ws.payloads().slashCommand("U_ALICE", "alice", incident.info(), "/coe", "help",
                fake.newResponseUrl(), fake.newTriggerId());
        SlackRequests requests = ws.requests();

        assertEquals(401, requests.unsigned().slashCommand(fields).status());
        assertEquals(401, requests.withWrongSignature().slashCommand(fields).status());
        assertEquals(401, requests.withStaleTimestamp().slashCommand(fields).status());
        assertEquals(200, requests.slashCommand(fields).status());
        assertEquals(1, seen("command").size());
    }

    @Test
    void reactionsAppHomeAndShortcutsReachTheApp() {
        SlackMessage msg = bob.says(incident, "14:05 deploy of v42 started");

        alice.reacts(incident, msg.ts(), "pushpin");
        alice.usesShortcut("timeline_add", msg, incident);
        alice.opensAppHome();

        Seen reaction = awaitSeen("reaction");
        assertEquals("pushpin", reaction.get("reaction"));
        assertEquals(msg.ts(), reaction.get("item_ts"));
        assertEquals("U_BOB", reaction.get("item_user"));
        assertEquals(List.of("U_ALICE"), incident.message(msg.ts()).reactions().get("pushpin"));
        Seen shortcut = awaitSeen("shortcut");
        assertEquals(msg.ts(), shortcut.get("message_ts"));
        assertEquals("14:05 deploy of v42 started", shortcut.get("text"));
        assertEquals("home", awaitSeen("home").get("tab"));
        assertEquals(alice.dm().id(), awaitSeen("home").get("channel"));
        SlackView home = ws.awaitValue("home published", () -> alice.views().stream().filter(v -> v.type().equals("home")).findFirst().orElse(null));
        assertEquals("Your action items: 2", home.visibleText());
    }

    @Test
    void aDirectMessageIsAnImEvent() {
        bob.says(bob.dm(), "snooze AI-3");

        Seen m = awaitSeen("message");
        assertEquals("im", m.get("channel_type"));
        assertTrue(m.get("channel").startsWith("D"));
    }

    @Test
    void aRefusedDeliveryFailsTheStepUnlessAllowed() {
        var unhandled = Json.obj("type", "member_joined_channel", "user", "U_BOB", "channel", incident.id(),
                "event_ts", fake.nextTs());

        AssertionError e = assertThrows(AssertionError.class, () -> ws.deliverEvent(unhandled));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());

        ws.requireAck(false);
        assertEquals(404, ws.deliverEvent(unhandled.deepCopy()).status());
        assertTrue(ws.dump().contains("member_joined_channel"), "the dump lists deliveries");
    }

    @Test
    void waitingOnSomethingThatNeverHappensExplainsItself() {
        fake.awaitTimeout(Duration.ofMillis(150));
        bob.says(incident, "anyone?");

        AssertionError e = assertThrows(AssertionError.class, () -> incident.awaitMessageFromBot("COE-9"));

        assertTrue(e.getMessage().contains("showing \"COE-9\""), e.getMessage());
        assertTrue(e.getMessage().contains("anyone?"), e.getMessage());
        assertTrue(e.getMessage().contains("Requests delivered to the app"), e.getMessage());
        assertEquals(Optional.empty(), fake.lastCall("chat.postMessage"));
    }
}
