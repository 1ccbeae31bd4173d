package io.coebot.bench;

import com.google.gson.JsonObject;
import io.coebot.interview.InterviewMessages;
import io.coebot.sandbox.slack.Button;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackPayloads;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark (a program, not a test): the bot in its own JVM on its embedded PostgreSQL, talking to
 * a fake Slack, receives many concurrent interviews' thread replies and button clicks, signed as Slack
 * signs them, first at a fixed rate and then as fast as it takes them; the same load then goes to a
 * bare Bolt app that only acks. Prints ack latency, throughput, errors, memory and rows written.
 *
 * <pre>./mvnw -q test-compile exec:java@load-benchmark [-Dbench.rate=200 -Dbench.seconds=30 ...]</pre>
 *
 * Properties: bench.rate (events/s, 200), bench.seconds (fixed-rate phase, 30), bench.warmup (s, 10),
 * bench.maxSeconds (max-throughput phase, 15), bench.concurrency (senders in that phase, 32),
 * bench.interviews (concurrent interviews, 40), bench.clickShare (share of button clicks, 0.1),
 * bench.jvmArgs (extra JVM options of the apps, space separated).
 */
public final class LoadBenchmark {
    private static final String[] ANSWERS = {"yesterday 10:00", "yesterday 10:20", "sev2", "search-api and the indexer",
            "about 1,200 customers saw errors on checkout", "an alarm on the 5xx rate paged the on-call",
            "the deploy log showed the new config", "we rolled back the config", "see the dashboard link",
            "// talking among ourselves", "Ünïcödé ✓ and emoji 🔥 and עברית"};

    private final FakeSlack slack;
    private final SlackPayloads payloads;
    private final List<Interview> interviews = new ArrayList<>();
    private final Random random = new Random(42);
    private final double clickShare = Double.parseDouble(System.getProperty("bench.clickShare", "0.1"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(2)).build();

    private record Interview(SlackWorkspace.Channel channel, SlackWorkspace.Person person, String cardTs) {}

    private LoadBenchmark(FakeSlack slack) {
        this.slack = slack;
        this.payloads = new SlackPayloads(slack);
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int maxSeconds = Integer.getInteger("bench.maxSeconds", 15);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int interviewCount = Integer.getInteger("bench.interviews", 40);
        List<String> jvmArgs = jvmArgs();

        System.out.println("# coe-bot load benchmark, " + Instant.now());
        System.out.println("machine: " + Proc.machine() + "; load average before: " + Proc.loadAverage());
        System.out.printf("settings: %d interviews, %d events/s for %d s (after %d s warm-up), max phase %d s with %d senders, "
                + "%.0f%% button clicks; app JVM options %s%n", interviewCount, rate, seconds, warmup, maxSeconds, concurrency,
                100 * Double.parseDouble(System.getProperty("bench.clickShare", "0.1")), jvmArgs.isEmpty() ? "(defaults)" : jvmArgs);
        Path dir = Files.createTempDirectory("coe-load-");
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             AppProcess app = new AppProcess(dir.resolve("app"), slack.apiUrl(), freePort(), jvmArgs);
             AppProcess bare = new AppProcess(BareBoltApp.class.getName(), dir.resolve("bare"), slack.apiUrl(), freePort(), jvmArgs)) {
            slack.awaitTimeout(Duration.ofSeconds(60));
            LoadBenchmark bench = new LoadBenchmark(slack);
            System.out.println("coe-bot ready in " + app.startAndAwaitReady(Duration.ofSeconds(120)) + " ms");
            bench.openInterviews(app.baseUrl(), interviewCount);
            Db db = Db.of(dir.resolve("app"));
            System.out.println("after start and " + interviewCount + " interviews: " + app.memory());

            bench.fixedRate(app.baseUrl(), rate, warmup);
            db.awaitOutboxEmpty(Duration.ofSeconds(300));
            long rowsBefore = db.rowsWritten();
            Result appFixed = bench.fixedRate(app.baseUrl(), rate, seconds);
            Duration drain = db.awaitOutboxEmpty(Duration.ofSeconds(300));
            long rowsAfter = db.awaitRowsSettled();
            System.out.println("coe-bot, " + rate + " events/s: " + appFixed);
            System.out.printf("  rows written (inserted+updated+deleted): %d, %.1f per event; outbox empty %d ms after the last ack%n",
                    rowsAfter - rowsBefore, (rowsAfter - rowsBefore) / (double) appFixed.sent, drain.toMillis());
            AppProcess.Memory memFixed = app.memory();
            System.out.println("  memory: " + memFixed);

            long rowsBeforeMax = db.rowsWritten();
            Result appMax = bench.maxThroughput(app.baseUrl(), concurrency, maxSeconds);
            Duration drainMax = db.awaitOutboxEmpty(Duration.ofSeconds(300));
            long rowsAfterMax = db.awaitRowsSettled();
            System.out.println("coe-bot, max throughput with " + concurrency + " senders: " + appMax);
            System.out.printf("  rows written: %d; outbox (the bot's replies to Slack) empty %d ms after the last ack%n",
                    rowsAfterMax - rowsBeforeMax, drainMax.toMillis());
            System.out.println("  memory: " + app.memory());
            app.close();

            System.out.println("bare Bolt ready in " + bare.startAndAwaitReady(Duration.ofSeconds(60)) + " ms");
            bench.fixedRate(bare.baseUrl(), rate, warmup);
            Result bareFixed = bench.fixedRate(bare.baseUrl(), rate, seconds);
            System.out.println("bare Bolt, " + rate + " events/s: " + bareFixed);
            Result bareMax = bench.maxThroughput(bare.baseUrl(), concurrency, maxSeconds);
            System.out.println("bare Bolt, max throughput with " + concurrency + " senders: " + bareMax);
            System.out.println("  memory: " + bare.memory());

            System.out.printf("ratio coe-bot / bare Bolt at %d events/s: p50 %.2f, p95 %.2f, p99 %.2f; max throughput bare/coe-bot %.2f%n",
                    rate, appFixed.p(50) / bareFixed.p(50), appFixed.p(95) / bareFixed.p(95), appFixed.p(99) / bareFixed.p(99),
                    bareMax.throughput() / appMax.throughput());
            System.out.println("load average after: " + Proc.loadAverage());
        }
        // exec:java waits for every non-daemon thread (the HTTP clients' pools) before it returns
        System.exit(0);
    }

