package io.coebot.graphs;

import io.coebot.coe.Coes;
import io.coebot.interview.InterviewMessages;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.coebot.slack.MessageTs;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.RealPrometheus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident's graphs against a real Prometheus (Debian's package, started here on a loopback port, its TSDB filled
 * by promtool with the incident's history three hours in the past): a team types one PromQL query and sees the graph,
 * with its milestones, in the COE card's thread; bad input is answered and stores nothing; publishing attaches the
 * graphs and the timeline chart to the published COE and the Markdown refers to them. Skipped, with a message, where
 * prometheus and promtool are not installed.
 */
class GraphsEndToEndTest extends EndToEnd {
    /** The incident: on the minute, three hours ago; the data runs from an hour before it to two hours after. */
    static final Instant TRIGGER = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
    static final Instant DETECTED = TRIGGER.plus(Duration.ofMinutes(10));
    static final Instant MITIGATED = TRIGGER.plus(Duration.ofMinutes(50));
    static final Instant RESOLVED = TRIGGER.plus(Duration.ofMinutes(70));

    private RealPrometheus prometheus;

    @Override
    protected Map<String, Object> appProperties() {
        Instant from = TRIGGER.minus(Duration.ofHours(1));
        Instant to = TRIGGER.plus(Duration.ofHours(2));
        List<String> families = new ArrayList<>();
        families.add("# TYPE checkout_errors gauge\n"
                + RealPrometheus.gauge("checkout_errors", "code=\"500\"", from, to,
                        t -> !t.isBefore(TRIGGER) && t.isBefore(MITIGATED) ? 40.0 : 1.0)
                + RealPrometheus.gauge("checkout_errors", "code=\"200\"", from, to, t -> 5.0));
        StringBuilder hosts = new StringBuilder("# TYPE host_load gauge\n");
        for (int i = 0; i < 40; i++) {
            double v = i;
            hosts.append(RealPrometheus.gauge("host_load", "instance=\"host-" + i + "\"", from, to, t -> v));
        }
        families.add(hosts.toString());
        prometheus = RealPrometheus.start(RealPrometheus.openMetrics(families));
        return Map.of("coe.prometheus.url", prometheus.url(),
                "coe.prometheus.headers", "X-Scope-OrgID: checkout-team");
    }

