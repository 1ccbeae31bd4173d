package io.coebot.graphs;

import io.coebot.coe.Coe;
import io.coebot.publish.CoeFigure;
import io.coebot.publish.CoeFigures;
import io.coebot.timeline.MilestoneTimes;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineTime;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The graphs feature's side of publishing: the figures it keeps, brought up to date when the COE is published.
 *
 * <p>At publish the timeline chart is drawn again from the COE's timeline (pure and fast, and the timeline may have
 * changed since it was last drawn), which is how every COE with milestones gets one. A Prometheus graph whose
 * incident window moved (a milestone was corrected, or the incident was not yet resolved when it was drawn) is
 * queried again from the same server within {@code coe.prometheus.publish-budget-millis} in all, because
 * {@code /coe finish} must answer Slack within 3 s; one that cannot be redrawn in time, or whose server does not
 * answer, is published as it was drawn.
 */
@Singleton
class GraphFigures implements CoeFigures {
    private static final Logger LOG = LoggerFactory.getLogger(GraphFigures.class);

    private final GraphStore store;
    private final GraphUploads uploads;
    private final PrometheusClient prometheus;
    private final PrometheusSettings settings;
    private final Duration budget;
    private final Clock clock;

    public GraphFigures(GraphStore store, GraphUploads uploads, PrometheusClient prometheus, PrometheusSettings settings,
                        @Value("${coe.prometheus.publish-budget-millis:1500}") long budgetMillis, Clock clock) {
        this.store = store;
        this.uploads = uploads;
        this.prometheus = prometheus;
        this.settings = settings;
        this.budget = Duration.ofMillis(Math.max(0, budgetMillis));
        this.clock = clock;
    }

    @Override
    public List<CoeFigure> of(long coeId) {
        return store.of(coeId).stream().map(GraphFigures::figure).toList();
    }

    static CoeFigure figure(Graph g) {
        String caption = g.kind() == Graph.Kind.TIMELINE
                ? "The incident's phases, every timeline entry, and the gaps still to explain."
                : g.query() + " · " + TimelineTime.utc(g.window().from()) + " to " + TimelineTime.utc(g.window().to())
                + " · " + g.server();
        return new CoeFigure(g.fileName(), g.label(), caption, g.kind() == Graph.Kind.PROMETHEUS, g.sha256());
    }

    @Override
    public void refresh(Coe coe, Timeline timeline) {
        Instant now = clock.instant();
        List<Graph> kept = store.of(coe.id());
        if (TimelineChart.applies(timeline)) {
            byte[] png = TimelineChart.png(coe.label(), coe.title(), timeline);
            String sha = GraphStore.sha256(png);
            boolean same = kept.stream().anyMatch(g -> g.kind() == Graph.Kind.TIMELINE && g.sha256().equals(sha));
            if (!same) {
                uploads.keepTimelineChart(coe, png, null, now, false);
            }
        }
        if (!settings.configured()) {
            return;
        }
        MilestoneTimes milestones = timeline.milestones();
        IncidentWindow window = IncidentWindow.of(milestones, now).orElse(null);
        long until = System.nanoTime() + budget.toNanos();
        for (Graph g : kept) {
            if (g.kind() != Graph.Kind.PROMETHEUS || window == null || window.equals(g.window())
                    || !settings.server().equals(g.server())) {
                continue;
            }
            Duration left = Duration.ofNanos(until - System.nanoTime());
            if (left.toMillis() < 200) {
                LOG.info("{} {} published as drawn: no time left to redraw it", coe.label(), g.label());
                continue;
            }
            QueryAnswer answer = prometheus.queryRange(g.query(), window, left);
            if (answer instanceof QueryAnswer.Data data) {
                byte[] png = MetricChart.draw(g.title(), g.query(), data.series(), window, milestones).png();
                store.redrawn(g.id(), window, data.series().size(), png, clock.instant());
            } else {
                LOG.info("{} {} published as drawn: Prometheus did not give it again", coe.label(), g.label());
            }
        }
    }

    @Override
    public java.util.Optional<byte[]> png(long coeId, CoeFigure figure) {
        return store.of(coeId).stream().filter(g -> g.fileName().equals(figure.name())).findFirst()
                .flatMap(g -> store.png(g.id()));
    }
}
