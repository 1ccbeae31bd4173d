package io.coebot.prove;

import io.coebot.interview.Interviews;

import com.google.gson.JsonObject;
import io.coebot.actions.ActionItems;
import io.coebot.coe.Coes;
import io.coebot.interview.InterviewService;
import io.coebot.interview.InterviewState;
import io.coebot.interview.Questions;
import io.coebot.slack.SlackRegistry;
import io.coebot.timeline.TimelineService;
import io.coebot.whys.WhysService;
import com.google.gson.JsonArray;
import io.coebot.sandbox.slack.Button;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackPayloads;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several workspaces can share one database: a request from another workspace (its team_id), even one
 * that names this workspace's channel, thread, COE, session or item ids, never reads or changes this
 * workspace's COE.
 */
class WorkspaceIsolationEndToEndTest extends EndToEnd {
    private static final String OTHER_TEAM = "T0OTHER99";
    /** So that the graphs' button and form do something from this workspace (and nothing from the other). */
    private final io.coebot.testing.FakePrometheus prometheus = io.coebot.testing.FakePrometheus.start();

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.prometheus.url", prometheus.url());
    }

    @org.junit.jupiter.api.AfterAll
    void stopPrometheus() {
        prometheus.close();
    }

    @Test
    void anotherWorkspaceNeitherSeesNorChangesThisWorkspacesCoe() {
        Person alice = ws.user("U0ALICE91", "alice", "UTC");
        Person mallory = ws.user("U0MALL091", "mallory", "UTC");
        Channel incident = ws.channel("inc-isolation");
        alice.runs("/coe start Secret payments outage", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Secret payments outage"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        SlackMessage question = incident.awaitReplyFromBot(card.ts(), m -> m.buttons().stream().anyMatch(b -> b.label().equals("Skip")));
        String due = LocalDate.now().plusDays(10).toString();
        alice.runs("/coe action Add the payments alarm <@" + alice.id() + "> due " + due, incident);
        slack.await("the item is stored", () -> app.bean(ActionItems.class).ofCoe(coeId).size() == 1);
        long itemId = app.bean(ActionItems.class).ofCoe(coeId).get(0).id();
        InterviewState before = app.bean(Interviews.class).find(coeId).orElseThrow();

        // Slash commands from the other workspace, in a channel with the same id.
        for (String text : new String[]{"actions", "answers", "whys", "timeline", "status", "graph", "graph timeline", "help"}) {
            SlackResponse r = command(mallory, incident, text);
            assertEquals(200, r.status(), text + ": " + r);
            assertFalse(r.body().contains("Secret payments") || r.body().contains("payments alarm") || r.body().contains("COE-1"),
                    "/coe " + text + " from another workspace shows this one's COE: " + r.body());
        }
        // A reply in the card's thread, as the other workspace's event.
        JsonObject reply = ws.payloads().messageEvent(slack.postAsUser(mallory.id(), incident.id(), "yesterday 01:00", card.ts()));
        JsonObject envelope = ws.payloads().envelope(reply);
        envelope.addProperty("team_id", OTHER_TEAM);
        envelope.addProperty("context_team_id", OTHER_TEAM);
        envelope.getAsJsonArray("authorizations").get(0).getAsJsonObject().addProperty("team_id", OTHER_TEAM);
        assertEquals(200, ws.requests().event(SlackPayloads.toJson(envelope)).status());
        // Buttons carrying this workspace's ids: Skip on the question, Done on the item, Edit of an answer.
        Button skip = question.button("Skip");
        assertTrue(click(mallory, incident, question, skip).status() < 500);
        assertTrue(click(mallory, incident, question, new Button("actions.done", String.valueOf(itemId), "Done", "x")).status() < 500);
        assertTrue(click(mallory, incident, question, new Button("interview.edit", coeId + "|" + Questions.TRIGGER_AT, "Edit", "x")).status() < 500);
        assertTrue(click(mallory, incident, question, new Button("whys.start", String.valueOf(coeId), "Start 5 Whys", "x")).status() < 500);

        InterviewState after = app.bean(Interviews.class).find(coeId).orElseThrow();
        assertEquals(before.currentQuestionId(), after.currentQuestionId(), "the other workspace skipped a question");
        assertEquals(before.answers(), after.answers(), "the other workspace answered");
        assertEquals("OPEN", app.bean(ActionItems.class).find(itemId).orElseThrow().status().name(), "the other workspace closed the item");
        assertTrue(slack.views().stream().noneMatch(v -> mallory.id().equals(v.userId())), "a form opened for the other workspace: "
                + slack.views());
        assertTrue(slack.responses().stream().noneMatch(p -> p.toString().contains("Secret payments")),
                "a response_url answer shows the COE to the other workspace");
        assertEquals(0, incident.thread(card.ts()).stream().filter(m -> m.isFromBot() && m.visibleText().contains("01:00 UTC")).count());
    }

    /**
     * Every block action id and view callback the app registers, pressed or submitted from another workspace with
     * this workspace's user and ids in its values: nothing changes and nothing is said in this workspace. The same
     * interaction from this workspace then does something, so each replay is one the app would act on.
     */
    @Test
    void everyRegisteredActionAndFormFromAnotherWorkspaceChangesNothing() {
        Person alice = ws.user("U0ALICE92", "alice", "UTC");
        Channel incident = ws.channel("inc-replay");
        alice.runs("/coe start Replayed payments outage", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Replayed payments outage"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        incident.awaitReplyFromBot(card.ts(), "trigger");
        alice.repliesInThread(incident, card.ts(), "yesterday 10:00");
        incident.awaitReplyFromBot(card.ts(), "10:00 UTC");
        String due = LocalDate.now().plusDays(10).toString();
        alice.runs("/coe action Add the replay alarm <@" + alice.id() + "> due " + due, incident);
        slack.await("the item is stored", () -> app.bean(ActionItems.class).ofCoe(coeId).size() == 1);
        long itemId = app.bean(ActionItems.class).ofCoe(coeId).get(0).id();
        alice.runs("/coe whys Checkout failed", incident);
        slack.await("the session is stored", () -> !app.bean(WhysService.class).sessionsOf(coeId).isEmpty());
        long sessionId = app.bean(WhysService.class).sessionsOf(coeId).get(0).id();
        SlackMessage said = alice.says(incident, "rolled back the deploy");
        alice.runs("/coe timeline add yesterday 10:30 Paged the on-call", incident);
        slack.await("the entry is stored", () -> !app.bean(TimelineService.class).timeline(coeId).entries().isEmpty());
        long entryId = app.bean(TimelineService.class).timeline(coeId).entries().get(0).id();
        Interviews interviews = app.bean(Interviews.class);
        java.util.function.Supplier<String> current = () -> interviews.find(coeId).orElseThrow().currentQuestionId();

        // action id -> value (computed when pressed: the current question moves); publishing last, as it closes the COE
        Map<String, java.util.function.Supplier<String>> actions = new LinkedHashMap<>();
        actions.put("interview.skip", () -> coeId + "|" + current.get());
        actions.put("interview.back", () -> coeId + "|" + current.get());
        // choices of questions not yet asked: from this workspace they are answered "already moved past"
        actions.put("interview.pick:sev2", () -> coeId + "|" + Questions.SEVERITY + "|sev2");
        actions.put("interview.pick-many", () -> coeId + "|" + Questions.NFR);
        actions.put("interview.pause", () -> coeId + "|" + current.get());
        actions.put("interview.resume", () -> String.valueOf(coeId));
        actions.put("interview.edit", () -> coeId + "|" + Questions.TRIGGER_AT);
        actions.put("whys.keep-asking", () -> sessionId + "|0|");
        actions.put("whys.start", () -> String.valueOf(coeId));
        actions.put("actions.add", () -> String.valueOf(coeId));
        actions.put("actions.snooze", () -> String.valueOf(itemId));
        actions.put("actions.change-due", () -> String.valueOf(itemId));
        actions.put("actions.reassign", () -> String.valueOf(itemId));
        actions.put("actions.wont-do", () -> String.valueOf(itemId));
        actions.put("actions.done", () -> String.valueOf(itemId));
        actions.put("timeline.show", () -> String.valueOf(coeId));
        actions.put("timeline.page.next", () -> coeId + "|1");
        actions.put("timeline.mark." + entryId, () -> coeId + "|" + entryId + "|none");
        actions.put("timeline.gap.1-2", () -> coeId + "|1-2");
        actions.put("graphs.add", () -> String.valueOf(coeId));
        actions.put("review.request", () -> String.valueOf(coeId));
        actions.put("review.approve", () -> coeId + "|1");
        actions.put("review.changes", () -> coeId + "|1");
        actions.put("review.comment", () -> coeId + "|1");
        actions.put("review.resolve", () -> coeId + "|1");
        actions.put("publish.anyway", () -> String.valueOf(coeId));
        actions.put("trackers.open", () -> String.valueOf(coeId));
        actions.put("learning_search_more", () -> "{\"q\":\"replay\",\"at\":\"0\",\"domain\":\"this\"}");
        actions.put("learning_home_more", () -> "{\"items\":\"0\",\"open\":\"0\",\"published\":\"0\"}");
        actions.put("learning_home_more_first", () -> "{\"items\":\"0\",\"open\":\"0\",\"published\":\"0\"}");
        actions.put("learning_related_add", () -> coeId + "|" + coeId);
        SlackRegistry registry = app.bean(SlackRegistry.class);
        for (Pattern registered : registry.blockActions()) {
            assertTrue(actions.keySet().stream().anyMatch(a -> registered.matcher(a).matches()),
                    "no replay for the registered action " + registered + ": add one here");
        }
        Map<String, java.util.function.Supplier<JsonObject>> forms = new LinkedHashMap<>();
        forms.put("interview.edit-answer", () -> form(coeId + "|" + Questions.TRIGGER_AT, "answer", "text", "value", "yesterday 09:00"));
        forms.put("actions.create", () -> {
            JsonObject f = form(String.valueOf(coeId), "text", "text", "value", "Alarm on replayed checkouts");
            state(f, "owner", "owner", "selected_user", alice.id());
            state(f, "due", "due", "selected_date", due);
            return f;
        });
        forms.put("actions.due", () -> form(String.valueOf(itemId), "due", "due", "selected_date", LocalDate.now().plusDays(12).toString()));
        forms.put("actions.new-owner", () -> form(String.valueOf(itemId), "owner", "owner", "selected_user", "U0BOB0092"));
        forms.put("actions.wont-do-reason", () -> form(String.valueOf(itemId), "reason", "reason", "value", "Covered by the new gateway"));
        forms.put("timeline.explain-gap", () -> form("{\"coe\":" + coeId + ",\"gap\":\"1-2\"}", "explanation", "text", "value", "Waiting for the vendor"));
        forms.put("timeline.add-message", () -> form("{\"coe\":" + coeId + ",\"channel\":\"" + incident.id() + "\",\"ts\":\"" + said.ts() + "\"}",
                "note", "text", "value", "The rollback"));
        forms.put("graphs.add-view", () -> form(String.valueOf(coeId), "query", "query", "value", "checkout_errors"));
        forms.put("review.note-form", () -> {
            JsonObject f = form(coeId + "|1|comment", "text", "text", "value", "The impact section reads well");
            state(f, "section", "section", "selected_option", "Impact");
            return f;
        });
        forms.put("review.ask-form", () -> form(String.valueOf(coeId), "reviewers", "reviewers", "selected_users", "U0BOB0092"));
        forms.put("trackers.choose", () -> form(String.valueOf(coeId), "tracker", "tracker", "selected_option", "none"));
        forms.put("publish.anyway-reason", () -> form(String.valueOf(coeId), "reason", "reason", "value", "The review is tomorrow morning."));
        assertEquals(registry.viewCallbacks(), new java.util.TreeSet<>(forms.keySet()), "every registered form has a replay here");

        // the forms change the item, so Done waits until after them; publishing closes the COE, so it comes last
        List<String> order = new ArrayList<>(actions.keySet());
        order.remove("publish.anyway");
        order.remove("actions.done");
        order.remove("learning_home_more");
        order.remove("learning_home_more_first");
        for (String a : order) {
            replayed("button " + a, incident, () -> click(alice, incident, card, a, actions.get(a).get(), OTHER_TEAM),
                    () -> click(alice, incident, card, a, actions.get(a).get(), slack.teamId()));
        }
        for (String f : forms.keySet()) {
            if (f.startsWith("publish")) continue;
            if (f.equals("review.ask-form")) {
                // from this workspace it is refused (the bar is not met): an answer in the form, nothing stored
                replayedAnswered("form " + f, () -> submit(alice, f, forms.get(f).get(), OTHER_TEAM),
                        () -> submit(alice, f, forms.get(f).get(), slack.teamId()), "quality bar is the gate");
                continue;
            }
            replayed("form " + f, incident, () -> submit(alice, f, forms.get(f).get(), OTHER_TEAM),
                    () -> submit(alice, f, forms.get(f).get(), slack.teamId()));
        }
        // the Home's More redraws alice's Home (a views.publish, not a new view): seen by when her Home last changed
        alice.opensAppHome();
        slack.await("alice's Home is drawn", () -> homeOf(alice) != null);
        for (String a : List.of("learning_home_more", "learning_home_more_first")) {
            java.time.Instant drawn = homeOf(alice).at();
            Snapshot before = snapshot();
            assertTrue(click(alice, incident, card, a, actions.get(a).get(), OTHER_TEAM).status() < 500);
            try {
                Thread.sleep(500); // the Home is drawn after the ack: give a wrong draw the time to show
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(drawn, homeOf(alice).at(), a + " from another workspace drew alice's Home");
            assertEquals(before, snapshot(), a + " from another workspace changed something");
            assertEquals(200, click(alice, incident, card, a, actions.get(a).get(), slack.teamId()).status());
            slack.await(a + " from this workspace redraws the Home", () -> !homeOf(alice).at().equals(drawn));
        }
        replayed("button actions.done", incident, () -> click(alice, incident, card, "actions.done", actions.get("actions.done").get(), OTHER_TEAM),
                () -> click(alice, incident, card, "actions.done", actions.get("actions.done").get(), slack.teamId()));
        replayed("button publish.anyway", incident, () -> click(alice, incident, card, "publish.anyway", actions.get("publish.anyway").get(), OTHER_TEAM),
                () -> click(alice, incident, card, "publish.anyway", actions.get("publish.anyway").get(), slack.teamId()));
        replayed("form publish.anyway-reason", incident, () -> submit(alice, "publish.anyway-reason", forms.get("publish.anyway-reason").get(), OTHER_TEAM),
                () -> submit(alice, "publish.anyway-reason", forms.get("publish.anyway-reason").get(), slack.teamId()));
    }

    /** From the other workspace nothing happens here; from this one, the form answers with {@code fragment}. */
    private void replayedAnswered(String what, java.util.function.Supplier<SlackResponse> fromOther,
                                  java.util.function.Supplier<SlackResponse> fromHere, String fragment) {
        Snapshot before = snapshot();
        SlackResponse r = fromOther.get();
        assertTrue(r.status() < 500, what + " from another workspace: " + r);
        Snapshot after = snapshot();
        assertEquals("", CoeRows.difference(before.rows, after.rows), what + " from another workspace changed this one's data");
        assertEquals(before.outbox, after.outbox, what + " from another workspace queued a message for this one");
        assertFalse(r.body().contains(fragment), what + " from another workspace was judged against this one's COE: " + r.body());
        r = fromHere.get();
        assertTrue(r.body().contains(fragment), what + " from this workspace: " + r.body());
    }

    /** From the other workspace nothing happens here; from this one, something does. */
    private void replayed(String what, Channel channel, java.util.function.Supplier<SlackResponse> fromOther,
                          java.util.function.Supplier<SlackResponse> fromHere) {
        Snapshot before = snapshot();
        SlackResponse r = fromOther.get();
        assertTrue(r.status() < 500, what + " from another workspace: " + r);
        Snapshot after = snapshot();
        assertEquals("", CoeRows.difference(before.rows, after.rows), what + " from another workspace changed this one's data");
        assertEquals(before.outbox, after.outbox, what + " from another workspace queued a message for this one");
        assertEquals(before.views, after.views, what + " from another workspace opened a form: " + slack.views());
        assertTrue(slack.responses().stream().skip(before.responses).noneMatch(p -> p.toString().contains("Replayed payments")
                || p.toString().contains("replay alarm")), what + " from another workspace was shown this one's COE");
        r = fromHere.get();
        assertEquals(200, r.status(), what + " from this workspace: " + r);
        slack.await(what + " from this workspace does something", () -> {
            Snapshot now = snapshot();
            return !now.rows.equals(after.rows) || now.outbox != after.outbox || now.views != after.views
                    || now.responses != after.responses;
        });
        slack.await("the outbox is empty", () -> CoeRows.pendingOutbox(app) == 0);
    }

    private io.coebot.sandbox.slack.SlackView homeOf(Person who) {
        return who.views().stream().filter(v -> "home".equals(v.type())).findFirst().orElse(null);
    }

    private record Snapshot(List<String> rows, long outbox, int views, int responses) {}

    private Snapshot snapshot() {
        slack.await("the outbox is empty", () -> CoeRows.pendingOutbox(app) == 0);
        return new Snapshot(CoeRows.of(app), CoeRows.count(app, "SELECT count(*) FROM outbox"), slack.views().size(), slack.responses().size());
    }

    private SlackResponse click(Person who, Channel channel, SlackMessage on, String actionId, String value, String team) {
        JsonObject action;
        if (actionId.equals("interview.pick-many")) {
            action = new JsonObject();
            action.addProperty("type", "checkboxes");
            action.addProperty("action_id", actionId);
            action.addProperty("block_id", "interview|" + value);
            JsonObject option = new JsonObject();
            option.addProperty("value", "security");
            JsonArray selected = new JsonArray();
            selected.add(option);
            action.add("selected_options", selected);
            action.addProperty("action_ts", "1700000000.000001");
        } else {
            action = ws.payloads().buttonAction(new Button(actionId, value, "Press", "b"));
        }
        JsonObject p = ws.payloads().blockActionsOnMessage(who.id(), who.name(), channel.info(), on, action,
                null, slack.newResponseUrl(channel.id(), who.id(), on.ts()), slack.newTriggerId(who.id()));
        asTeam(p, team);
        return ws.requests().interactivity(SlackPayloads.toJson(p));
    }

    private SlackResponse submit(Person who, String callbackId, JsonObject view, String team) {
        view.addProperty("callback_id", callbackId);
        JsonObject p = new JsonObject();
        p.addProperty("type", "view_submission");
        JsonObject user = new JsonObject();
        user.addProperty("id", who.id());
        user.addProperty("username", who.name());
        user.addProperty("team_id", team);
        p.add("user", user);
        p.addProperty("api_app_id", slack.appId());
        p.addProperty("token", SlackPayloads.VERIFICATION_TOKEN);
        p.addProperty("trigger_id", slack.newTriggerId(who.id()));
        p.add("view", view);
        p.add("response_urls", new JsonArray());
        asTeam(p, team);
        return ws.requests().interactivity(SlackPayloads.toJson(p));
    }

    private static void asTeam(JsonObject p, String team) {
        JsonObject t = new JsonObject();
        t.addProperty("id", team);
        t.addProperty("domain", team.equals(OTHER_TEAM) ? "other" : "this");
        p.add("team", t);
        if (p.has("user")) {
            p.getAsJsonObject("user").addProperty("team_id", team);
        }
    }

    /** A modal as Slack sends it back: its metadata and one field filled in. */
    private static JsonObject form(String privateMetadata, String block, String action, String key, String value) {
        JsonObject view = new JsonObject();
        view.addProperty("id", "V0REPLAY" + Math.abs(privateMetadata.hashCode() % 1000));
        view.addProperty("type", "modal");
        view.addProperty("team_id", "T-any");
        view.addProperty("private_metadata", privateMetadata);
        view.add("blocks", new JsonArray());
        JsonObject values = new JsonObject();
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        state(view, block, action, key, value);
        return view;
    }

    private static void state(JsonObject view, String block, String action, String key, String value) {
        JsonObject v = new JsonObject();
        v.addProperty("type", switch (key) {
            case "selected_user" -> "users_select";
            case "selected_users" -> "multi_users_select";
            case "selected_option" -> "static_select";
            case "selected_date" -> "datepicker";
            default -> "plain_text_input";
        });
        if (key.equals("selected_users")) {
            JsonArray users = new JsonArray();
            users.add(value);
            v.add(key, users);
        } else if (key.equals("selected_option")) {
            JsonObject option = new JsonObject();
            option.addProperty("value", value);
            v.add(key, option);
        } else {
            v.addProperty(key, value);
        }
        JsonObject b = new JsonObject();
        b.add(action, v);
        view.getAsJsonObject("state").getAsJsonObject("values").add(block, b);
    }

    private SlackResponse command(Person who, Channel channel, String text) {
        Map<String, String> f = ws.payloads().slashCommand(who.id(), who.name(), channel.info(), "/coe", text,
                slack.newResponseUrl(channel.id(), who.id(), null), slack.newTriggerId(who.id()));
        f.put("team_id", OTHER_TEAM);
        f.put("team_domain", "other");
        return ws.requests().slashCommand(f);
    }

    private SlackResponse click(Person who, Channel channel, SlackMessage on, Button b) {
        JsonObject p = ws.payloads().blockActionsOnMessage(who.id(), who.name(), channel.info(), on, ws.payloads().buttonAction(b),
                null, slack.newResponseUrl(channel.id(), who.id(), on.ts()), slack.newTriggerId(who.id()));
        JsonObject team = new JsonObject();
        team.addProperty("id", OTHER_TEAM);
        team.addProperty("domain", "other");
        p.add("team", team);
        p.getAsJsonObject("user").addProperty("team_id", OTHER_TEAM);
        return ws.requests().interactivity(SlackPayloads.toJson(p));
    }
}
