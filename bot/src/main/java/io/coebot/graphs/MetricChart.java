package io.coebot.graphs;

import io.coebot.timeline.Milestone;
import io.coebot.timeline.MilestoneTimes;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A graph of the incident: one line per series over the {@link IncidentWindow} (time in UTC, the one zone a COE
 * states), the COE's milestones as labelled vertical lines, and the impact window (trigger to mitigation) shaded,
 * so a reader sees at a glance when it started hurting, when the team noticed, and when it stopped. Pure: the same
 * input draws the same pixels.
 */
final class MetricChart {
    static final int WIDTH = 1000;
    static final int HEIGHT = 520;
    /** More lines than this are a tangle nobody can read; the busiest are drawn and the rest counted. */
    static final int MAX_SERIES = 10;

    static final Color IMPACT = new Color(0xD9, 0x30, 0x25, 40);
    /** One colour a line, far enough apart to tell ten of them apart (Tableau 10). */
    private static final Color[] LINES = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
            new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};
    static final Map<Milestone, Color> MILESTONE_COLOURS = milestoneColours();

    private MetricChart() {
    }

    static Picture draw(String title, String query, List<Series> all, IncidentWindow window, MilestoneTimes milestones) {
        List<Series> shown = busiest(all);
        DefaultXYDataset data = new DefaultXYDataset();
        List<String> legends = legends(query, shown);
        for (int i = 0; i < shown.size(); i++) {
            Series s = shown.get(i);
            double[][] xy = new double[2][s.size()];
            for (int p = 0; p < s.size(); p++) {
                xy[0][p] = s.timesMillis()[p];
                // +Inf (a quantile over an empty bucket) would stretch the axis to nothing: not drawn, like NaN
                double v = s.values()[p];
                xy[1][p] = Double.isInfinite(v) ? Double.NaN : v;
            }
            // the legend names a series; two equal names would be one series to the dataset
            data.addSeries(unique(legends.get(i), i, legends), xy);
        }
        DateAxis time = new DateAxis("Time (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        time.setRange(window.from().toEpochMilli(), window.to().toEpochMilli());
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        String unit = Units.of(query);
        NumberAxis value = new NumberAxis(unit == null ? null : unit);
        value.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(data, time, value, lines);
        JFreeChart chart = new JFreeChart(title, ChartStyle.font(Font.BOLD, 16f), plot, true);
        // the theme resets series paints: ours go on after it
        ChartStyle.apply(chart);
        for (int i = 0; i < shown.size(); i++) {
            lines.setSeriesPaint(i, LINES[i % LINES.length]);
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        marks(plot, milestones, window);
        chart.addSubtitle(new TextTitle(subtitle(query, all.size(), shown.size()), ChartStyle.font(Font.PLAIN, 11f)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, info);
        return new Picture(image, plot, info.getPlotInfo().getDataArea());
    }

    /** Milestones as labelled lines, and the time customers were hurt shaded behind the data. */
    static void marks(XYPlot plot, MilestoneTimes milestones, IncidentWindow window) {
        Instant start = milestones.time(Milestone.TRIGGER).orElse(null);
        Instant end = milestones.time(Milestone.MITIGATED).or(() -> milestones.time(Milestone.RESOLVED))
                .orElse(window.to());
        if (start != null && end.isAfter(start)) {
            IntervalMarker impact = new IntervalMarker(start.toEpochMilli(), end.toEpochMilli(), IMPACT);
            impact.setLabel("impact");
            impact.setLabelFont(ChartStyle.font(Font.PLAIN, 10f));
            impact.setLabelAnchor(RectangleAnchor.BOTTOM);
            impact.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            impact.setLabelBackgroundColor(ChartStyle.LABEL_BACKGROUND);
            plot.addDomainMarker(impact, Layer.BACKGROUND);
        }
        int row = 0;
        for (Map.Entry<Milestone, Instant> m : milestones.asMap().entrySet()) {
            // labels of milestones minutes apart would print over each other: each on its own line
            plot.addDomainMarker(milestoneLine(m.getKey(), m.getValue(), row++ % 5), Layer.FOREGROUND);
        }
    }

    /** A milestone as a dashed line in its colour, labelled with its key on line {@code row} from the top. */
    static ValueMarker milestoneLine(Milestone m, Instant at, int row) {
        ValueMarker line = new ValueMarker(at.toEpochMilli(), MILESTONE_COLOURS.get(m),
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        line.setLabel(m.key());
        line.setLabelFont(ChartStyle.font(Font.BOLD, 10f));
        line.setLabelPaint(MILESTONE_COLOURS.get(m));
        line.setLabelBackgroundColor(ChartStyle.LABEL_BACKGROUND);
        line.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 13 * row, 4, 4, 4));
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return line;
    }

    /** The series to draw: all of them, or the {@link #MAX_SERIES} with the highest peaks, in the server's order. */
    static List<Series> busiest(List<Series> all) {
        if (all.size() <= MAX_SERIES) {
            return all;
        }
        Comparator<Series> byPeak = Comparator.comparingDouble(s -> Double.isNaN(s.peak()) ? Double.NEGATIVE_INFINITY : s.peak());
        Set<Series> top = new java.util.HashSet<>(all.stream().sorted(byPeak.reversed()).limit(MAX_SERIES).toList());
        return all.stream().filter(top::contains).toList();
    }

    static String subtitle(String query, int total, int shown) {
        String q = query.length() > 140 ? query.substring(0, 139) + "…" : query;
        String more = total > shown ? " · " + shown + " busiest of " + total + " series, and " + (total - shown) + " more" : "";
        return q + more;
    }

    /**
     * What to call each series: the labels that tell them apart ({@code code=500, instance=a}), without those all
     * series share; a lone series is named by its metric name or, for an aggregate with no labels, by the query.
     */
    static List<String> legends(String query, List<Series> shown) {
        Set<String> varying = new TreeSet<>();
        for (Series s : shown) {
            for (Map.Entry<String, String> l : s.labels().entrySet()) {
                boolean sameEverywhere = shown.stream().allMatch(o -> l.getValue().equals(o.labels().get(l.getKey())));
                if (!sameEverywhere) {
                    varying.add(l.getKey());
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Series s : shown) {
            List<String> parts = new ArrayList<>();
            for (String key : varying) {
                String v = s.labels().get(key);
                if (v != null) {
                    parts.add(key.equals("__name__") ? v : key + "=" + v);
                }
            }
            String name = !parts.isEmpty() ? String.join(", ", parts)
                    : s.labels().containsKey("__name__") ? s.labels().get("__name__")
                    : s.labels().isEmpty() ? shortQuery(query)
                    : s.labels().entrySet().stream().filter(e -> !e.getKey().equals("__name__"))
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(shortQuery(query));
            out.add(name.length() > 80 ? name.substring(0, 79) + "…" : name);
        }
        return out;
    }

    private static String unique(String legend, int index, List<String> all) {
        return all.indexOf(legend) == index ? legend : legend + " (" + (index + 1) + ")";
    }

    private static String shortQuery(String query) {
        return query.length() > 60 ? query.substring(0, 59) + "…" : query;
    }

    private static Map<Milestone, Color> milestoneColours() {
        Map<Milestone, Color> m = new EnumMap<>(Milestone.class);
        m.put(Milestone.TRIGGER, new Color(0xB0, 0x1E, 0x1E));
        m.put(Milestone.DETECTED, new Color(0xC2, 0x6A, 0x00));
        m.put(Milestone.DIAGNOSED, new Color(0x6A, 0x3D, 0x9A));
        m.put(Milestone.MITIGATED, new Color(0x1F, 0x5F, 0xB4));
        m.put(Milestone.RESOLVED, new Color(0x2E, 0x7D, 0x32));
        return m;
    }

    /** The unit a query's values are in, when its metric names say so (Prometheus naming conventions). */
    static final class Units {
        private static final Pattern SECONDS = Pattern.compile("_seconds(?:_bucket|_sum|_total)?\\b");
        private static final Pattern BYTES = Pattern.compile("_bytes(?:_bucket|_sum|_total)?\\b");
        private static final Pattern RATIO = Pattern.compile("_ratio\\b");
        private static final Pattern PERCENT = Pattern.compile("_percent\\b");
        private static final Pattern RATE = Pattern.compile("\\bi?rate\\s*\\(");

        private Units() {
        }

        /** Null when the names do not say: a wrong unit on the axis is worse than none. */
        static String of(String query) {
            String base = SECONDS.matcher(query).find() ? "seconds"
                    : BYTES.matcher(query).find() ? "bytes"
                    : PERCENT.matcher(query).find() ? "percent"
                    : RATIO.matcher(query).find() ? "ratio" : null;
            // a rate of CPU seconds or a latency quantile stays in seconds; a rate of bytes or of events is per second
            boolean rate = RATE.matcher(query).find() && !query.contains("histogram_quantile");
            if (rate && (base == null || base.equals("bytes"))) {
                return base == null ? "per second" : "bytes per second";
            }
            return base;
        }
    }
}
