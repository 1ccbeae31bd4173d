package io.coebot.graphs;

import io.coebot.timeline.Milestone;
import io.coebot.timeline.MilestoneTimes;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineSource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 20's speed figure, as a program (not a timed test): one incident graph of 10 series × 300 points, drawn and
 * encoded as the PNG that is uploaded, {@code graph.runs} times after {@code graph.warmup} unmeasured ones (the first
 * draw loads AWT, the font and JFreeChart's classes: reported on its own). Time per chart (median, p95, max); heap
 * allocated per chart (the JVM's per-thread allocation counter), and the heap the drawing holds at its peak above
 * what was in use before (used heap after a GC with one finished chart still referenced, minus the same before it).
 * The timeline chart of a 60-entry COE is measured the same way.
 *
 * <pre>./mvnw -q test-compile exec:java@graph-benchmark [-Dgraph.runs=50] [-Dgraph.warmup=10]</pre>
 */
public final class GraphRenderBenchmark {
    public static void main(String[] args) {
        int runs = Integer.getInteger("graph.runs", 50);
        int warmup = Integer.getInteger("graph.warmup", 10);
        Instant trigger = Instant.parse("2026-11-19T14:00:00Z");
        MilestoneTimes milestones = MilestoneTimes.of(Map.of(Milestone.TRIGGER, trigger,
                Milestone.DETECTED, trigger.plus(Duration.ofMinutes(12)), Milestone.DIAGNOSED, trigger.plus(Duration.ofMinutes(40)),
                Milestone.MITIGATED, trigger.plus(Duration.ofMinutes(65)), Milestone.RESOLVED, trigger.plus(Duration.ofMinutes(120))));
        IncidentWindow window = IncidentWindow.of(milestones, trigger.plus(Duration.ofDays(1))).orElseThrow();
        List<Series> series = series(window, 10, 300);
        Timeline timeline = timeline(trigger, milestones);

        System.out.printf(Locale.ROOT, "JDK %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long first = System.nanoTime();
        byte[] png = MetricChart.draw("Checkout errors", "sum by (instance) (rate(checkout_errors_total[5m]))", series,
                window, milestones).png();
        System.out.printf(Locale.ROOT, "first chart (class loading, font): %.0f ms, PNG %d KB%n",
                (System.nanoTime() - first) / 1e6, png.length >> 10);

        measure("graph 10 series x 300 points", runs, warmup, () -> MetricChart.draw("Checkout errors",
                "sum by (instance) (rate(checkout_errors_total[5m]))", series, window, milestones).png());
        measure("timeline chart, 60 entries", runs, warmup, () -> TimelineChart.png("COE-3", "Checkout 500s", timeline));
    }

    private static void measure(String what, int runs, int warmup, java.util.function.Supplier<byte[]> draw) {
        for (int i = 0; i < warmup; i++) {
            draw.get();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double[] ms = new double[runs];
        long allocated = 0;
        for (int i = 0; i < runs; i++) {
            long before = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            draw.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
            allocated += threads.getThreadAllocatedBytes(thread) - before;
        }
        Arrays.sort(ms);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = memory.getHeapMemoryUsage().getUsed();
        // the peak a chart holds: a draw's working set, sampled right after it while nothing was collected
        long peak = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long start = memory.getHeapMemoryUsage().getUsed();
            byte[] kept = draw.get();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed() - start);
            if (kept.length == 0) {
                throw new IllegalStateException();
            }
        }
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%s: %d runs, median %.1f ms, p95 %.1f ms, max %.1f ms; allocated %.1f MB per chart; "
                        + "heap grown during one chart (upper bound, nothing collected) %.1f MB; retained after GC %+.1f MB%n",
                what, runs, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1],
                allocated / (double) runs / (1 << 20), peak / (double) (1 << 20), (after - base) / (double) (1 << 20));
    }

    static List<Series> series(IncidentWindow window, int count, int points) {
        List<Series> out = new ArrayList<>();
        long from = window.from().toEpochMilli();
        long step = window.length().toMillis() / points;
        for (int s = 0; s < count; s++) {
            long[] t = new long[points];
            double[] v = new double[points];
            for (int i = 0; i < points; i++) {
                t[i] = from + i * step;
                v[i] = 10 + s * 3 + 5 * Math.sin(i / 15.0 + s) + (i > 60 && i < 190 ? 40 : 0);
            }
            Map<String, String> labels = new HashMap<>();
            labels.put("instance", "checkout-" + s);
            out.add(new Series(labels, t, v));
        }
        return out;
    }

    static Timeline timeline(Instant trigger, MilestoneTimes milestones) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            entries.add(new TimelineEntry(i + 1, trigger.plus(Duration.ofMinutes(i * 2L + (i > 20 && i < 25 ? 10 : 0))),
                    null, "entry " + i, "U1", TimelineSource.MANUAL, null, null, null));
        }
        return new Timeline(entries, milestones.asMap());
    }
}
