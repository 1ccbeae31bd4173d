package io.coebot.bench;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Startup benchmark: the bot in a fresh JVM, from process start to GET /health UP, and its memory once
 * ready; first on an empty data folder (initdb and every migration), then again on the database that
 * run left (a redeploy). bench.runs (default 3) repeats the pair; bench.jvmArgs adds JVM options.
 *
 * <pre>./mvnw -q test-compile exec:java@startup-benchmark</pre>
 */
public final class StartupBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        String extra = System.getProperty("bench.jvmArgs", "").strip();
        List<String> jvmArgs = extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
        System.out.println("# coe-bot startup benchmark, " + Instant.now());
        System.out.println("machine: " + Proc.machine() + "; load average: " + Proc.loadAverage()
                + "; app JVM options " + (jvmArgs.isEmpty() ? "(defaults)" : jvmArgs));
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            for (int run = 1; run <= runs; run++) {
                Path dir = Files.createTempDirectory("coe-startup-");
                for (String kind : List.of("fresh database", "existing database")) {
                    try (AppProcess app = new AppProcess(dir, slack.apiUrl(), LoadBenchmark.freePort(), jvmArgs)) {
                        long ms = app.startAndAwaitReady(Duration.ofSeconds(120));
                        Thread.sleep(1000); // let start-up work (outbox poll, housekeeping) settle
                        System.out.printf("run %d, %-17s: ready in %5d ms; %s%n", run, kind, ms, app.memory());
                    }
                }
            }
        }
    }
}
