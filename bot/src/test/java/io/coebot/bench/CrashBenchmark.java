package io.coebot.bench;

import java.time.Instant;
import java.util.List;

/**
 * The long crash test as a program: {@code crash.runs} interviews (default 3), each with {@code crash.kills} SIGKILLs
 * (default 25) at random moments, and the figures of each run.
 *
 * <pre>./mvnw -q test-compile exec:java@crash-benchmark -Dcrash.runs=3 -Dcrash.kills=25</pre>
 */
public final class CrashBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("crash.runs", 3);
        int kills = Integer.getInteger("crash.kills", 25);
        System.out.println("# coe-bot crash benchmark, " + Instant.now());
        System.out.println("machine: " + Proc.machine() + "; load average before: " + Proc.loadAverage());
        int failed = 0;
        for (int run = 1; run <= runs; run++) {
            long seed = System.nanoTime();
            CrashRun.Result r = new CrashRun(kills, seed,
                    List.of("-Xmx256m", "-Dcoe.slack.read-timeout-millis=1000", "-Dcoe.outbox.lease-millis=6000")).run();
            System.out.println("run " + run + " (seed " + seed + "): " + r.figures());
            r.problems().forEach(p -> System.out.println("  PROBLEM: " + p));
            failed += r.ok() ? 0 : 1;
        }
        System.out.println("load average after: " + Proc.loadAverage());
        System.out.println(failed == 0 ? "every run kept every acknowledged answer and posted nothing twice"
                : failed + " of " + runs + " runs had problems");
        System.exit(failed == 0 ? 0 : 1);
    }
}
