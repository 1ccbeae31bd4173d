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
 * bench.variants measures several configurations of the bot in the same rounds, to see one step's effect under the
 * same load: {@code "name:-Dopt -Dopt2|name2:"}, each name's options added to bench.jvmArgs (default: one variant,
 * "coe-bot", with none).
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
        Map<String, List<String>> variants = variants(System.getProperty("bench.variants", "coe-bot:"), jvmArgs);
        System.out.println("machine: " + Proc.machine() + "; load average: " + Proc.loadAverage()
                + "; JVM options " + (jvmArgs.isEmpty() ? "(defaults)" : jvmArgs) + "; variants " + variants);
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            for (int run = 1; run <= runs; run++) {
                Path bare = Files.createTempDirectory("coe-startup-bare-");
                try {
                    // every program once per round, one after the other, so that each meets the load of the moment alike
                    record("bare Bolt", run, starts, start("io.coebot.bench.BareBoltApp", bare, slack, jvmArgs));
                    for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                        Path dir = Files.createTempDirectory("coe-startup-");
                        String name = variants.size() == 1 ? "" : v.getKey() + ", ";
                        try {
                            record(name + "fresh database", run, starts, start("io.coebot.Application", dir, slack, v.getValue()));
                            record(name + "existing database", run, starts, start("io.coebot.Application", dir, slack, v.getValue()));
                        } finally {
                            deleteTree(dir);
                        }
                    }
                } finally {
                    deleteTree(bare);
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
        System.out.println("| | ready | JVM RSS | PostgreSQL PSS | JVM before main | context | PostgreSQL start | schema | HTTP server |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        starts.forEach((kind, list) -> System.out.printf("| %s | %d ms | %d MB | %d MB | %s | %s | %s | %s | %s |%n", kind,
                median(list, s -> s.readyMs), median(list, s -> s.memory.jvmMb()), median(list, s -> s.memory.postgresPssMb()),
                phase(list, StartupPhases::jvmMs), phase(list, StartupPhases::contextMs), phase(list, StartupPhases::postgresMs),
                phase(list, StartupPhases::schemaMs), phase(list, StartupPhases::httpMs)));
        long bare = median(starts.get("bare Bolt"), s -> s.readyMs);
        starts.forEach((kind, list) -> {
            if (!kind.equals("bare Bolt")) {
                System.out.printf("%s / bare Bolt: %.2f×%n", kind, (double) median(list, s -> s.readyMs) / bare);
            }
        });
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

    /** "a:-Dx -Dy|b:" → {a: jvmArgs + [-Dx, -Dy], b: jvmArgs}, in order. */
    private static Map<String, List<String>> variants(String spec, List<String> jvmArgs) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        for (String v : spec.split("\\|")) {
            int colon = v.indexOf(':');
            String name = (colon < 0 ? v : v.substring(0, colon)).strip();
            String opts = colon < 0 ? "" : v.substring(colon + 1).strip();
            List<String> args = new ArrayList<>(jvmArgs);
            if (!opts.isEmpty()) {
                args.addAll(Arrays.asList(opts.split("\\s+")));
            }
            variants.put(name, args);
        }
        return variants;
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