    @AfterAll
    void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void oneQueryBecomesTheIncidentsGraphWithItsMilestonesInTheCardsThread() throws IOException {
        Person alice = ws.user("U0ALICE20", "alice", "Europe/Berlin");
        Channel channel = ws.channel("inc-graph-query");
        SlackMessage card = coeWithItsTimes(alice, channel, "Checkout 500s");
        long coeId = coeId(channel);

        String ack = alice.runs("/coe graph sum by (code) (checkout_errors) as Checkout errors", channel).visibleText();
        assertTrue(ack.contains("Asking " + prometheus.url()) && ack.contains("The graph will appear in the COE card's thread"), ack);
        UploadedFile png = ws.awaitValue("the graph in the card's thread", () -> slack.files().stream()
                .filter(f -> channel.id().equals(f.channelId()) && card.ts().equals(f.threadTs())).findFirst().orElse(null));
        assertTrue(png.filename().matches("COE-\\d+-checkout-500s-graph-1-\\d+\\.png"), png.filename());
        assertEquals("Graph 1 · Checkout errors", png.title());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.content()));
        assertEquals(MetricChart.WIDTH, image.getWidth());
        assertEquals(MetricChart.HEIGHT, image.getHeight());
        assertTrue(png.initialComment().contains("sum by (code) (checkout_errors)"), png.initialComment());
        channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Graph 1 · Checkout errors* is in the COE card's thread"));

        assertEquals(1, app.count("SELECT count(*) FROM coe_graph WHERE kind = 'prometheus' AND coe_id = " + coeId));
        assertEquals(1, app.count("SELECT count(*) FROM coe_graph WHERE coe_id = " + coeId + " AND server = '" + prometheus.url()
                + "' AND query = 'sum by (code) (checkout_errors)' AND window_from = '" + TRIGGER.minus(Duration.ofMinutes(30))
                + "' AND window_to = '" + RESOLVED.plus(Duration.ofMinutes(30)) + "'"), "the query, window and server are kept");

        String status = alice.runs("/coe status", channel).visibleText();
        assertTrue(status.contains("Metrics — done: 1 graph"), status);
        assertFalse(status.contains("• *Metrics*"), "a COE with a graph meets the metrics check: " + status);

        String list = alice.runs("/coe graph", channel).visibleText();
        assertTrue(list.contains("Graph 1 · Checkout errors — `sum by (code) (checkout_errors)`"), list);

        alice.runs("/coe graph timeline", channel);
        UploadedFile timeline = ws.awaitValue("the timeline chart in the card's thread", () -> slack.files().stream()
                .filter(f -> card.ts().equals(f.threadTs()) && f.filename().contains("-timeline-")).findFirst().orElse(null));
        assertEquals(TimelineChart.WIDTH, ImageIO.read(new ByteArrayInputStream(timeline.content())).getWidth());
    }

    @Test
    void badInputIsAnsweredClearlyAndStoresNothing() {
        Person bob = ws.user("U0BOB0020", "bob", "UTC");
        Channel early = ws.channel("inc-graph-no-times");
        bob.runs("/coe start No times yet", early);
        early.awaitMessageFromBot(m -> m.visibleText().contains("No times yet"));
        String noTimes = bob.runs("/coe graph up", early).visibleText();
        assertTrue(noTimes.contains("needs the incident's times first"), noTimes);

        Channel channel = ws.channel("inc-graph-bad-input");
        coeWithItsTimes(bob, channel, "Bad input");
        long coeId = coeId(channel);
        assertRefused(bob, channel, "/coe graph sum(rate(checkout_errors[5m]", "Prometheus could not run that query: `",
                "parse error");
        assertRefused(bob, channel, "/coe graph checkout_errors{code=\"999\"}", "No data: `checkout_errors{code=\"999\"}`",
                "has no samples from");
        assertRefused(bob, channel, "/coe graph host_load", "more than 11,000 points", "Narrow it");
        String empty = bob.runs("/coe graph  as Just a title", channel).visibleText();
        assertTrue(empty.contains("Type a PromQL query"), empty);

        app.awaitMessagesHandled();
        assertEquals(0, app.count("SELECT count(*) FROM coe_graph WHERE coe_id = " + coeId), "nothing stored");
        assertTrue(slack.files().stream().noneMatch(f -> channel.id().equals(f.channelId())), "nothing uploaded");
    }

    @Test
    void theFormOfTheMetricsQuestionShowsTheServersErrorUnderTheQueryAndDrawsAGoodOne() {
        Person carol = ws.user("U0CAROL20", "carol", "UTC");
        Channel channel = ws.channel("inc-graph-form");
        SlackMessage card = coeWithItsTimes(carol, channel, "Form graphs");
        long coeId = coeId(channel);
        SlackMessage metrics = skipToTheMetricsQuestion(carol, channel, card);
        carol.clicks("Add a graph", metrics, channel);
        carol.awaitOpenView(GraphSlack.VIEW);
        SlackResponse bad = carol.submits(GraphSlack.VIEW, Map.of(GraphSlack.QUERY, Map.of(GraphSlack.QUERY, "rate(")));
        assertEquals(200, bad.status());
        assertTrue(bad.body().contains("response_action") && bad.body().contains("parse error"), bad.body());
        assertEquals(0, app.count("SELECT count(*) FROM coe_graph WHERE coe_id = " + coeId));

        SlackResponse good = carol.submits(GraphSlack.VIEW, Map.of(GraphSlack.QUERY, Map.of(GraphSlack.QUERY, "checkout_errors"),
                GraphSlack.TITLE, Map.of(GraphSlack.TITLE, "Errors by code")));
        assertEquals(200, good.status());
        assertFalse(good.body().contains("errors"), "the form closes: " + good.body());
        UploadedFile png = ws.awaitValue("the graph in the card's thread", () -> slack.files().stream()
                .filter(f -> card.ts().equals(f.threadTs())).findFirst().orElse(null));
        assertEquals("Graph 1 · Errors by code", png.title());
    }

    @Test
    void publishingAttachesTheGraphsAndTheTimelineChartOnceAndTheMarkdownRefersToThem() {
        Person dave = ws.user("U0DAVE020", "dave", "UTC");
        Channel channel = ws.channel("inc-graph-publish");
        coeWithItsTimes(dave, channel, "Published graphs");
        dave.runs("/coe graph checkout_errors{code=\"500\"} as Failed checkouts", channel);
        ws.awaitValue("the graph is drawn", () -> slack.files().stream()
                .filter(f -> channel.id().equals(f.channelId())).findFirst().orElse(null));

        publishAnyway(dave, channel);
        UploadedFile md = ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> channel.id().equals(f.channelId()) && f.filename().endsWith(".md")).findFirst().orElse(null));
        String folder = md.filename().replaceAll("\\.md$", "");
        assertTrue(md.contentAsString().contains("![Graph 1 · Failed checkouts](" + folder + "/graph-1.png)"), md.contentAsString());
        assertTrue(md.contentAsString().contains("![Timeline chart](" + folder + "/timeline.png)"), md.contentAsString());
        SlackMessage first = publishedHeader(channel);
        List<UploadedFile> attached = ws.awaitValue("both images in the published COE's thread", () -> {
            List<UploadedFile> inThread = slack.files().stream().filter(f -> first.ts().equals(f.threadTs())
                    && f.filename().endsWith(".png")).toList();
            return inThread.size() == 2 ? inThread : null;
        });
        assertTrue(attached.stream().anyMatch(f -> f.title().equals("Graph 1 · Failed checkouts")), attached.toString());
        assertTrue(attached.stream().anyMatch(f -> f.title().equals("Timeline chart")), attached.toString());

        // published again, unchanged: the messages are edited, the images are not uploaded twice
        publishAnyway(dave, channel);
        ws.awaitValue("a second Markdown file", () -> slack.files().stream()
                .filter(f -> channel.id().equals(f.channelId()) && f.filename().endsWith(".md")).count() == 2 ? true : null);
        slack.await("the outbox is empty", () -> app.unsentMessages() == 0);
        assertEquals(2, slack.files().stream().filter(f -> first.ts().equals(f.threadTs()) && f.filename().endsWith(".png")).count(),
                "no image uploaded twice: " + slack.files());
    }

    /** Starts a COE and answers the interview's four times: the trigger, detection, mitigation and resolution. */
    private SlackMessage coeWithItsTimes(Person who, Channel channel, String title) {
        who.runs("/coe start " + title, channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains(title));
        channel.awaitReplyFromBot(card.ts(), "trigger");
        answerTimes(who, channel, card, 0, 4);
        return card;
    }

    /** Answers the interview's times {@code from} (0: the trigger) up to {@code to} (exclusive), each in turn. */
    private void answerTimes(Person who, Channel channel, SlackMessage card, int from, int to) {
        String[] next = {"detected", "impact back", "resolved", "severity"};
        Instant[] times = {TRIGGER, DETECTED, MITIGATED, RESOLVED};
        for (int i = from; i < to; i++) {
            SlackMessage before = channel.thread(card.ts()).get(channel.thread(card.ts()).size() - 1);
            who.repliesInThread(channel, card.ts(), times[i].toString());
            String expected = next[i];
            channel.awaitReplyFromBot(card.ts(), m -> new MessageTs(before.ts()).isBefore(new MessageTs(m.ts()))
                    && m.visibleText().toLowerCase().contains(expected));
        }
    }

    @Test
    void aGraphDrawnBeforeResolutionIsDrawnAgainOverTheWholeIncidentWhenPublished() {
        Person gina = ws.user("U0GINA020", "gina", "UTC");
        Channel channel = ws.channel("inc-graph-redraw");
        gina.runs("/coe start Still burning", channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Still burning"));
        channel.awaitReplyFromBot(card.ts(), "trigger");
        answerTimes(gina, channel, card, 0, 3);
        long coeId = coeId(channel);
        gina.runs("/coe graph checkout_errors{code=\"500\"} as While it burned", channel);
        UploadedFile early = ws.awaitValue("the graph in the card's thread", () -> slack.files().stream()
                .filter(f -> card.ts().equals(f.threadTs())).findFirst().orElse(null));
        assertEquals(0, app.count("SELECT count(*) FROM coe_graph WHERE coe_id = " + coeId + " AND window_to = '"
                + RESOLVED.plus(Duration.ofMinutes(30)) + "'"), "drawn up to now: no resolution yet");

        answerTimes(gina, channel, card, 3, 4);
        publishAnyway(gina, channel);
        SlackMessage first = publishedHeader(channel);
        UploadedFile published = ws.awaitValue("the graph in the published COE's thread", () -> slack.files().stream()
                .filter(f -> first.ts().equals(f.threadTs()) && f.title().startsWith("Graph 1")).findFirst().orElse(null));
        assertEquals(1, app.count("SELECT count(*) FROM coe_graph WHERE coe_id = " + coeId + " AND window_to = '"
                + RESOLVED.plus(Duration.ofMinutes(30)) + "'"), "drawn again up to 30 minutes after resolution");
        assertFalse(java.util.Arrays.equals(early.content(), published.content()), "the published graph is the new drawing");
    }

    /** Skips the interview's questions until the one that offers "Add a graph": the Metrics question. */
    private SlackMessage skipToTheMetricsQuestion(Person who, Channel channel, SlackMessage card) {
        for (int i = 0; i < 60; i++) {
            List<SlackMessage> thread = channel.thread(card.ts());
            SlackMessage latest = thread.get(thread.size() - 1);
            if (latest.buttons().stream().anyMatch(b -> b.actionId().equals(InterviewMessages.ADD_GRAPH))) {
                assertTrue(latest.visibleText().contains("Which metrics show the impact?"), latest.visibleText());
                return latest;
            }
            if (latest.isFromBot() && latest.buttons().stream().anyMatch(b -> b.label().equals("Skip"))) {
                who.clicks("Skip", latest, channel);
                channel.awaitReplyFromBot(card.ts(), m -> new MessageTs(latest.ts()).isBefore(new MessageTs(m.ts())) && !m.buttons().isEmpty());
            } else {
                channel.awaitReplyFromBot(card.ts(), m -> new MessageTs(latest.ts()).isBefore(new MessageTs(m.ts())));
            }
        }
        throw new AssertionError("the interview never reached the Metrics question: " + channel.thread(card.ts()));
    }

    /** The published COE's one message in the channel (in whose thread the COE reads in full), not the card. */
    private static SlackMessage publishedHeader(Channel channel) {
        return channel.awaitMessageFromBot(m -> !m.isReply() && m.visibleText().contains("whole COE is in this thread"));
    }

    private void publishAnyway(Person owner, Channel channel) {
        owner.runs("/coe finish", channel);
        var offer = channel.awaitEphemeralFor(owner, e -> e.visibleText().contains("publish it anyway"));
        owner.clicks("Publish anyway…", offer);
        owner.awaitOpenView("publish.anyway-reason");
        owner.submits("publish.anyway-reason", Map.of("reason", Map.of("reason", "The review is tomorrow; the graphs are the point.")));
    }

    private void assertRefused(Person who, Channel channel, String command, String... expected) {
        SlackResponse ack = who.runs(command, channel);
        assertEquals(200, ack.status(), command + ": " + ack);
        var answer = channel.awaitEphemeralFor(who, e -> e.visibleText().contains(expected[0]));
        for (String e : expected) {
            assertTrue(answer.visibleText().contains(e), command + " → " + answer.visibleText());
        }
    }

    private long coeId(Channel channel) {
        return app.bean(Coes.class).latestIn(slack.teamId(), channel.id()).orElseThrow().id();
    }
}
