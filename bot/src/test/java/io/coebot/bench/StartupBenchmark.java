package io.coebot.bench;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;

import java.io.File;
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
import java.util.spi.ToolProvider;
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
 * "coe-bot", with none). bench.cds (default true) adds two variants run from jars, as a deployment does: "jars"
 * (the app's classes packed in a jar, the classpath otherwise the same) and "jars + AppCDS" (the same with a Class
 * Data Sharing archive, written by a training start with -XX:ArchiveClassesAtExit first; JDK 17 archives classes
 * from jars only, which is why mn:run, which runs from target/classes, cannot use one).
 *
 * <pre>./mvnw -q test-compile exec:java@startup-benchmark</pre>
 */
public final class StartupBenchmark {
    /** README's production JVM options: the benchmark measures what is deployed unless told otherwise. */
    static final String DEFAULT_JVM_ARGS = "-Xms32m -Xmx128m -XX:+UseSerialGC";

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        String given = System.getProperty("bench.jvmArgs", DEFAULT_JVM_ARGS).strip();
        List<String> jvmArgs = given.isEmpty() ? List.of() : Arrays.asList(given.split("\\s+"));
        System.out.println("# coe-bot startup benchmark, " + Instant.now());
        Map<String, Variant> variants = variants(System.getProperty("bench.variants", "coe-bot:"), jvmArgs);
        System.out.println("machine: " + Proc.machine() + "; load average: " + Proc.loadAverage()
                + "; JVM options " + (jvmArgs.isEmpty() ? "(defaults)" : jvmArgs) + "; variants " + variants.keySet());
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        Path cdsWork = Files.createTempDirectory("coe-startup-cds-");
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            if (Boolean.parseBoolean(System.getProperty("bench.cds", "true"))) {
                String jars = jarClasspath(cdsWork);
                variants.put("jars", new Variant(jvmArgs, jars));
                Path archive = train(cdsWork, jars, slack, jvmArgs);
                List<String> withArchive = new ArrayList<>(jvmArgs);
                withArchive.add("-XX:SharedArchiveFile=" + archive);
                variants.put("jars + AppCDS", new Variant(withArchive, jars));
            }
            for (int run = 1; run <= runs; run++) {
                Path bare = Files.createTempDirectory("coe-startup-bare-");
                try {
                    // every program once per round, one after the other, so that each meets the load of the moment alike
                    record("bare Bolt", run, starts, start("io.coebot.bench.BareBoltApp", bare, slack, jvmArgs));
                    for (Map.Entry<String, Variant> v : variants.entrySet()) {
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
        } finally {
            deleteTree(cdsWork);
        }
        report(starts, runs);
        System.out.println("load average at the end: " + Proc.loadAverage());
    }

    private static Start start(String mainClass, Path dir, FakeSlack slack, List<String> jvmArgs) throws Exception {
        return start(mainClass, dir, slack, new Variant(jvmArgs, AppProcess.classpath()));
    }

    private static Start start(String mainClass, Path dir, FakeSlack slack, Variant variant) throws Exception {
        try (AppProcess app = new AppProcess(mainClass, dir, slack.apiUrl(), freePort(), variant.jvmArgs, variant.classpath)) {
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

    /** "a:-Dx -Dy|b:" → {a: jvmArgs + [-Dx, -Dy], b: jvmArgs}, in order, on this program's classpath. */
    private static Map<String, Variant> variants(String spec, List<String> jvmArgs) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        for (String v : spec.split("\\|")) {
            int colon = v.indexOf(':');
            String name = (colon < 0 ? v : v.substring(0, colon)).strip();
            String opts = colon < 0 ? "" : v.substring(colon + 1).strip();
            List<String> args = new ArrayList<>(jvmArgs);
            if (!opts.isEmpty()) {
                args.addAll(Arrays.asList(opts.split("\\s+")));
            }
            variants.put(name, new Variant(args, AppProcess.classpath()));
        }
        return variants;
    }

    /**
     * This program's classpath with the bot's target/classes packed into a jar and other class folders left out (the app
     * needs none: the tests' classes and, in the Maven reactor, the fake Slack module's target/classes).
     */
    private static String jarClasspath(Path work) {
        List<String> entries = new ArrayList<>();
        Path jar = work.resolve("coe-bot.jar");
        for (String entry : AppProcess.classpath().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))
                    && Files.exists(p.resolve(Path.of("io", "coebot", "Application.class")))) {
                int rc = ToolProvider.findFirst("jar").orElseThrow()
                        .run(System.out, System.err, "cf", jar.toString(), "-C", p.toString(), ".");
                if (rc != 0) {
                    throw new IllegalStateException("jar exited with " + rc);
                }
                entries.add(0, jar.toString());
            } else if (!Files.isDirectory(p)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A training start on a fresh database (so that Flyway's classes are in it too), stopped with SIGTERM: the JVM writes the archive as it exits. */
    private static Path train(Path work, String classpath, FakeSlack slack, List<String> jvmArgs) throws Exception {
        Path archive = work.resolve("coe-bot.jsa");
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-XX:ArchiveClassesAtExit=" + archive);
        Path dir = work.resolve("training");
        try (AppProcess app = new AppProcess("io.coebot.Application", dir, slack.apiUrl(), freePort(), args, classpath)) {
            app.startAndAwaitReady(Duration.ofSeconds(120));
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no archive written; see " + dir.resolve("app.log"));
        }
        System.out.printf("AppCDS archive: %d MB from a training start%n", Files.size(archive) >> 20);
        return archive;
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

    record Variant(List<String> jvmArgs, String classpath) {
    }

    record Start(long readyMs, AppProcess.Memory memory, StartupPhases phases, String load) {
    }
}
