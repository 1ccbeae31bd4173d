package io.coebot.prove;

import com.google.gson.JsonObject;
import io.coebot.actions.ActionStore;
import io.coebot.coe.CoeStore;
import io.coebot.interview.InterviewService;
import io.coebot.interview.InterviewState;
import io.coebot.interview.Questions;
import io.coebot.sandbox.slack.Button;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackPayloads;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

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

    @Test
    void anotherWorkspaceNeitherSeesNorChangesThisWorkspacesCoe() {
        Person alice = ws.user("U0ALICE91", "alice", "UTC");
        Person mallory = ws.user("U0MALL091", "mallory", "UTC");
        Channel incident = ws.channel("inc-isolation");
        alice.runs("/coe start Secret payments outage", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Secret payments outage"));
        long coeId = app.bean(CoeStore.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        SlackMessage question = incident.awaitReplyFromBot(card.ts(), m -> m.buttons().stream().anyMatch(b -> b.label().equals("Skip")));
        String due = LocalDate.now().plusDays(10).toString();
        alice.runs("/coe action Add the payments alarm <@" + alice.id() + "> due " + due, incident);
        slack.await("the item is stored", () -> app.bean(ActionStore.class).ofCoe(coeId).size() == 1);
        long itemId = app.bean(ActionStore.class).ofCoe(coeId).get(0).id();
        InterviewState before = app.bean(InterviewService.class).stateOf(coeId).orElseThrow();

        // Slash commands from the other workspace, in a channel with the same id.
        for (String text : new String[]{"actions", "answers", "whys", "timeline", "status", "help"}) {
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

        InterviewState after = app.bean(InterviewService.class).stateOf(coeId).orElseThrow();
        assertEquals(before.currentQuestionId(), after.currentQuestionId(), "the other workspace skipped a question");
        assertEquals(before.answers(), after.answers(), "the other workspace answered");
        assertEquals("OPEN", app.bean(ActionStore.class).find(itemId).orElseThrow().status().name(), "the other workspace closed the item");
        assertTrue(slack.views().stream().noneMatch(v -> mallory.id().equals(v.userId())), "a form opened for the other workspace: "
                + slack.views());
        assertTrue(slack.responses().stream().noneMatch(p -> p.toString().contains("Secret payments")),
                "a response_url answer shows the COE to the other workspace");
        assertEquals(0, incident.thread(card.ts()).stream().filter(m -> m.isFromBot() && m.visibleText().contains("01:00 UTC")).count());
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
