package io.coebot.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package, 2.42 here), started for a test on a free loopback port with
 * its own TSDB, which {@code promtool tsdb create-blocks-from openmetrics} fills from an OpenMetrics file the test
 * writes: the incident's history exists in the past, as it would for a COE written the day after.
 *
 * <p>Where {@code prometheus} or {@code promtool} is not installed ({@code .ci/run} installs them as root with apt),
 * {@link #start} skips the test with a message saying so: a missing server is never faked.
 */
public final class RealPrometheus implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private RealPrometheus(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The binary on the PATH, or null. */
    static String find(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(d, name);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    /**
     * @param openMetrics the samples, in the OpenMetrics text format, ending with {@code # EOF}; timestamps in seconds,
     *                    in the past
     */
    public static RealPrometheus start(String openMetrics) {
        String prometheus = find("prometheus");
        String promtool = find("promtool");
        Assumptions.assumeTrue(prometheus != null && promtool != null,
                "Skipped: the Prometheus tests need Debian's `prometheus` package (prometheus and promtool on the PATH); "
                        + ".ci/run installs it when it runs as root with apt-get.");
        try {
            Path dir = Files.createTempDirectory("coe-prometheus-");
            Path data = dir.resolve("data.om");
            Files.writeString(data, openMetrics, StandardCharsets.UTF_8);
            Path tsdb = dir.resolve("tsdb");
            Process fill = new ProcessBuilder(promtool, "tsdb", "create-blocks-from", "openmetrics", data.toString(),
                    tsdb.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("promtool.log").toFile()).start();
            if (!fill.waitFor(60, TimeUnit.SECONDS) || fill.exitValue() != 0) {
                throw new IllegalStateException("promtool could not fill the TSDB: " + Files.readString(dir.resolve("promtool.log")));
            }
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, "global: {}\n");
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + tsdb,
                    "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            RealPrometheus running = new RealPrometheus(p, dir, port);
            running.awaitReady();
            return running;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus was not ready within 60 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * An OpenMetrics gauge sampled every minute from {@code from} to {@code to}; {@code value} gives each sample.
     * Lines only (no {@code # EOF}), so several metrics can be joined: {@link #openMetrics} ends the file.
     */
    public static String gauge(String name, String labels, Instant from, Instant to,
                               java.util.function.Function<Instant, Double> value) {
        StringBuilder sb = new StringBuilder();
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(60)) {
            sb.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(value.apply(t))
                    .append(' ').append(t.getEpochSecond()).append('\n');
        }
        return sb.toString();
    }

    /** One file of gauges: their samples must be grouped by metric family, each after its TYPE line. */
    public static String openMetrics(List<String> families) {
        return String.join("", families) + "# EOF\n";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
