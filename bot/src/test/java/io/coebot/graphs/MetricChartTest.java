package io.coebot.graphs;

import io.coebot.timeline.Milestone;
import io.coebot.timeline.MilestoneTimes;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A graph of the incident, by what a reader sees: the lines, the milestones, the shaded impact, the legend's words. */
class MetricChartTest {
    static final Instant TRIGGER = Instant.parse("2026-11-19T14:00:00Z");
    static final Instant DETECTED = TRIGGER.plus(Duration.ofMinutes(12));
    static final Instant MITIGATED = TRIGGER.plus(Duration.ofMinutes(65));
    static final Instant RESOLVED = TRIGGER.plus(Duration.ofMinutes(90));
    static final MilestoneTimes MILESTONES = MilestoneTimes.of(Map.of(Milestone.TRIGGER, TRIGGER,
            Milestone.DETECTED, DETECTED, Milestone.MITIGATED, MITIGATED, Milestone.RESOLVED, RESOLVED));
    static final IncidentWindow WINDOW = IncidentWindow.of(MILESTONES, TRIGGER.plus(Duration.ofDays(1))).orElseThrow();

    @Test
    void linesMilestonesAndTheShadedImpactAreWhereTheirTimesAre() {
        Series flat = series(Map.of("__name__", "errors", "code", "500"), t -> 4.0);
        Series zero = series(Map.of("__name__", "errors", "code", "200"), t -> 0.0);
        Picture p = MetricChart.draw("Checkout errors", "errors", List.of(flat, zero), WINDOW, MILESTONES);
        assertEquals(MetricChart.WIDTH, p.image().getWidth());
        assertEquals(MetricChart.HEIGHT, p.image().getHeight());

        Instant quiet = TRIGGER.minus(Duration.ofMinutes(15));
        assertNear(new Color(0x4E79A7), p.rgb(p.x(quiet), p.y(4.0)), "the first series' line at 4");
        // inside the impact window, away from any line: white under 40/255 of red
        Instant hurting = TRIGGER.plus(Duration.ofMinutes(40));
        Color shaded = blend(MetricChart.IMPACT, Color.WHITE);
        assertNear(shaded, p.rgb(p.x(hurting), p.y(2.0)), "the impact window is shaded");
        assertNear(Color.WHITE, p.rgb(p.x(quiet), p.y(2.0)), "before the trigger nothing is shaded");
        assertNear(MetricChart.MILESTONE_COLOURS.get(Milestone.DETECTED), p.rgb(p.x(DETECTED), p.y(2.5)),
                "the detection line");
    }

