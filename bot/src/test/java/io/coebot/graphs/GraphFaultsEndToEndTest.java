package io.coebot.graphs;

import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.FakePrometheus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a real Prometheus cannot be made to do on demand, through the whole app: a server slower than the wait, an
 * HTML error page from a proxy, and credentials refused. Each is answered only to whoever asked, in words, at once
 * (the command never waits on the server), and stores nothing; the auth header never shows anywhere.
 */
class GraphFaultsEndToEndTest extends EndToEnd {
    private static final String SECRET = "Bearer graph-secret-4711";
    private final FakePrometheus prometheus = FakePrometheus.start();

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.prometheus.url", prometheus.url(), "coe.prometheus.headers", "Authorization: " + SECRET,
                "coe.prometheus.timeout-millis", 800, "coe.slack.read-timeout-millis", 700);
    }

    @AfterAll
    void stopPrometheus() {
        prometheus.close();
    }

    @Test
    void aGraphWhoseUploadAnswerTimedOutIsInTheThreadOnce() {
        Person frank = ws.user("U0FRANK20", "frank", "UTC");
        Channel channel = ws.channel("inc-graph-upload-timeout");
        SlackMessage card = coeWithATrigger(frank, channel, "Slow upload");
        prometheus.answering(FakePrometheus.Mode.DATA).withSeries(2);
        // Slack completes the upload, but its answer comes after the bot stopped waiting
        slack.delayNext("files.completeUploadExternal", Duration.ofMillis(2000));
        frank.runs("/coe graph checkout_errors as Slow upload", channel);
        channel.awaitEphemeralFor(frank, e -> e.visibleText().contains("is in the COE card's thread"));
        slack.await("the outbox has sent everything", () -> app.unsentMessages() == 0);
        assertEquals(1, slack.files().stream().filter(f -> card.ts().equals(f.threadTs())).count(),
                "uploaded once: " + slack.files());
        assertTrue(slack.calls("conversations.replies").stream().anyMatch(c -> card.ts().equals(c.param("ts"))),
                "the upload whose answer was lost was looked for in the card's thread before anything was sent again");
    }

    @Test
    void aSlowServerAnErrorPageAndRefusedCredentialsAreAnsweredAndStoreNothing() {
        Person erin = ws.user("U0ERIN020", "erin", "UTC");
        Channel channel = ws.channel("inc-graph-faults");
        coeWithATrigger(erin, channel, "Slow metrics");
        long coeId = app.bean(Coes.class).latestIn(slack.teamId(), channel.id()).orElseThrow().id();

        prometheus.answering(FakePrometheus.Mode.SLOW).slowFor(4_000);
        long start = System.nanoTime();
        SlackResponse ack = erin.runs("/coe graph sum(rate(checkout_errors_total[5m]))", channel);
        assertEquals(200, ack.status());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2_000, "the command answers at once");
        channel.awaitEphemeralFor(erin, e -> e.visibleText().contains("did not answer within 0.8 s"));

        prometheus.answering(FakePrometheus.Mode.HTML_ERROR);
        erin.runs("/coe graph up", channel);
        channel.awaitEphemeralFor(erin, e -> e.visibleText().contains("answered HTTP 502 with a web page"));

        prometheus.answering(FakePrometheus.Mode.UNAUTHORIZED);
        erin.runs("/coe graph up", channel);
        channel.awaitEphemeralFor(erin, e -> e.visibleText().contains("check COE_PROMETHEUS_HEADERS"));

        assertEquals(0, app.count("SELECT count(*) FROM coe_graph WHERE coe_id = " + coeId), "nothing stored");
        assertTrue(slack.files().stream().noneMatch(f -> channel.id().equals(f.channelId())), "nothing uploaded");
        assertEquals(SECRET, prometheus.calls().get(0).headers().get("Authorization").get(0), "the header was sent");
        assertFalse(channel.ephemeralsFor(erin).stream().anyMatch(e -> e.text().contains("graph-secret")),
                "the secret is never shown");
        assertEquals(0, app.count("SELECT count(*) FROM outbox WHERE text LIKE '%graph-secret%' OR blocks LIKE '%graph-secret%'"));
    }

    /** A COE whose trigger was two hours ago: enough for a graph's window. */
    static SlackMessage coeWithATrigger(Person who, Channel channel, String title) {
        who.runs("/coe start " + title, channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains(title));
        channel.awaitReplyFromBot(card.ts(), "trigger");
        who.repliesInThread(channel, card.ts(), Instant.now().minus(Duration.ofHours(2)).toString());
        channel.awaitReplyFromBot(card.ts(), m -> m.visibleText().contains("detected"));
        return card;
    }
}