    private static List<String> jvmArgs() {
        String s = System.getProperty("bench.jvmArgs", "").strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** /coe start in each channel, and wait for each interview's first question. */
    private void openInterviews(String baseUrl, int count) {
        SlackWorkspace ws = new SlackWorkspace(slack, new SlackRequests(baseUrl, RunningApp.SIGNING_SECRET));
        for (int i = 0; i < count; i++) {
            var person = ws.user(String.format("U0LOAD%04d", i), "person" + i, "UTC");
            var channel = ws.channel("inc-load-" + i);
            String title = "Load " + i;
            person.runs("/coe start " + title, channel);
            SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains(title));
            interviews.add(new Interview(channel, person, card.ts()));
        }
        for (Interview in : interviews) {
            in.channel.awaitReplyFromBot(in.cardTs, m -> true);
        }
    }

    /** A signed request as Slack would send it: a reply in an interview's thread, or a click on its latest Skip button. */
    private HttpRequest nextRequest(String baseUrl) {
        Interview in;
        double dice;
        synchronized (random) {
            in = interviews.get(random.nextInt(interviews.size()));
            dice = random.nextDouble();
        }
        String contentType;
        String body;
        Button skip = dice < clickShare ? latestSkip(in) : null;
        if (skip != null) {
            SlackMessage on = slack.thread(in.channel.id(), in.cardTs).stream()
                    .filter(m -> m.buttons().contains(skip)).reduce((a, b) -> b).orElseThrow();
            JsonObject p = payloads.blockActionsOnMessage(in.person.id(), in.person.name(), in.channel.info(), on,
                    payloads.buttonAction(skip), null, slack.newResponseUrl(in.channel.id(), in.person.id(), on.ts()),
                    slack.newTriggerId(in.person.id()));
            contentType = SlackRequests.FORM;
            body = "payload=" + URLEncoder.encode(SlackPayloads.toJson(p), StandardCharsets.UTF_8);
        } else {
            String text = ANSWERS[(int) (dice * 1000) % ANSWERS.length];
            SlackMessage m = slack.postAsUser(in.person.id(), in.channel.id(), text, in.cardTs);
            contentType = SlackRequests.JSON;
            body = SlackPayloads.toJson(payloads.envelope(payloads.messageEvent(m)));
        }
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(URI.create(baseUrl + SlackRequests.EVENTS_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", SlackRequests.signature(RunningApp.SIGNING_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private Button latestSkip(Interview in) {
        List<SlackMessage> thread = slack.thread(in.channel.id(), in.cardTs);
        for (int i = thread.size() - 1; i >= 0; i--) {
            for (Button b : thread.get(i).buttons()) {
                if (InterviewMessages.SKIP.equals(b.actionId())) {
                    return b;
                }
            }
        }
        return null;
    }

    /** Open loop: one request every 1/rate s whatever the answers, latency from sending to the ack. */
    private Result fixedRate(String baseUrl, int rate, int seconds) throws InterruptedException {
        Result result = new Result(seconds * rate);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < seconds * rate; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            HttpRequest request = nextRequest(baseUrl);
            long sent = System.nanoTime();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> result.record(sent, r, e)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        result.finish(start);
        return result;
    }

    /** Closed loop: {@code concurrency} senders, each sends its next request as soon as the previous one is acked. */
    private Result maxThroughput(String baseUrl, int concurrency, int seconds) throws InterruptedException {
        Result result = new Result(seconds * 5000);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> senders = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = nextRequest(baseUrl);
                    long sent = System.nanoTime();
                    try {
                        result.record(sent, client.send(request, HttpResponse.BodyHandlers.ofString()), null);
                    } catch (Exception e) {
                        result.record(sent, null, e);
                    }
                }
            });
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) {
            t.join();
        }
        result.finish(start);
        return result;
    }

    /** Ack latencies and outcomes of one phase. */
    static final class Result {
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger non200 = new AtomicInteger();
        final AtomicLong lastAck = new AtomicLong();
        volatile String firstError;
        long[] sorted;
        int sent;
        double elapsedSeconds;

        Result(int expected) {
        }

        void record(long sentNanos, HttpResponse<String> r, Throwable e) {
            long now = System.nanoTime();
            lastAck.accumulateAndGet(now, Math::max);
            if (e != null) {
                errors.incrementAndGet();
                if (firstError == null) firstError = e.toString();
                return;
            }
            micros.add((now - sentNanos) / 1000);
            if (r.statusCode() != 200) {
                non200.incrementAndGet();
                if (firstError == null) firstError = "HTTP " + r.statusCode() + " " + r.body();
            }
        }

        void finish(long startNanos) {
            sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            sent = sorted.length + errors.get();
            elapsedSeconds = (lastAck.get() - startNanos) / 1e9;
        }

        double p(double percentile) {
            if (sorted.length == 0) return Double.NaN;
            int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
        }

        double throughput() {
            return sorted.length / elapsedSeconds;
        }

        @Override
        public String toString() {
            return String.format("%d requests in %.1f s = %.0f acked/s; ack ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f; "
                            + "errors %d, non-200 %d%s", sent, elapsedSeconds, throughput(), p(50), p(95), p(99), p(100),
                    errors.get(), non200.get(), firstError == null ? "" : " (first: " + firstError + ")");
        }
    }

    /** The app's embedded PostgreSQL, read directly (port from postmaster.pid). */
    record Db(String url) {
        static Db of(Path appDataDir) throws IOException {
            List<String> pid = Files.readAllLines(appDataDir.resolve("postgres").resolve("postmaster.pid"));
            return new Db("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres");
        }

        long rowsWritten() throws Exception {
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /**
         * PostgreSQL publishes table statistics up to a second after commit; the idle app still writes a
         * little (outbox polling, housekeeping), so the figure is read once the outbox is empty and a moment has passed.
         */
        long awaitRowsSettled() throws Exception {
            awaitOutboxEmpty(Duration.ofSeconds(300));
            Thread.sleep(1500);
            return rowsWritten();
        }

        Duration awaitOutboxEmpty(Duration timeout) throws Exception {
            long began = System.nanoTime();
            while (System.nanoTime() - began < timeout.toNanos()) {
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                     ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return Duration.ofNanos(System.nanoTime() - began);
                    }
                }
                Thread.sleep(200);
            }
            return timeout;
        }
    }
}
