package io.coebot.learning;

import io.coebot.coe.Coes;
import io.coebot.interview.Interviews;
import io.coebot.interview.Questions;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Related COEs on a seeded corpus whose right neighbour is known: a COE about checkout's exhausted connection pool is
 * told about the earlier one with the same service and root cause, first, with a line on why; never about a private
 * channel's COE, however alike; and *Add to Related items* puts the link into the answer.
 */
class RelatedEndToEndTest extends EndToEnd {
    private static final Pattern MARKER = Pattern.compile("interview\\|(\\d+)\\|([a-z_]+)");
    private Person alice;

    @BeforeAll
    void seed() {
        alice = ws.user("U0ALICE24", "alice", "Europe/Berlin");
        String team = slack.teamId();
        Channel secret = ws.privateChannel("inc-related-secret");
        Instant t = Instant.parse("2026-01-10T10:00:00Z");
        Corpus.insert(app, List.of(
                new Corpus.Seed(team, ws.channel("inc-related-dns").id(), "DNS outage", alice.id(), true, t, "SEV2", "edge",
                        "The resolver cache expired during a provider outage", "Names did not resolve for an hour.", null,
                        "Names did not resolve", "Resolver cache TTL too short", null, List.of()),
                new Corpus.Seed(team, ws.channel("inc-related-pool").id(), "Checkout 500s in March", alice.id(), true,
                        t.plusSeconds(86400), "SEV1", "checkout-api, payments",
                        "The payments connection pool was exhausted by retries",
                        "Checkout failed because the connection pool was exhausted.", null, "Checkout returned 500s",
                        "Retries without backoff exhausted the connection pool", null, List.of()),
                new Corpus.Seed(team, ws.channel("inc-related-disk").id(), "Ledger slow", alice.id(), true,
                        t.plusSeconds(2 * 86400), "SEV3", "ledger", "The disk filled with debug logs", "Ledger writes were slow.",
                        null, null, null, null, List.of()),
                new Corpus.Seed(team, secret.id(), "Secret checkout pool incident", alice.id(), true, t.plusSeconds(3 * 86400),
                        "SEV1", "checkout-api", "The checkout connection pool was exhausted by retries",
                        "Checkout connection pool exhausted.", null, null, null, null, List.of())));
    }


    /** Answers the interview (these answers, `skip` for the rest) until it asks {@code until}. */
    private void interviewUntil(Channel channel, SlackMessage card, Map<String, String> answers, String until) {
        String asked = "";
        while (true) {
            String before = asked;
            String now = slack.awaitValue("the interview asks its next question", () -> {
                // the newest question: the suggestions themselves may follow it
                var t = channel.thread(card.ts());
                for (int i = t.size() - 1; i >= 0 && t.get(i).isFromBot(); i--) {
                    Matcher m = MARKER.matcher(t.get(i).blocks() == null ? "" : t.get(i).blocks());
                    if (m.find()) {
                        return m.group(2).equals(before) ? null : m.group(2);
                    }
                }
                return null;
            });
            if (now.equals(until)) {
                return;
            }
            alice.repliesInThread(channel, card.ts(), answers.getOrDefault(now, "skip"));
            asked = now;
        }
    }

    private SlackMessage start(Channel channel, String title) {
        alice.runs("/coe start " + title, channel);
        return channel.awaitMessageFromBot(m -> m.visibleText().contains(title));
    }

    private static final Map<String, String> ANSWERS = Map.of(
            Questions.TRIGGER_AT, "2026-06-01 14:00 UTC", Questions.DETECTED_AT, "2026-06-01 14:10 UTC",
            Questions.MITIGATED_AT, "2026-06-01 14:40 UTC", Questions.RESOLVED_AT, "2026-06-01 15:00 UTC",
            Questions.SEVERITY, "sev1", Questions.SERVICES, "checkout-api",
            Questions.UNDERLYING_CAUSE, "Retries exhausted the checkout connection pool");

    @Test
    void theInterviewSuggestsTheKnownNeighbourAtRelatedItemsAndAddsItsLink() {
        Channel channel = ws.channel("inc-related-new");
        SlackMessage card = start(channel, "Checkout errors again");
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        interviewUntil(channel, card, ANSWERS, Questions.RELATED);

        SlackMessage suggested = channel.awaitReplyFromBot(card.ts(), "Earlier COEs like this one");
        String text = suggested.visibleText();
        assertTrue(text.contains("Checkout 500s in March"), text);
        assertTrue(text.indexOf("Checkout 500s in March") < Math.max(text.indexOf("DNS outage"), text.indexOf("Ledger slow")) 
                || (!text.contains("DNS outage") && !text.contains("Ledger slow")), "the known neighbour first: " + text);
        assertTrue(text.contains("same service: checkout-api"), "with a line on why: " + text);
        assertTrue(text.contains("root causes share"), text);
        assertFalse(text.contains("Secret checkout pool incident"), "never a private channel's COE in another channel: " + text);

        alice.clicks("Add to Related items", suggested, channel);
        slack.await("the link is in the Related items answer", () -> app.bean(Interviews.class).find(coeId)
                .map(s -> s.answers().get(Questions.RELATED)).map(a -> a.value().contains("Checkout 500s in March")).orElse(false));
    }

    @Test
    void statusShowsTheRelatedCoesToWhoeverAsked() {
        Channel channel = ws.channel("inc-related-status");
        SlackMessage card = start(channel, "Checkout pool status");
        interviewUntil(channel, card, ANSWERS, Questions.CUSTOMERS_AFFECTED);
        alice.runs("/coe status", channel);
        var related = channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Earlier COEs like this one"));
        assertTrue(related.visibleText().contains("Checkout 500s in March"), related.visibleText());
        assertFalse(related.visibleText().contains("Secret checkout pool incident"), related.visibleText());
    }
}
