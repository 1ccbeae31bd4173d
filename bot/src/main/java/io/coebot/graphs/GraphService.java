package io.coebot.graphs;

import io.coebot.coe.Coe;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.MilestoneTimes;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.Timelines;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Draws a COE's figures: a graph of a PromQL query over the incident window, or the chart of the COE's timeline.
 * The remote is asked, and the chart drawn, outside any transaction (a slow Prometheus holds no connection and no
 * lock); only a graph that was drawn is kept and uploaded, so every failure stores nothing.
 */
@Singleton
class GraphService {
    private final Timelines timelines;
    private final PrometheusClient prometheus;
    private final PrometheusSettings settings;
    private final GraphUploads uploads;
    private final Clock clock;

    public GraphService(Timelines timelines, PrometheusClient prometheus, PrometheusSettings settings,
                        GraphUploads uploads, Clock clock) {
        this.timelines = timelines;
        this.prometheus = prometheus;
        this.settings = settings;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** What became of a request, in words for the person who made it. */
    sealed interface Outcome {
        record Drawn(Graph graph, int seriesShown, int series) implements Outcome {}

        record Refused(String reason) implements Outcome {}

        /** Drawn, but no longer this worker's to keep: the request was taken over, and its new holder answers. */
        record TakenOver() implements Outcome {}
    }

    /**
     * What is wrong before anything is asked of Prometheus (not configured, no incident time yet); null when the
     * query may go. Cheap, so a command can answer it at once.
     */
    String cannotDraw(Coe coe) {
        if (!settings.configured()) {
            return settings.notConfigured();
        }
        return window(coe, clock.instant()) == null ? noWindow() : null;
    }

    IncidentWindow window(Coe coe, Instant now) {
        return IncidentWindow.of(timelines.of(coe.id()).milestones(), now).orElse(null);
    }

    Outcome draw(Coe coe, String by, GraphRequest.Draw request, Duration deadline) {
        return draw(coe, by, request, deadline, () -> true);
    }

    /**
     * @param stillMine asked first in the transaction that keeps the graph (a queued request ends there, so it is kept
     *                  at most once); false keeps and uploads nothing
     */
    Outcome draw(Coe coe, String by, GraphRequest.Draw request, Duration deadline, BooleanSupplier stillMine) {
        String notReady = cannotDraw(coe);
        if (notReady != null) {
            return new Outcome.Refused(notReady);
        }
        Instant now = clock.instant();
        MilestoneTimes milestones = timelines.of(coe.id()).milestones();
        IncidentWindow window = IncidentWindow.of(milestones, now).orElseThrow();
        QueryAnswer answer = prometheus.queryRange(request.query(), window, deadline);
        if (answer instanceof QueryAnswer.Refused r) {
            return new Outcome.Refused(r.reason());
        }
        var series = ((QueryAnswer.Data) answer).series();
        String title = request.title() != null ? request.title()
                : request.query().length() > 80 ? request.query().substring(0, 79) + "…" : request.query();
        byte[] png = MetricChart.draw(title, request.query(), series, window, milestones).png();
        Graph g = uploads.keepGraph(coe, title, request.query(), settings.server(), window, series.size(), png, by,
                clock.instant(), stillMine);
        if (g == null) {
            return new Outcome.TakenOver();
        }
        return new Outcome.Drawn(g, Math.min(series.size(), MetricChart.MAX_SERIES), series.size());
    }

    /** The timeline chart, drawn now and posted in the card's thread. */
    Outcome drawTimeline(Coe coe, String by) {
        Timeline t = timelines.of(coe.id());
        if (!TimelineChart.applies(t)) {
            return new Outcome.Refused("The timeline chart needs at least one milestone: answer “When it started” in "
                    + "the interview, or use *Mark milestone* in `/coe timeline`. Nothing was drawn.");
        }
        byte[] png = TimelineChart.png(coe.label(), coe.title(), t);
        Graph g = uploads.keepTimelineChart(coe, png, by, clock.instant(), true);
        return new Outcome.Drawn(g, 0, 0);
    }

    static String noWindow() {
        return "A graph shows the incident from 30 minutes before its trigger, so it needs the incident's times first: "
                + "answer “When it started” in the interview, or use *Mark milestone* → " + Milestone.TRIGGER.key()
                + " in `/coe timeline`. Nothing was stored.";
    }
}
