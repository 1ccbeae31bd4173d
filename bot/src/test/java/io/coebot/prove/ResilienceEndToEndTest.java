package io.coebot.prove;

import io.coebot.interview.Interviews;

import io.coebot.coe.Coes;
import io.coebot.interview.InterviewService;
import io.coebot.interview.InterviewState;
import io.coebot.interview.Questions;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults a person would notice: the database out of reach for a while. (Retries of every event, a stop
 * between commit and reply, and Slack answering 500 or 429 are covered where each feature is tested:
 * see BENCHMARKS.md, "What the tests prove".)
 */
class ResilienceEndToEndTest extends EndToEnd {

    @Override
    protected Map<String, Object> appProperties() {
        // waiting for a connection the database cannot give ends after a second, as it would behind a dead server
        return Map.of("datasources.default.connection-timeout", 1000);
    }

    @Test
    void whileTheDatabaseIsUnavailableCommandsSayTryAgainEventsAreRetriedAndNothingIsCorrupted() throws Exception {
        Person alice = ws.user("U0ALICE81", "alice", "UTC");
        Channel incident = ws.channel("inc-db-down");
        alice.runs("/coe start Database away", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Database away"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        incident.awaitReplyFromBot(card.ts(), "trigger");
        InterviewState before = app.bean(Interviews.class).find(coeId).orElseThrow();

        List<Connection> held = new ArrayList<>();
        SlackResponse command;
        SlackResponse event;
        String eventJson;
        try {
            // Every connection of the pool is taken: to the app the database is gone.
            DataSource ds = app.bean(DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class);
            for (int i = 0; i < 32; i++) {
                try {
                    held.add(ds.getConnection());
                } catch (Exception poolIsEmpty) {
                    break;
                }
            }
            ws.requireAck(false);
            command = alice.runs("/coe start Another one", incident);
            alice.repliesInThread(incident, card.ts(), "yesterday 04:00");
            eventJson = ws.lastEventJson();
            event = ws.lastResponse();
        } finally {
            for (Connection c : held) {
                c.close();
            }
            ws.requireAck(true);
        }
        assertEquals(200, command.status(), "a slash command is always acked: " + command);
        assertTrue(command.body().contains("try again in a moment"), "the person is told calmly: " + command.body());
        assertNotEquals(200, event.status(), "an event is not acked, so Slack delivers it again: " + event);
        assertFalse(event.body().contains("Exception") || event.body().contains("\tat "), "no stack trace: " + event.body());

        // Slack's retry, once the database is back: the answer is taken once, and the interview goes on.
        assertEquals(200, ws.deliverAgain(eventJson, 1).status());
        assertEquals(200, ws.deliverAgain(eventJson, 2).status());
        incident.awaitReplyFromBot(card.ts(), "04:00 UTC");
        InterviewState after = app.bean(Interviews.class).find(coeId).orElseThrow();
        assertEquals(Questions.TRIGGER_AT, before.currentQuestionId());
        assertTrue(after.answers().containsKey(Questions.TRIGGER_AT), after.toString());
        assertEquals(1, incident.thread(card.ts()).stream().filter(m -> m.isFromBot() && m.visibleText().contains("04:00 UTC")).count(),
                "answered once: " + incident.thread(card.ts()));
        assertEquals(1, app.bean(Coes.class).openIn(slack.teamId(), incident.id()).stream().count());
        assertTrue(incident.messages().stream().noneMatch(m -> m.visibleText().contains("Another one")), "no half-made COE");
    }
}
