package io.coebot.timeline;

import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.ApiCall;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `/coe timeline import`: the channel's history read page by page (2 messages a page here), thread replies
 * included, bots left out, through a 429 and through a restart of the app.
 */
class TimelineImportEndToEndTest extends EndToEnd {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.timeline.import.page-size", 2, "coe.timeline.import.pace-millis", 50,
                "coe.timeline.import.progress-seconds", 0, "coe.timeline.import.poll-millis", 50);
    }

    /** A COE whose channel holds 5 people's top-level messages, 2 replies in a thread, and the bot's card and questions. */
    final class Incident {
        final Channel channel;
        final long coeId;
        final SlackMessage card;
        final Instant start = Instant.now().minusSeconds(5);
        final List<String> said;

        Incident(String name, Person alice, Person bob) {
            slack.awaitTimeout(Duration.ofSeconds(20));
            slack.clearFaults();
            channel = ws.channel(name);
            alice.runs("/coe start Checkout 500s", channel);
            card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
            coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
            // written while the app was not listening, as history an import finds
            SlackMessage deploy = slack.postAsUser(alice.id(), channel.id(), "deploy 42 started", null);
            slack.postAsUser(bob.id(), channel.id(), "seeing 500s on checkout", null);
            slack.postAsUser(bob.id(), channel.id(), "error rate 7%", deploy.ts());
            slack.postAsUser(alice.id(), channel.id(), "rolling back 42", deploy.ts());
            slack.postAsUser(alice.id(), channel.id(), "rollback done", null);
            slack.postAsUser(bob.id(), channel.id(), "error rate back to 0.1%", null);
            slack.postAsUser(alice.id(), channel.id(), "all clear", null);
            said = List.of("deploy 42 started", "seeing 500s on checkout", "error rate 7%", "rolling back 42",
                    "rollback done", "error rate back to 0.1%", "all clear");
        }

        String window() {
            return UTC.format(start) + " UTC to now";
        }

        List<String> entryTexts() {
            return app.bean(TimelineStore.class).entries(coeId).stream().map(TimelineEntry::text).toList();
        }

        List<SlackMessage> botSaysInCardThread(String fragment) {
            return channel.thread(card.ts()).stream().filter(m -> m.isFromBot() && m.visibleText().contains(fragment)).toList();
        }
    }

    @Test
    void importsEveryPageAndThreadThroughA429AndReportsTheCount() {
        Person alice = ws.user("U0ALICE81", "alice", "UTC");
        Person bob = ws.user("U0BOB0081", "bob", "UTC");
        Incident inc = new Incident("inc-import-pages", alice, bob);
        int historyBefore = slack.calls("conversations.history").size();
        // the second page of history is refused once with Retry-After: 1
        slack.passNext("conversations.history").rateLimitNext("conversations.history", 1);

        String ack = alice.runs("/coe timeline import " + inc.window(), inc.channel).visibleText();
        assertTrue(ack.contains("Importing this channel's messages"), ack);

        SlackMessage done = inc.channel.awaitReplyFromBot(inc.card.ts(), "Import done");
        assertTrue(done.visibleText().contains("7 messages"), done.visibleText());
        assertEquals(inc.said, inc.entryTexts(), "people's messages and thread replies, in order; no bot messages");
        assertTrue(inc.botSaysInCardThread("started importing").size() == 1);
        assertTrue(!inc.botSaysInCardThread("Import in progress").isEmpty(), "progress is reported");

        List<ApiCall> history = slack.calls("conversations.history").subList(historyBefore, slack.calls("conversations.history").size());
        assertTrue(history.size() >= 4, "several pages and a retry: " + history);
        assertEquals(history.get(1).param("cursor"), history.get(2).param("cursor"), "the refused page is asked for again");
        assertTrue(history.get(1).param("cursor") != null && !history.get(1).param("cursor").isEmpty(), "pages follow Slack's cursor");
        assertTrue(slack.calls("conversations.replies").stream().anyMatch(c -> inc.card.ts().equals(c.param("ts")))
                        && slack.calls("conversations.replies").stream().anyMatch(c -> !inc.card.ts().equals(c.param("ts"))),
                "the threads found in history are read");
        inc.channel.awaitMessage(inc.card.ts(), m -> m.visibleText().contains("Timeline (7 entries)"));

        // importing again adds nothing twice
        alice.runs("/coe timeline import " + inc.window(), inc.channel);
        slack.await("a second import done", () -> inc.botSaysInCardThread("Import done").size() == 2);
        assertTrue(inc.botSaysInCardThread("Import done").get(1).visibleText().contains("0 messages"));
        assertEquals(7, inc.entryTexts().size());
    }

    @Test
    void anImportInterruptedByARestartResumesWhereItStopped() {
        Person alice = ws.user("U0ALICE82", "alice", "UTC");
        Person bob = ws.user("U0BOB0082", "bob", "UTC");
        Incident inc = new Incident("inc-import-restart", alice, bob);
        int historyBefore = slack.calls("conversations.history").size();
        slack.passNext("conversations.history").rateLimitNext("conversations.history", 2);

        alice.runs("/coe timeline import " + inc.window(), inc.channel);
        slack.await("the second page refused", () -> slack.calls("conversations.history").size() >= historyBefore + 2);
        app.restart();

        inc.channel.awaitReplyFromBot(inc.card.ts(), "Import done");
        assertEquals(inc.said, inc.entryTexts());
        List<ApiCall> history = slack.calls("conversations.history").subList(historyBefore, slack.calls("conversations.history").size());
        assertEquals(1, history.stream().filter(c -> c.param("cursor") == null || c.param("cursor").isEmpty()).count(),
                "the first page is not read again after the restart: " + history);
        assertEquals(1, inc.botSaysInCardThread("Import done").size());
    }

    @Test
    void withoutATriggerTimeTheImportAsksForAWindow() {
        Person alice = ws.user("U0ALICE83", "alice", "UTC");
        Channel channel = ws.channel("inc-import-nowindow");
        alice.runs("/coe start Checkout 500s", channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));

        String answer = alice.runs("/coe timeline import", channel).visibleText();

        assertTrue(answer.contains("I don't know when the incident started"), answer);
    }
}
