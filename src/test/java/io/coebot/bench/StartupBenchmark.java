package io.coebot.bench;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Startup benchmark: from process start to GET /health UP, and memory once ready, for three programs in fresh JVMs,
 * side by side in one run so that they share the machine's load: the bot on an empty data folder (initdb and every
 * migration), the bot again on the database that start left (a redeploy), and the bare Bolt app of the load
 * benchmark (the floor: a JVM, Bolt and an HTTP server, nothing else). Each round runs the three in turn;
 * bench.runs rounds (default 5) give the medians. For the bot it also prints where the seconds went, from its own
 * start-up log lines (JVM before main, application context, of which PostgreSQL and the schema, HTTP server).
 * bench.jvmArgs replaces the JVM options of all three (default: the ones README gives for production).
 *
 * <pre>./mvnw -q test-compile exec:java@startup-benchmark</pre>
 */
public final class StartupBenchmark {
    /** README's production JVM options: the benchmark measures what is deployed unless told otherwise. */
    static final String DEFAULT_JVM_ARGS = "-Xmx256m";

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        String given = System.getProperty("bench.jvmArgs", DEFAULT_JVM_ARGS).strip();
        List<String> jvmArgs = given.isEmpty() ? List.of() : Arrays.asList(given.split("\\s+"));
        System.out.println("# coe-bot startup benchmark, " + Instant.now());
        System.out.println("machine: " + Proc.machine() + "; load average: " + Proc.loadAverage()
                + "; JVM options " + (jvmArgs.isEmpty() ? "(defaults)" : jvmArgs));
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            for (int run = 1; run <= runs; run++) {
                Path bare = Files.createTempDirectory("coe-startup-bare-");
                Path dir = Files.createTempDirectory("coe-startup-");
                try {
                    // bare Bolt first: it has no data folder, and a fresh start's page cache warms nothing it reads
                    record("bare Bolt", run, starts, start("io.coebot.bench.BareBoltApp", bare, slack, jvmArgs));
                    record("fresh database", run, starts, start("io.coebot.Application", dir, slack, jvmArgs));
                    record("existing database", run, starts, start("io.coebot.Application", dir, slack, jvmArgs));
                } finally {
                    deleteTree(bare);
                    deleteTree(dir);
                }
            }
        }
        report(starts, runs);
        System.out.println("load average at the end: " + Proc.loadAverage());
    }

    private static Start start(String mainClass, Path dir, FakeSlack slack, List<String> jvmArgs) throws Exception {
        try (AppProcess app = new AppProcess(mainClass, dir, slack.apiUrl(), freePort(), jvmArgs)) {
            long ms = app.startAndAwaitReady(Duration.ofSeconds(120));
            Thread.sleep(1000); // let start-up work (outbox poll, housekeeping) settle before reading memory
            AppProcess.Memory memory = app.memory();
            return new Start(ms, memory, StartupPhases.read(dir.resolve("app.log")), Proc.loadAverage());
        }
    }

    private static void record(String kind, int run, Map<String, List<Start>> starts, Start s) {
        starts.computeIfAbsent(kind, k -> new ArrayList<>()).add(s);
        System.out.printf("run %d, %-17s: ready in %5d ms; %s%s; load %s%n", run, kind, s.readyMs, s.memory,
                s.phases.isEmpty() ? "" : "; " + s.phases, s.load.split(" ")[0]);
    }

    private static void report(Map<String, List<Start>> starts, int runs) {
        System.out.printf("%n## medians of %d%n", runs);
        System.out.println("| | ready | JVM RSS | PostgreSQL PSS | JVM before main | context | of which PostgreSQL | of which schema | HTTP server |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        starts.forEach((kind, list) -> System.out.printf("| %s | %d ms | %d MB | %d MB | %s | %s | %s | %s | %s |%n", kind,
                median(list, s -> s.readyMs), median(list, s -> s.memory.jvmMb()), median(list, s -> s.memory.postgresPssMb()),
                phase(list, StartupPhases::jvmMs), phase(list, StartupPhases::contextMs), phase(list, StartupPhases::postgresMs),
                phase(list, StartupPhases::schemaMs), phase(list, StartupPhases::httpMs)));
        long bare = median(starts.get("bare Bolt"), s -> s.readyMs);
        for (String kind : List.of("fresh database", "existing database")) {
            System.out.printf("%s / bare Bolt: %.2f×%n", kind, (double) median(starts.get(kind), s -> s.readyMs) / bare);
        }
    }

    private static String phase(List<Start> list, ToLongFunction<StartupPhases> part) {
        if (list.stream().anyMatch(s -> s.phases.isEmpty() || part.applyAsLong(s.phases) < 0)) {
            return "—";
        }
        return median(list, s -> part.applyAsLong(s.phases)) + " ms";
    }

    static long median(List<Start> list, ToLongFunction<Start> value) {
        long[] sorted = list.stream().mapToLong(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    record Start(long readyMs, AppProcess.Memory memory, StartupPhases phases, String load) {
    }
}
