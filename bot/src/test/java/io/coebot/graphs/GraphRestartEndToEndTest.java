package io.coebot.graphs;

import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.FakePrometheus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code /coe graph} whose Prometheus is still thinking when the bot is stopped: the person was told "the graph will
 * appear in the COE card's thread", and after the restart it does, exactly once, and they hear that it is there.
 */
class GraphRestartEndToEndTest extends EndToEnd {
    private final FakePrometheus prometheus = FakePrometheus.start();

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.prometheus.url", prometheus.url(), "coe.prometheus.timeout-millis", 20_000,
                "coe.graphs.poll-millis", 500);
    }

    @AfterAll
    void stopPrometheus() {
        prometheus.close();
    }

    @Test
    void aGraphAskedJustBeforeARestartArrivesInTheCardsThreadOnce() {
        Person gina = ws.user("U0GINA020", "gina", "UTC");
        Channel channel = ws.channel("inc-graph-restart");
        SlackMessage card = GraphFaultsEndToEndTest.coeWithATrigger(gina, channel, "Restarted mid-query");

        // far slower than a stop takes, and well within the wait: only the stop ends this query
        prometheus.answering(FakePrometheus.Mode.SLOW).slowFor(15_000).withSeries(2);
        String ack = gina.runs("/coe graph checkout_errors as Errors across a restart", channel).visibleText();
        assertTrue(ack.contains("The graph will appear in the COE card's thread"), ack);
        ws.await("Prometheus is being asked", () -> prometheus.calls().size() == 1);

        app.restart(); // before Prometheus answers
        assertTrue(slack.files().stream().noneMatch(f -> card.ts().equals(f.threadTs())), "nothing drawn before the stop");
        prometheus.answering(FakePrometheus.Mode.DATA);

        UploadedFile png = ws.awaitValue("the graph in the card's thread after the restart", () -> slack.files().stream()
                .filter(f -> card.ts().equals(f.threadTs())).findFirst().orElse(null));
        assertEquals("Graph 1 · Errors across a restart", png.title());
        channel.awaitEphemeralFor(gina, e -> e.visibleText().contains("Errors across a restart* is in the COE card's thread"));
        ws.await("the outbox has sent everything", () -> app.unsentMessages() == 0);
        ws.await("no request is left waiting", () -> app.count("SELECT count(*) FROM graph_request WHERE status = 'waiting'") == 0);

        List<UploadedFile> inThread = slack.files().stream().filter(f -> card.ts().equals(f.threadTs())).toList();
        assertEquals(1, inThread.size(), "drawn once: " + inThread);
        assertEquals(1, app.count("SELECT count(*) FROM coe_graph WHERE kind = 'prometheus'"));
        assertEquals(2, prometheus.calls().size(), "asked again after the restart, and only then");
        assertEquals(1, channel.ephemeralsFor(gina).stream().filter(e -> e.visibleText().contains("is in the COE card's thread")).count());
        assertEquals(0, app.count("SELECT count(*) FROM graph_request WHERE response_url IS NOT NULL"),
                "the response_url is not kept once the request is answered");
    }
}
