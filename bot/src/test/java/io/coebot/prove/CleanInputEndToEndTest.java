package io.coebot.prove;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.coebot.coe.Coes;
import io.coebot.interview.Interviews;
import io.coebot.sandbox.slack.Button;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackPayloads;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackView;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.slack.SlackRegistry;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people send is kept even when it holds a NUL or half of an emoji (a lone surrogate): the answer is stored with
 * U+FFFD in their place and Slack gets its 200 at once, whatever kind of request carried it. Button values and form
 * metadata the bot never made get a calm answer and change nothing, never a 5xx that Slack would retry.
 */
class CleanInputEndToEndTest extends EndToEnd {
    private static final String FFFD = "\uFFFD";
    /** Stands for a lone surrogate in a message until the JSON is written: Java's UTF-8 encoder would turn it into '?'. */
    private static final String LONE = "LONESURROGATEHERE";

    @Test
    void aNulOrALoneSurrogateInARepliesEditsCommandsAndFormsIsStoredAsTheReplacementCharacter() {
        Person alice = ws.user("U0ALICE31", "alice", "UTC");
        Channel incident = ws.channel("inc-nul");
        long coeId = startAndAnswerTheTimes(alice, incident, "Nul outage");
        SlackMessage card = incident.botMessages().get(0);
        Interviews interviews = app.bean(Interviews.class);
        String questionId = interviews.find(coeId).orElseThrow().currentQuestionId();

        // a thread reply with a NUL: acked on the first delivery, and stored
        SlackMessage reply = slack.postAsUser(alice.id(), incident.id(), "Checkout\u0000 and payments", card.ts());
        SlackResponse r = ws.requests().event(SlackPayloads.toJson(ws.payloads().envelope(ws.payloads().messageEvent(reply))));
        assertEquals(200, r.status(), "a reply with a NUL: " + r);
        ws.await("the answer is stored", () -> interviews.find(coeId).orElseThrow().answers().containsKey(questionId));
        assertEquals("Checkout" + FFFD + " and payments", interviews.find(coeId).orElseThrow().answers().get(questionId).text());

        // the same message edited to hold a lone surrogate (written as Slack writes it, \ud83d in the JSON)
        SlackMessage edited = slack.editAsUser(incident.id(), reply.ts(), "Checkout " + LONE + " only");
        String edit = SlackPayloads.toJson(ws.payloads().envelope(ws.payloads().messageChangedEvent(reply, edited)))
                .replace(LONE, "\\ud83d");
        r = ws.requests().event(edit);
        assertEquals(200, r.status(), "an edit with a lone surrogate: " + r);
        ws.await("the edit is stored", () -> interviews.find(coeId).orElseThrow().answers().get(questionId).text()
                .equals("Checkout " + FFFD + " only"));

        // a form: the answer edited in /coe answers
        alice.runs("/coe answers", incident);
        var list = incident.awaitEphemeralFor(alice, e -> e.visibleText().contains("Answers · COE-"));
        Button editButton = list.buttons().stream().filter(b -> b.value() != null && b.value().endsWith("|" + questionId))
                .findFirst().orElseThrow();
        alice.clicks(editButton, list);
        r = alice.submits("interview.edit-answer", Map.of("answer", Map.of("text", "Checkout\u0000 again")));
        assertEquals(200, r.status(), "a form with a NUL: " + r);
        ws.await("the form's answer is stored", () -> interviews.find(coeId).orElseThrow().answers().get(questionId).text()
                .equals("Checkout" + FFFD + " again"));

        // a slash command with a NUL: done, not "try again in a moment"
        Channel other = ws.channel("inc-nul-command");
        r = alice.runs("/coe start Disk\u0000 full", other);
        assertEquals(200, r.status(), r.toString());
        assertFalse(r.body().contains("try again"), r.body());
        other.awaitMessageFromBot(m -> m.visibleText().contains("Disk"));
        assertEquals("Disk" + FFFD + " full", app.bean(Coes.class).openIn(slack.teamId(), other.id()).orElseThrow().title());
    }

