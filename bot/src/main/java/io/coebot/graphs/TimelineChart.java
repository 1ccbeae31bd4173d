package io.coebot.graphs;

import io.coebot.slack.EchoedText;
import io.coebot.timeline.IncidentDurations;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.MilestoneTimes;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineGap;
import io.coebot.timeline.TimelineTime;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The shape of the incident at a glance, drawn from the COE's own timeline (no Slack, no SQL, no clock): the phases
 * as coloured bands on one time axis (to detect, to diagnose, to mitigate, to resolve; each band from the milestone
 * before to its own, labelled with its time from the trigger, as every duration coe-bot shows), every timeline entry
 * as a tick, the gaps still to explain as red bars, and the milestones as labelled lines.
 *
 * <p>Three rows on a hidden value axis: phases on top ({@link #PHASE_ROW}), entries in the middle
 * ({@link #ENTRY_ROW}), gaps at the bottom ({@link #GAP_ROW}).
 */
final class TimelineChart {
    static final int WIDTH = 1000;
    static final int HEIGHT = 360;

    static final double PHASE_LOW = 2.1;
    static final double PHASE_HIGH = 2.9;
    static final double PHASE_ROW = 2.5;
    static final double ENTRY_ROW = 1.5;
    static final double GAP_LOW = 0.2;
    static final double GAP_HIGH = 0.8;
    static final double GAP_ROW = 0.5;

    static final Color TO_DETECT = new Color(0xF2, 0xA5, 0x3A);
    static final Color TO_DIAGNOSE = new Color(0xA3, 0x7B, 0xD6);
    static final Color TO_MITIGATE = new Color(0x4A, 0x90, 0xE2);
    static final Color TO_RESOLVE = new Color(0x6B, 0xBF, 0x6E);
    static final Color GAP = new Color(0xD9, 0x30, 0x25);
    static final Color TICK = new Color(0x33, 0x33, 0x33);

    private TimelineChart() {
    }

    /** A COE gets its chart once it knows at least one milestone: before that there is no incident to place. */
    public static boolean applies(Timeline timeline) {
        return !timeline.milestones().asMap().isEmpty();
    }

    /** @param label "COE-3", @param title the COE's title as Slack stores it */
    public static byte[] png(String label, String title, Timeline timeline) {
        return draw(label, title, timeline).png();
    }

    static Picture draw(String label, String title, Timeline timeline) {
        if (!applies(timeline)) {
            throw new IllegalArgumentException("A timeline chart needs at least one milestone");
        }
        MilestoneTimes times = timeline.milestones();
        IncidentDurations durations = timeline.durations();

        XYIntervalSeriesCollection bands = new XYIntervalSeriesCollection();
        List<Color> bandColours = new ArrayList<>();
        Milestone previous = null;
        for (Milestone m : List.of(Milestone.TRIGGER, Milestone.DETECTED, Milestone.DIAGNOSED, Milestone.MITIGATED,
                Milestone.RESOLVED)) {
            Instant at = times.time(m).orElse(null);
            if (at == null) {
                continue;
            }
            Instant from = previous == null ? null : times.time(previous).orElseThrow();
            if (from != null && at.isAfter(from)) {
                String name = phaseName(m) + durations.to(m).map(d -> ": " + TimelineTime.duration(d)).orElse("");
                XYIntervalSeries band = new XYIntervalSeries(name);
                band.add(mid(from, at), from.toEpochMilli(), at.toEpochMilli(), PHASE_ROW, PHASE_LOW, PHASE_HIGH);
                bands.addSeries(band);
                bandColours.add(colour(m));
            }
            previous = m;
        }
        List<TimelineGap> open = timeline.gaps().stream().filter(g -> !g.explained()).toList();
        if (!open.isEmpty()) {
            XYIntervalSeries gaps = new XYIntervalSeries("gap to explain (over "
                    + TimelineTime.duration(timeline.gapThreshold()) + ")");
            for (TimelineGap g : open) {
                Instant a = g.before().occurredAt();
                Instant b = g.after().occurredAt();
                gaps.add(mid(a, b), a.toEpochMilli(), b.toEpochMilli(), GAP_ROW, GAP_LOW, GAP_HIGH);
            }
            bands.addSeries(gaps);
            bandColours.add(GAP);
        }
        XYBarRenderer bars = new XYBarRenderer();

        XYSeriesCollection ticks = new XYSeriesCollection();
        XYSeries entries = new XYSeries("timeline entry (" + timeline.entries().size() + ")", false, true);
        for (TimelineEntry e : timeline.entries()) {
            entries.add(e.occurredAt().toEpochMilli(), ENTRY_ROW);
        }
        ticks.addSeries(entries);
        XYLineAndShapeRenderer tickRenderer = new XYLineAndShapeRenderer(false, true);

        Instant[] range = range(timeline);
        DateAxis time = new DateAxis("Time (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        time.setRange(range[0].toEpochMilli(), range[1].toEpochMilli());
        NumberAxis rows = new NumberAxis();
        rows.setRange(0, 3.4);
        rows.setVisible(false);
        XYPlot plot = new XYPlot(bands, time, rows, bars);
        plot.setDataset(1, ticks);
        plot.setRenderer(1, tickRenderer);
        plot.setRangeGridlinesVisible(false);
        for (Map.Entry<Milestone, Instant> m : times.asMap().entrySet()) {
            plot.addDomainMarker(MetricChart.milestoneLine(m.getKey(), m.getValue(), m.getKey().ordinal() % 3), Layer.FOREGROUND);
        }

        String heading = label + " · " + EchoedText.plain(title);
        JFreeChart chart = new JFreeChart(heading.length() > 90 ? heading.substring(0, 89) + "…" : heading,
                ChartStyle.font(Font.BOLD, 16f), plot, true);
        // the theme resets renderers' paints and looks: ours go on after it
        ChartStyle.apply(chart);
        bars.setUseYInterval(true);
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setBarPainter(new StandardXYBarPainter());
        for (int i = 0; i < bandColours.size(); i++) {
            bars.setSeriesPaint(i, bandColours.get(i));
        }
        tickRenderer.setSeriesShape(0, new Rectangle2D.Double(-1.5, -14, 3, 28));
        tickRenderer.setSeriesPaint(0, TICK);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle("The incident's timeline, "
                + TimelineTime.utcStamp(range[0]) + " to " + TimelineTime.utcStamp(range[1]),
                ChartStyle.font(Font.PLAIN, 11f)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, info);
        return new Picture(image, plot, info.getPlotInfo().getDataArea());
    }

    /** From the earliest to the latest thing shown (milestones and entries), with a little room on both sides. */
    static Instant[] range(Timeline timeline) {
        List<Instant> all = new ArrayList<>(timeline.milestones().asMap().values());
        timeline.entries().forEach(e -> all.add(e.occurredAt()));
        Instant first = all.stream().min(Instant::compareTo).orElseThrow();
        Instant last = all.stream().max(Instant::compareTo).orElseThrow();
        Duration span = Duration.between(first, last);
        Duration room = span.isZero() ? Duration.ofMinutes(30) : span.dividedBy(20);
        return new Instant[]{first.minus(room), last.plus(room)};
    }

    private static double mid(Instant a, Instant b) {
        return (a.toEpochMilli() + b.toEpochMilli()) / 2.0;
    }

    static String phaseName(Milestone reached) {
        return switch (reached) {
            case TRIGGER -> "trigger";
            case DETECTED -> "to detect";
            case DIAGNOSED -> "to diagnose";
            case MITIGATED -> "to mitigate";
            case RESOLVED -> "to resolve";
        };
    }

    static Color colour(Milestone reached) {
        return switch (reached) {
            case TRIGGER, DETECTED -> TO_DETECT;
            case DIAGNOSED -> TO_DIAGNOSE;
            case MITIGATED -> TO_MITIGATE;
            case RESOLVED -> TO_RESOLVE;
        };
    }
}
