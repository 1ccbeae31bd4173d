package io.coebot.slack;

import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the bot decided is said exactly once, whatever Slack or the process does in between:
 * rate limits, server errors, and a stop before the message went out.
 */
class SlackGatewayEndToEndTest extends EndToEnd {

    private SlackMessage startAndAwaitFirstQuestion(Person who, Channel where, String title) {
        who.runs("/coe start " + title, where);
        SlackMessage card = where.awaitMessageFromBot(m -> m.visibleText().contains(title));
        where.awaitReplyFromBot(card.ts(), "trigger");
        return card;
    }

    private long botRepliesContaining(Channel channel, SlackMessage card, String fragment) {
        return channel.thread(card.ts()).stream().filter(SlackMessage::isFromBot)
                .filter(m -> m.visibleText().contains(fragment)).count();
    }

    @Test
    void a429IsWaitedOutAndTheMessageIsPostedOnce() {
        Person alice = ws.user("U0ALICE61", "alice", "UTC");
        Channel incident = ws.channel("inc-rate-limited");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Rate limited");
        slack.rateLimitNext("chat.postMessage", 1);
        Instant before = Instant.now();

        alice.repliesInThread(incident, card.ts(), "yesterday 03:00");

        incident.awaitReplyFromBot(card.ts(), "03:00 UTC");
        assertTrue(Duration.between(before, Instant.now()).toMillis() >= 900, "waited for Retry-After");
        assertEquals(1, botRepliesContaining(incident, card, "03:00 UTC"));
    }

    @Test
    void aServerErrorIsRetriedAndTheMessageIsPostedOnce() {
        Person alice = ws.user("U0ALICE62", "alice", "UTC");
        Channel incident = ws.channel("inc-server-error");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Server error");
        slack.serverErrorNext("chat.postMessage");

        alice.repliesInThread(incident, card.ts(), "yesterday 02:00");

        incident.awaitReplyFromBot(card.ts(), "02:00 UTC");
        assertEquals(1, botRepliesContaining(incident, card, "02:00 UTC"));
    }

    @Test
    void aReplyDecidedBeforeAStopIsSentAfterTheRestart() {
        Person alice = ws.user("U0ALICE63", "alice", "UTC");
        Channel incident = ws.channel("inc-stopped");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Stopped midway");
        // Slack is down while the answer is taken: the echo stays in the outbox
        slack.failAlways("chat.postMessage", "service_unavailable");
        alice.repliesInThread(incident, card.ts(), "yesterday 01:00");
        slack.await("the app tried to answer", () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> c.params().getOrDefault("text", "").contains("01:00 UTC")));

        app.restart();
        slack.clearFaults();

        incident.awaitReplyFromBot(card.ts(), "01:00 UTC");
        incident.awaitReplyFromBot(card.ts(), "detected");
        assertEquals(1, botRepliesContaining(incident, card, "01:00 UTC"), "sent once, after the restart");
    }
}
