package io.coebot.slack;

import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Slack posts the message but its answer never arrives (the read times out): the retry finds the message
 * already in the channel or thread and does not post it a second time.
 */
class SlackTimeoutEndToEndTest extends EndToEnd {

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.slack.read-timeout-millis", 700);
    }

    @Test
    void aCardWhoseAnswerTimedOutIsPostedOnceAndTheInterviewStarts() {
        Person alice = ws.user("U0ALICE95", "alice", "UTC");
        Channel incident = ws.channel("inc-timeout-card");
        slack.delayNext("chat.postMessage", Duration.ofMillis(2000));

        alice.runs("/coe start Slow Slack", incident);

        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Slow Slack"));
        incident.awaitReplyFromBot(card.ts(), "When did it start?");
        assertEquals(1, incident.messages().stream().filter(m -> m.visibleText().contains("Slow Slack")).count(),
                "one card: " + incident.messages());
    }

    @Test
    void aThreadReplyWhoseAnswerTimedOutIsPostedOnce() {
        Person alice = ws.user("U0ALICE96", "alice", "UTC");
        Channel incident = ws.channel("inc-timeout-reply");
        alice.runs("/coe start Slow thread", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Slow thread"));
        incident.awaitReplyFromBot(card.ts(), "When did it start?");
        slack.delayNext("chat.postMessage", Duration.ofMillis(2000));

        alice.repliesInThread(incident, card.ts(), "yesterday 03:00");

        incident.awaitReplyFromBot(card.ts(), "When was the customer impact detected?");
        assertEquals(1, incident.thread(card.ts()).stream().filter(SlackMessage::isFromBot)
                .filter(m -> m.visibleText().contains("03:00 UTC")).count(), "one echo: " + incident.thread(card.ts()));
        assertEquals(1, incident.thread(card.ts()).stream()
                .filter(m -> m.visibleText().contains("When was the customer impact detected?")).count());
    }
}