    @Test
    void malformedButtonValuesFormMetadataAndEventFieldsAreAnsweredCalmlyAndChangeNothing() {
        Person alice = ws.user("U0ALICE32", "alice", "UTC");
        Channel incident = ws.channel("inc-malformed");
        alice.runs("/coe start Malformed", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Malformed"));
        incident.awaitReplyFromBot(card.ts(), "trigger");
        alice.repliesInThread(incident, card.ts(), "yesterday 10:00");
        incident.awaitReplyFromBot(card.ts(), "10:00 UTC");
        SlackMessage question = incident.awaitReplyFromBot(card.ts(), m -> m.buttons().stream().anyMatch(b -> b.label().equals("Skip"))
                && !m.visibleText().contains("When did it start"));
        // a real answer form, to send back with metadata the bot never wrote
        alice.runs("/coe answers", incident);
        var list = incident.awaitEphemeralFor(alice, e -> e.visibleText().contains("Answers · COE-"));
        alice.clicks(list.buttons().get(0), list);
        SlackView form = slack.latestView("interview.edit-answer");
        slack.await("the outbox is empty", () -> CoeRows.pendingOutbox(app) == 0);
        List<String> before = CoeRows.of(app);
        int botMessages = slack.allMessages().size();

        // every button the bot showed: on the card and on the question
        List<Button> buttons = new java.util.ArrayList<>(card.buttons());
        buttons.addAll(question.buttons());
        assertTrue(buttons.size() >= 4, "buttons: " + buttons);
        Map<String, Consumer<JsonObject>> values = new java.util.LinkedHashMap<>();
        values.put("abc", a -> a.addProperty("value", "abc"));
        values.put("empty", a -> a.addProperty("value", ""));
        values.put("24 digits", a -> a.addProperty("value", "123456789012345678901234"));
        values.put("24 digits and more", a -> a.addProperty("value", "123456789012345678901234|trigger_at|x"));
        values.put("missing", a -> a.remove("value"));
        values.put("a number", a -> a.add("value", new JsonPrimitive(12.5)));
        values.put("an object", a -> a.add("value", new JsonObject()));
        values.put("an array", a -> a.add("value", new JsonArray()));
        for (Button b : buttons) {
            for (var v : values.entrySet()) {
                JsonObject action = ws.payloads().buttonAction(b);
                v.getValue().accept(action);
                String url = slack.newResponseUrl(incident.id(), alice.id(), question.ts());
                JsonObject p = ws.payloads().blockActionsOnMessage(alice.id(), alice.name(), incident.info(), question, action,
                        null, url, slack.newTriggerId(alice.id()));
                SlackResponse r = ws.requests().interactivity(SlackPayloads.toJson(p));
                String what = b.actionId() + " with " + v.getKey() + " as its value";
                boolean wrongType = v.getKey().startsWith("an ");
                // a value of the wrong JSON type is a request Slack never sends: 400 is fine there, a 5xx never
                assertTrue(wrongType ? r.status() == 200 || r.status() == 400 : r.status() == 200, what + ": " + r);
                if (v.getKey().equals("abc") && b.label().equals("Skip")) {
                    assertTrue(slack.responses(url).stream().anyMatch(x -> x.toString().contains("out of date")),
                            what + ": no calm answer, only " + slack.responses(url));
                }
            }
        }

        // a form whose private_metadata the bot never wrote
        for (String meta : new String[]{"abc", "", "123456789012345678901234|trigger_at", "1", "{\"coe\":[]}"}) {
            JsonObject p = ws.payloads().viewSubmission(alice.id(), alice.name(), form, Map.of("answer", Map.of("text", "yesterday 09:00")),
                    slack.newTriggerId(alice.id()));
            p.getAsJsonObject("view").addProperty("private_metadata", meta);
            SlackResponse r = ws.requests().interactivity(SlackPayloads.toJson(p));
            assertEquals(200, r.status(), "a form with private_metadata '" + meta + "': " + r);
        }

        // thread replies whose fields have the wrong type
        for (String field : new String[]{"user", "text", "thread_ts", "ts"}) {
            JsonObject e = ws.payloads().envelope(ws.payloads().messageEvent(
                    slack.postAsUser(alice.id(), incident.id(), "yesterday 08:00", card.ts())));
            e.getAsJsonObject("event").add(field, new JsonObject());
            SlackResponse r = ws.requests().event(SlackPayloads.toJson(e));
            assertEquals(200, r.status(), "an event whose " + field + " is an object: " + r);
        }

        slack.await("the outbox is empty", () -> CoeRows.pendingOutbox(app) == 0);
        assertEquals("", CoeRows.difference(before, CoeRows.of(app)), "a malformed request changed a COE");
        assertTrue(slack.allMessages().stream().skip(botMessages).noneMatch(SlackMessage::isFromBot),
                "the bot said something in the channel");
        assertTrue(SlackRegistry.OUT_OF_DATE.contains("out of date"));
    }

    /** Starts a COE and answers its four times and the severity, so the next question takes free text. */
    private long startAndAnswerTheTimes(Person alice, Channel incident, String title) {
        alice.runs("/coe start " + title, incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains(title));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        incident.awaitReplyFromBot(card.ts(), "trigger");
        Interviews interviews = app.bean(Interviews.class);
        for (String t : List.of("yesterday 10:00", "yesterday 10:05", "yesterday 10:10", "yesterday 10:20", "sev3")) {
            String asked = interviews.find(coeId).orElseThrow().currentQuestionId();
            alice.repliesInThread(incident, card.ts(), t);
            ws.await("the next question is asked", () -> !asked.equals(interviews.find(coeId).orElseThrow().currentQuestionId())
                    && CoeRows.pendingOutbox(app) == 0);
        }
        return coeId;
    }
}
