package io.coebot.actions;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How long one nudge plan takes for a large workspace: 100,000 open items, 10,000 owners in 20 zones, 500 COE
 * owners, 1% of owners deactivated, 10% of items snoozed. A program, not a test: it prints figures and asserts
 * nothing.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@digest-planner-benchmark
 * </pre>
 *
 * (an execution in pom.xml: the parent's exec configuration, written for exec:exec, cannot be read by a plain
 * {@code exec:java -Dexec.mainClass=…}). It runs inside the Maven JVM, so heap figures include Maven's own objects;
 * the difference before/after building the items is what the items cost.
 */
public final class DigestPlannerBenchmark {

    private static final int ITEMS = 100_000;
    private static final int OWNERS = 10_000;
    private static final int COE_OWNERS = 500;
    private static final int WARMUP = 30;
    private static final int RUNS = 15;
    private static final String[] ZONES = {
            "UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Helsinki", "Europe/Moscow",
            "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
            "Pacific/Auckland", "America/Sao_Paulo", "America/New_York", "America/Chicago", "America/Denver",
            "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu"};
    // Monday 23 Nov 2026 at several moments: different parts of the world are in their morning
    private static final String[] CLOCKS = {
            "2026-11-23T00:30:00Z", "2026-11-23T08:30:00Z", "2026-11-23T14:30:00Z", "2026-11-23T20:30:00Z"};

    private DigestPlannerBenchmark() {
    }

    public static void main(String[] args) {
        Runtime rt = Runtime.getRuntime();
        long heapBefore = usedHeapMb(rt);

        Random random = new Random(42);
        Map<String, ZoneId> zones = new HashMap<>();
        for (int o = 0; o < OWNERS; o++) {
            zones.put(owner(o), ZoneId.of(ZONES[o % ZONES.length]));
        }
        for (int c = 0; c < COE_OWNERS; c++) {
            zones.put(coeOwner(c), ZoneId.of(ZONES[(c * 7) % ZONES.length]));
        }
        LocalDate base = LocalDate.parse("2026-11-23");
        List<ActionItem> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            int coe = random.nextInt(2_000);
            LocalDate due = base.plusDays(random.nextInt(60) - 30); // a month overdue to a month ahead
            LocalDate snooze = random.nextInt(10) == 0 ? base.plusDays(random.nextInt(7) + 1) : null;
            items.add(new ActionItem(i, coe, coe + 1, "COE " + (coe + 1), coeOwner(coe % COE_OWNERS), "C" + coe,
                    "Action item " + i, owner(i % OWNERS), Priority.values()[random.nextInt(3)], due,
                    ActionType.values()[random.nextInt(4)], ActionStatus.OPEN, null, snooze, null, null, null, null, null,
                    Instant.parse("2026-11-01T00:00:00Z")));
        }
        Set<String> deactivated = new HashSet<>();
        for (int o = 0; o < OWNERS; o += 100) {
            deactivated.add(owner(o));
        }
        long heapAfter = usedHeapMb(rt);

        for (int i = 0; i < WARMUP; i++) {
            plan(CLOCKS[i % CLOCKS.length], items, zones, deactivated);
        }

        System.out.printf("JVM: %s %s (%s), %d cores, max heap %d MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"), rt.availableProcessors(),
                rt.maxMemory() / (1024 * 1024));
        System.out.printf("items: %,d open (about 10%% snoozed), owners: %,d in %d zones (1%% deactivated), "
                + "COE owners: %d%n", items.size(), OWNERS, ZONES.length, COE_OWNERS);
        System.out.printf("heap used: %d MB before building the items, %d MB after%n", heapBefore, heapAfter);
        for (String clock : CLOCKS) {
            double[] ms = new double[RUNS];
            NudgePlan last = null;
            long allocated0 = allocatedBytes();
            for (int r = 0; r < RUNS; r++) {
                long t0 = System.nanoTime();
                last = plan(clock, items, zones, deactivated);
                ms[r] = (System.nanoTime() - t0) / (double) TimeUnit.MILLISECONDS.toNanos(1);
            }
            long allocatedMbPerPlan = (allocatedBytes() - allocated0) / RUNS / (1024 * 1024);
            Arrays.sort(ms);
            System.out.printf("%s: %,6d digests (%,7d lines), %3d overdue reports, %4d reassign requests;"
                            + " plan min %.1f / median %.1f / max %.1f ms, %d MB allocated%n",
                    clock, last.digests().size(), last.digests().stream().mapToInt(d -> d.lines().size()).sum(),
                    last.overdueReports().size(), last.reassignRequests().size(), ms[0], ms[RUNS / 2], ms[RUNS - 1],
                    allocatedMbPerPlan);
        }
        System.out.printf("heap used at the end, items still held: %d MB (%d GC collections, %d ms in GC, mostly this program's own System.gc())%n",
                usedHeapMb(rt),
                ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum());
        Reference.reachabilityFence(items); // else the JIT may free them early and the last figure would lie
        Reference.reachabilityFence(zones);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static NudgePlan plan(String clock, List<ActionItem> items, Map<String, ZoneId> zones, Set<String> deactivated) {
        return DigestPlanner.plan(Instant.parse(clock), items, zones::get, deactivated::contains, DigestSchedule.DEFAULT,
                NudgeClaims.NONE);
    }

    private static String owner(int n) {
        return String.format("U%08d", n);
    }

    private static String coeOwner(int n) {
        return String.format("UC%07d", n);
    }

    private static long usedHeapMb(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
