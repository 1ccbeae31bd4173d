package io.coebot.bench;

import io.coebot.testing.RunningApp;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The bot as it runs in production: its own JVM ({@code io.coebot.Application}), configured only by
 * environment variables, with its embedded PostgreSQL as child processes. Benchmarks measure it from
 * outside so that their own memory and threads are not counted.
 */
final class AppProcess implements AutoCloseable {
    private final Path dataDir;
    private final String slackApiUrl;
    private final int port;
    private final List<String> jvmArgs;
    private final String mainClass;
    private final String classpath;
    private Process process;

    AppProcess(Path dataDir, String slackApiUrl, int port, List<String> jvmArgs) {
        this("io.coebot.Application", dataDir, slackApiUrl, port, jvmArgs);
    }

    /** Another main class with the same environment (the bare Bolt app of the load benchmark). */
    AppProcess(String mainClass, Path dataDir, String slackApiUrl, int port, List<String> jvmArgs) {
        this(mainClass, dataDir, slackApiUrl, port, jvmArgs, classpath());
    }

    /** With another classpath (the startup benchmark's jars only: Class Data Sharing refuses class directories). */
    AppProcess(String mainClass, Path dataDir, String slackApiUrl, int port, List<String> jvmArgs, String classpath) {
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.dataDir = dataDir;
        this.slackApiUrl = slackApiUrl;
        this.port = port;
        this.jvmArgs = jvmArgs;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM and waits for GET /health to answer UP; returns the milliseconds that took. */
    long startAndAwaitReady(Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SLACK_BOT_TOKEN", RunningApp.BOT_TOKEN);
        pb.environment().put("SLACK_SIGNING_SECRET", RunningApp.SIGNING_SECRET);
        pb.environment().put("SLACK_API_URL", slackApiUrl);
        pb.environment().put("COE_DATA_DIR", dataDir.toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        pb.environment().remove("SLACK_APP_TOKEN");
        pb.environment().remove("DATASOURCES_DEFAULT_URL");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dataDir.resolve("app.log").toFile());
        Files.createDirectories(dataDir);
        long began = System.nanoTime();
        process = pb.start();
        Process started = process;
        // the benchmark interrupted (Ctrl-C) must not leave the app and its PostgreSQL running
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long deadline = began + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + dataDir.resolve("app.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return (System.nanoTime() - began) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready within " + timeout + "; see " + dataDir.resolve("app.log"));
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the app's JVM, and of its PostgreSQL processes (RSS summed, and PSS which shares shared memory fairly). */
    Memory memory() {
        long jvm = Proc.kb(process.pid(), "status", "VmRSS:");
        long pgRss = 0;
        long pgPss = 0;
        int pgCount = 0;
        for (ProcessHandle h : postgresProcesses()) {
            pgRss += Proc.kb(h.pid(), "status", "VmRSS:");
            pgPss += Proc.kb(h.pid(), "smaps_rollup", "Pss:");
            pgCount++;
        }
        return new Memory(jvm / 1024, pgRss / 1024, pgPss / 1024, pgCount);
    }

    record Memory(long jvmMb, long postgresRssMb, long postgresPssMb, int postgresProcesses) {
        @Override
        public String toString() {
            return String.format("JVM RSS %d MB; PostgreSQL (%d processes) RSS sum %d MB, PSS %d MB; JVM + PSS %d MB",
                    jvmMb, postgresProcesses, postgresRssMb, postgresPssMb, jvmMb + postgresPssMb);
        }
    }

    /** pg_ctl detaches the postmaster from the JVM: find it by the data folder's postmaster.pid, then its backends. */
    List<ProcessHandle> postgresProcesses() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
            ProcessHandle.of(postmaster).ifPresent(pm -> {
                all.add(pm);
                all.addAll(pm.descendants().toList());
            });
        } catch (IOException | RuntimeException e) {
            // no embedded database (yet)
        }
        return all.stream().distinct().toList();
    }

    /** SIGKILL of the JVM alone, as the OOM killer does: its PostgreSQL is left to the watchdog and the next start. */
    void killJvm() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        process = null;
    }

    /** SIGKILL of the JVM and of every PostgreSQL process at once, as when a container or a machine dies. */
    void killJvmAndDatabase() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(postgresProcesses());
        all.addAll(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone already
            }
        }
        process = null;
    }

    /** The embedded PostgreSQL the app runs on (its port is the fourth line of postmaster.pid). */
    String jdbcUrl() throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
    }

    /** SIGTERM, without waiting: what the app does meanwhile is the test's to watch ({@link #close} still tidies up). */
    void sendSigterm() {
        process.destroy();
    }

    boolean exitedWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String log() throws IOException {
        return Files.readString(dataDir.resolve("app.log"));
    }

    /** Stops the app as a deployment would (SIGTERM: Micronaut closes the pools, then PostgreSQL). */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = postgresProcesses();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // a PostgreSQL left behind by a hard kill would hold the data directory
        for (ProcessHandle h : children) {
            if (h.isAlive()) {
                h.destroy();
            }
        }
        for (ProcessHandle h : children) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone or stuck: nothing more to do here
            }
        }
        process = null;
    }

    /** The classpath this program runs with (exec:java gives it a URLClassLoader; java -cp the system property). */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        while (cl != null) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (Exception ignored) {
                        // not a file
                    }
                }
            }
            cl = cl.getParent();
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }
}