    @Test
    void moreThanTenSeriesDrawTheTenBusiestAndCountTheRest() throws java.io.IOException {
        List<Series> many = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            double peak = i;
            many.add(series(Map.of("instance", "host-" + i), t -> peak));
        }
        List<Series> drawn = MetricChart.busiest(many);
        assertEquals(10, drawn.size());
        assertTrue(drawn.stream().allMatch(s -> s.peak() >= 4), "the four quietest are left out");
        assertEquals("up · 10 busiest of 14 series, and 4 more", MetricChart.subtitle("up", 14, 10));
        Picture p = MetricChart.draw("Hosts", "up", many, WINDOW, MILESTONES);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "metric-chart.png"), p.png());
        assertEquals(MetricChart.WIDTH, p.image().getWidth());
    }

    @Test
    void gapsAndInfinitiesInTheDataAreBreaksInTheLineNotAFailure() {
        Series holes = series(Map.of("quantile", "0.99"), t -> (t / 60_000) % 10 == 0 ? Double.NaN
                : (t / 60_000) % 10 == 5 ? Double.POSITIVE_INFINITY : 3.0);
        Series nothing = series(Map.of("quantile", "0.5"), t -> Double.NaN);
        Picture p = MetricChart.draw("p99", "histogram_quantile(0.99, x)", List.of(holes, nothing), WINDOW, MILESTONES);
        assertNear(new Color(0x4E79A7), p.rgb(p.x(TRIGGER.minus(Duration.ofMinutes(27))), p.y(3.0)), "the finite values are drawn");
    }

    @Test
    void theLegendNamesWhatTellsTheSeriesApart() {
        Series a = series(Map.of("__name__", "http_requests_total", "job", "api", "code", "500"), t -> 1.0);
        Series b = series(Map.of("__name__", "http_requests_total", "job", "api", "code", "502"), t -> 1.0);
        assertEquals(List.of("code=500", "code=502"), MetricChart.legends("http_requests_total", List.of(a, b)));
        assertEquals(List.of("http_requests_total"), MetricChart.legends("http_requests_total", List.of(a)));
        Series aggregate = series(Map.of(), t -> 1.0);
        assertEquals(List.of("sum(rate(x[5m]))"), MetricChart.legends("sum(rate(x[5m]))", List.of(aggregate)));
    }

    @Test
    void theUnitComesFromTheMetricNamesWhenTheySayIt() {
        assertEquals("seconds", MetricChart.Units.of("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"));
        assertEquals("per second", MetricChart.Units.of("sum(rate(http_requests_total{code=~\"5..\"}[5m]))"));
        assertEquals("bytes per second", MetricChart.Units.of("rate(node_network_receive_bytes_total[1m])"));
        assertEquals("bytes", MetricChart.Units.of("process_resident_memory_bytes"));
        assertEquals("ratio", MetricChart.Units.of("checkout_error_ratio"));
        assertNull(MetricChart.Units.of("up"));
        assertEquals("per second", MetricChart.Units.of("rate(http_request_duration_seconds_count[5m])"));
    }

    @Test
    void theWindowRunsFromHalfAnHourBeforeTheTriggerToHalfAnHourAfterResolutionInAboutThreeHundredSteps() {
        assertEquals(TRIGGER.minus(Duration.ofMinutes(30)), WINDOW.from());
        assertEquals(RESOLVED.plus(Duration.ofMinutes(30)), WINDOW.to());
        assertEquals(Duration.ofSeconds(30), WINDOW.step()); // 150 minutes / 300
        Instant now = TRIGGER.plus(Duration.ofMinutes(20));
        IncidentWindow open = IncidentWindow.of(MilestoneTimes.of(Map.of(Milestone.TRIGGER, TRIGGER)), now).orElseThrow();
        assertEquals(now, open.to(), "an unresolved incident is drawn up to now");
        assertTrue(IncidentWindow.of(MilestoneTimes.of(Map.of()), now).isEmpty());
        assertEquals(Duration.ofSeconds(1), IncidentWindow.stepFor(Duration.ofSeconds(10)));
    }

    static Series series(Map<String, String> labels, java.util.function.DoubleUnaryOperator value) {
        int n = 300;
        long[] t = new long[n];
        double[] v = new double[n];
        long from = WINDOW.from().toEpochMilli();
        long step = WINDOW.step().toMillis();
        for (int i = 0; i < n; i++) {
            t[i] = from + i * step;
            v[i] = value.applyAsDouble(t[i]);
        }
        return new Series(labels, t, v);
    }

    static Color blend(Color over, Color under) {
        double a = over.getAlpha() / 255.0;
        return new Color((int) Math.round(over.getRed() * a + under.getRed() * (1 - a)),
                (int) Math.round(over.getGreen() * a + under.getGreen() * (1 - a)),
                (int) Math.round(over.getBlue() * a + under.getBlue() * (1 - a)));
    }

    static void assertNear(Color expected, int rgb, String what) {
        Color got = new Color(rgb);
        int distance = Math.abs(got.getRed() - expected.getRed()) + Math.abs(got.getGreen() - expected.getGreen())
                + Math.abs(got.getBlue() - expected.getBlue());
        assertTrue(distance <= 30, what + ": expected about #" + Integer.toHexString(expected.getRGB() & 0xFFFFFF)
                + ", found #" + Integer.toHexString(rgb));
    }
}
