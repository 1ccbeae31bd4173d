package io.coebot.graphs;

import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.interview.InterviewMessages;
import io.coebot.slack.BlockKit;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

/**
 * The Metrics question's <i>Add a graph</i>: a small form (the PromQL and an optional title). Submitting it asks
 * Prometheus at once, within {@code coe.prometheus.form-timeout-millis} (Slack closes a form's request after 3 s),
 * so a bad query, no data or a server that is down is said under the query field, with the form still filled in;
 * a graph that was drawn closes the form and appears in the card's thread. {@code /coe graph} waits longer.
 */
@Singleton
class GraphSlack implements SlackFeature {
    static final String VIEW = "graphs.add-view";
    static final String QUERY = "query";
    static final String TITLE = "title";

    private final Coes coes;
    private final GraphService graphs;
    private final PrometheusSettings settings;
    private final Duration formDeadline;
    private final java.util.concurrent.atomic.AtomicBoolean warmed = new java.util.concurrent.atomic.AtomicBoolean();

    public GraphSlack(Coes coes, GraphService graphs, PrometheusSettings settings,
                      @Value("${coe.prometheus.form-timeout-millis:2000}") long formTimeoutMillis) {
        this.coes = coes;
        this.graphs = graphs;
        this.settings = settings;
        this.formDeadline = Duration.ofMillis(Math.max(100, Math.min(2500, formTimeoutMillis)));
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(InterviewMessages.ADD_GRAPH, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(SlackRegistry.OUT_OF_DATE));
                return ctx.ack();
            }
            String notReady = graphs.cannotDraw(coe.get());
            if (notReady != null) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(":warning: " + notReady));
                return ctx.ack();
            }
            warmUp();
            ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(BlockKit.modal(VIEW,
                    "Add a graph", "Draw", String.valueOf(coe.get().id()), List.of(
                            input(i -> i.blockId(QUERY).label(plainText("PromQL query"))
                                    .hint(plainText("One line per series, up to 10 drawn. E.g. sum by (code) (rate(http_requests_total[5m]))"))
                                    .element(plainTextInput(t -> t.actionId(QUERY).multiline(true)
                                            .maxLength(GraphRequest.QUERY_MAX)))),
                            input(i -> i.blockId(TITLE).optional(true).label(plainText("Title"))
                                    .element(plainTextInput(t -> t.actionId(TITLE).maxLength(GraphRequest.TITLE_MAX)))),
                            context(c -> c.elements(List.of(markdownText("Drawn from " + settings.server()
                                    + " over the incident: from 30 minutes before the trigger to 30 minutes after "
                                    + "resolution (or now), with the milestones marked."))))))));
            return ctx.ack();
        });
        slack.viewSubmission(VIEW, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            var values = req.getPayload().getView().getState() == null ? null
                    : req.getPayload().getView().getState().getValues();
            String query = value(values, QUERY);
            String title = value(values, TITLE);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty()) {
                return ctx.ackWithErrors(Map.of(QUERY, SlackRegistry.OUT_OF_DATE));
            }
            GraphRequest request = GraphRequest.of(query, title);
            if (request instanceof GraphRequest.Invalid invalid) {
                return ctx.ackWithErrors(Map.of(QUERY, plain(invalid.reason())));
            }
            GraphService.Outcome o = graphs.draw(coe.get(), in.userId(), (GraphRequest.Draw) request, formDeadline);
            if (o instanceof GraphService.Outcome.Refused r) {
                return ctx.ackWithErrors(Map.of(QUERY, plain(r.reason())));
            }
            return ctx.ack();
        });
    }

    /**
     * The first chart after a start loads AWT, the font and the chart library (about a second, BENCHMARKS.md): done
     * while the person types the query, so the form's answer, which Slack wants within 3 s, does not pay for it.
     */
    private void warmUp() {
        if (!warmed.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Instant at = Instant.parse("2026-01-01T00:00:00Z");
                var times = io.coebot.timeline.MilestoneTimes.of(java.util.Map.of(io.coebot.timeline.Milestone.TRIGGER, at));
                MetricChart.draw("warm-up", "up", List.of(new Series(Map.of(), new long[]{at.toEpochMilli()}, new double[]{1})),
                        IncidentWindow.of(times, at.plusSeconds(3600)).orElseThrow(), times).png();
            } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
                warmed.set(false); // the real draw will say what is wrong
            }
        }, "graphs-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static String value(Map<String, Map<String, com.slack.api.model.view.ViewState.Value>> values, String id) {
        if (values == null || values.get(id) == null || values.get(id).get(id) == null) {
            return null;
        }
        return values.get(id).get(id).getValue();
    }

    /** A form's error is plain text: mrkdwn's marks and escapes would show as typed. */
    static String plain(String mrkdwn) {
        return mrkdwn.replace("`", "").replace("*", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
