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
import io.coebot.slack.SideTalk;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * bare Bolt app that only acks. Prints ack latency, throughput, errors, the reply lag (from an event's ack to the
 * bot's resulting message at the fake Slack), how long the outbox takes to empty, SQL statements, transactions and
 * rows per event, memory, and issue 16's targets with met / missed.
 *
 * <pre>./mvnw -q test-compile exec:java@load-benchmark [-Dbench.rate=200 -Dbench.seconds=30 ...]</pre>
 *
 * Properties: bench.rate (events/s, 200), bench.seconds (fixed-rate phase, 30), bench.warmup (s, 10),
 * bench.maxSeconds (max-throughput phase, 15), bench.concurrency (senders in that phase, 32),
 * bench.interviews (concurrent interviews, 100), bench.clickShare (share of button clicks, 0.1),
 * bench.jvmArgs (extra JVM options of the apps, space separated).
 */
public final class LoadBenchmark {
    /** Replies people type; the one in parentheses is side talk ({@link SideTalk}): the bot answers nothing to it. */
    private static final String[] ANSWERS = {"yesterday 10:00", "yesterday 10:20", "sev2", "search-api and the indexer",
            "about 1,200 customers saw errors on checkout", "an alarm on the 5xx rate paged the on-call",
            "the deploy log showed the new config", "we rolled back the config", "see the dashboard link",
            "(talking among ourselves)", "Ünïcödé ✓ and emoji 🔥 and עברית"};
    /** How the bot's last message of an interview begins (Facilitator.thanks): replies after it get no answer. */
    private static final String INTERVIEW_DONE = "That's the whole interview";

    // issue 16's targets
    private static final double TARGET_REPLY_LAG_P99_MS = 1000;
    private static final double TARGET_OUTBOX_EMPTY_MS = 2000;
    private static final double TARGET_THROUGHPUT_VS_BARE = 0.7;
    private static final double TARGET_ACK_P99_VS_BARE = 2.0;
    private static final long TARGET_MEMORY_MB = 300;

    private final FakeSlack slack;
    private final SlackPayloads payloads;
    private final List<Interview> interviews = new ArrayList<>();
    private final Random random = new Random(42);
    private final double clickShare = Double.parseDouble(System.getProperty("bench.clickShare", "0.1"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(2)).build();
    private final BotMessages botMessages = new BotMessages();

    private record Interview(SlackWorkspace.Channel channel, SlackWorkspace.Person person, String cardTs) {
        String thread() {
            return channel.id() + "/" + cardTs;
        }
    }

    private LoadBenchmark(FakeSlack slack) {
        this.slack = slack;
        this.payloads = new SlackPayloads(slack);
        slack.onBotActivity(botMessages::heard);
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int maxSeconds = Integer.getInteger("bench.maxSeconds", 15);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int interviewCount = Integer.getInteger("bench.interviews", 100);
        List<String> jvmArgs = jvmArgs();
        // only the bot's PostgreSQL loads pg_stat_statements (EmbeddedDatabase reads coe.db.preload)
        List<String> appJvmArgs = new ArrayList<>(jvmArgs);
        appJvmArgs.add("-Dcoe.db.preload=pg_stat_statements");

        System.out.println("# coe-bot load benchmark, " + Instant.now());
        System.out.println("machine: " + Proc.machine() + "; load average before: " + Proc.loadAverage());
        System.out.printf("settings: %d interviews, %d events/s for %d s (after %d s warm-up), max phase %d s with %d senders, "
                + "%.0f%% button clicks; app JVM options %s%n", interviewCount, rate, seconds, warmup, maxSeconds, concurrency,
                100 * Double.parseDouble(System.getProperty("bench.clickShare", "0.1")), jvmArgs.isEmpty() ? "(defaults)" : jvmArgs);
        Path dir = Files.createTempDirectory("coe-load-");
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             AppProcess app = new AppProcess(dir.resolve("app"), slack.apiUrl(), freePort(), appJvmArgs);
             AppProcess bare = new AppProcess(BareBoltApp.class.getName(), dir.resolve("bare"), slack.apiUrl(), freePort(), jvmArgs)) {
            slack.awaitTimeout(Duration.ofSeconds(60));
            LoadBenchmark bench = new LoadBenchmark(slack);
            System.out.println("coe-bot ready in " + app.startAndAwaitReady(Duration.ofSeconds(120)) + " ms");
            bench.openInterviews(app.baseUrl(), interviewCount);
            AppDatabase db = AppDatabase.of(dir.resolve("app"));
            System.out.println("after start and " + interviewCount + " interviews: " + app.memory());

            bench.fixedRate(app.baseUrl(), rate, warmup, null);
            db.awaitOutboxEmpty(Duration.ofSeconds(300));
            AppDatabase.Counts before = db.settledCounts();
            db.resetStatements();
            List<Event> events = new ArrayList<>();
            bench.botMessages.start();
            Result appFixed = bench.fixedRate(app.baseUrl(), rate, seconds, events);
            long emptyAt = db.awaitOutboxEmpty(Duration.ofSeconds(300));
            AppDatabase.Counts after = db.settledCounts();
            bench.botMessages.stop();
            double outboxEmptyMs = (emptyAt - appFixed.lastAck.get()) / 1e6;
            System.out.println("coe-bot, " + rate + " events/s: " + appFixed);
            ReplyLag lag = ReplyLag.of(events, bench.botMessages, slack);
            System.out.println("  " + lag);
            System.out.printf("  outbox empty %.0f ms after the last ack (polled every %d ms); the bot's last message reached the fake Slack "
                    + "%.0f ms after the last ack%n", outboxEmptyMs, AppDatabase.POLL_MS, (bench.botMessages.last() - appFixed.lastAck.get()) / 1e6);
            List<String> sqlLines = db.statementReport(appFixed.sent, "event", before, after);
            sqlLines.forEach(l -> System.out.println("  " + l));
            AppProcess.Memory memFixed = app.memory();
            System.out.println("  memory: " + memFixed);

            AppDatabase.Counts beforeMax = db.settledCounts();
            db.resetStatements();
            Result appMax = bench.maxThroughput(app.baseUrl(), concurrency, maxSeconds);
            long emptyAtMax = db.awaitOutboxEmpty(Duration.ofSeconds(300));
            AppDatabase.Counts afterMax = db.settledCounts();
            System.out.println("coe-bot, max throughput with " + concurrency + " senders: " + appMax);
            System.out.printf("  rows written %d (%.1f per event), transactions %.1f per event, SQL statements %s per event; "
                            + "outbox empty %.0f ms after the last ack%n",
                    afterMax.rows() - beforeMax.rows(), (afterMax.rows() - beforeMax.rows()) / (double) appMax.sent,
                    afterMax.appCommits(beforeMax) / (double) appMax.sent, db.statementsPerEvent(appMax.sent),
                    (emptyAtMax - appMax.lastAck.get()) / 1e6);
            AppProcess.Memory memAfter = app.memory();
            System.out.println("  memory after the load: " + memAfter);
            db.close();
            app.close();

            System.out.println("bare Bolt ready in " + bare.startAndAwaitReady(Duration.ofSeconds(60)) + " ms");
            bench.fixedRate(bare.baseUrl(), rate, warmup, null);
            Result bareFixed = bench.fixedRate(bare.baseUrl(), rate, seconds, null);
            System.out.println("bare Bolt, " + rate + " events/s: " + bareFixed);
            Result bareMax = bench.maxThroughput(bare.baseUrl(), concurrency, maxSeconds);
            System.out.println("bare Bolt, max throughput with " + concurrency + " senders: " + bareMax);
            System.out.println("  memory: " + bare.memory());

            System.out.printf("ratio coe-bot / bare Bolt at %d events/s: p50 %.2f, p95 %.2f, p99 %.2f; max throughput coe-bot/bare %.2f%n",
                    rate, appFixed.p(50) / bareFixed.p(50), appFixed.p(95) / bareFixed.p(95), appFixed.p(99) / bareFixed.p(99),
                    appMax.throughput() / bareMax.throughput());

            System.out.println("issue 16's targets:");
            target(String.format("reply lag p99 <= %.0f ms at %d events/s", TARGET_REPLY_LAG_P99_MS, rate),
                    String.format("%.0f ms (%d of %d events answered, %d never)", lag.p(99), lag.answered(), appFixed.sent, lag.unanswered),
                    lag.answered() > 0 && lag.unanswered == 0 && lag.p(99) <= TARGET_REPLY_LAG_P99_MS,
                    lag.answered() == 0 ? "nothing answered" : lag.p(99) > TARGET_REPLY_LAG_P99_MS
                            ? String.format("by %.0f ms (%.1fx)", lag.p(99) - TARGET_REPLY_LAG_P99_MS, lag.p(99) / TARGET_REPLY_LAG_P99_MS)
                            : lag.unanswered + " events expecting an answer got none");
            target(String.format("outbox empty <= %.0f ms after the last ack", TARGET_OUTBOX_EMPTY_MS),
                    String.format("%.0f ms", outboxEmptyMs), outboxEmptyMs <= TARGET_OUTBOX_EMPTY_MS,
                    String.format("by %.0f ms (%.1fx)", outboxEmptyMs - TARGET_OUTBOX_EMPTY_MS, outboxEmptyMs / TARGET_OUTBOX_EMPTY_MS));
            double throughputRatio = appMax.throughput() / bareMax.throughput();
            target(String.format("sustained throughput >= %.1fx bare Bolt's (%d closed-loop senders)", TARGET_THROUGHPUT_VS_BARE, concurrency),
                    String.format("%.0f vs %.0f acked/s = %.2fx", appMax.throughput(), bareMax.throughput(), throughputRatio),
                    throughputRatio >= TARGET_THROUGHPUT_VS_BARE,
                    String.format("by %.0f acked/s", TARGET_THROUGHPUT_VS_BARE * bareMax.throughput() - appMax.throughput()));
            double p99Ratio = appFixed.p(99) / bareFixed.p(99);
            target(String.format("ack p99 <= %.0fx bare Bolt's at %d events/s", TARGET_ACK_P99_VS_BARE, rate),
                    String.format("%.1f vs %.1f ms = %.2fx", appFixed.p(99), bareFixed.p(99), p99Ratio), p99Ratio <= TARGET_ACK_P99_VS_BARE,
                    String.format("by %.1f ms", appFixed.p(99) - TARGET_ACK_P99_VS_BARE * bareFixed.p(99)));
            long total = memAfter.jvmMb() + memAfter.postgresPssMb();
            target("JVM RSS + PostgreSQL PSS after the load <= " + TARGET_MEMORY_MB + " MB",
                    String.format("%d + %d = %d MB", memAfter.jvmMb(), memAfter.postgresPssMb(), total), total <= TARGET_MEMORY_MB,
                    "by " + (total - TARGET_MEMORY_MB) + " MB");
            System.out.println("load average after: " + Proc.loadAverage());
        }
        // exec:java waits for every non-daemon thread (the HTTP clients' pools) before it returns
        System.exit(0);
    }

    private static void target(String target, String measured, boolean met, String gap) {
        System.out.printf("  %-62s %-44s %s%n", target + ":", measured, met ? "met" : "MISSED " + gap);
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

    /** What kind of event the benchmark sent: a reply, side talk (no answer expected), or a click on Skip. */
    enum Kind { REPLY, SIDE_TALK, CLICK }

    /** One event sent in the measured fixed-rate phase: when it was sent and acked (System.nanoTime()). */
    static final class Event {
        final String thread;
        final Kind kind;
        final String responseUrl;
        long sent;
        volatile long ack;

        Event(String thread, Kind kind, String responseUrl) {
            this.thread = thread;
            this.kind = kind;
            this.responseUrl = responseUrl;
        }
    }

    private record Outgoing(HttpRequest request, Event event) {}

    /** A signed request as Slack would send it: a reply in an interview's thread, or a click on its latest Skip button. */
    private Outgoing nextRequest(String baseUrl) {
        Interview in;
        double dice;
        synchronized (random) {
            in = interviews.get(random.nextInt(interviews.size()));
            dice = random.nextDouble();
        }
        String contentType;
        String body;
        Event event;
        Button skip = dice < clickShare ? latestSkip(in) : null;
        if (skip != null) {
            SlackMessage on = slack.thread(in.channel.id(), in.cardTs).stream()
                    .filter(m -> m.buttons().contains(skip)).reduce((a, b) -> b).orElseThrow();
            String responseUrl = slack.newResponseUrl(in.channel.id(), in.person.id(), on.ts());
            JsonObject p = payloads.blockActionsOnMessage(in.person.id(), in.person.name(), in.channel.info(), on,
                    payloads.buttonAction(skip), null, responseUrl, slack.newTriggerId(in.person.id()));
            contentType = SlackRequests.FORM;
            body = "payload=" + URLEncoder.encode(SlackPayloads.toJson(p), StandardCharsets.UTF_8);
            event = new Event(in.thread(), Kind.CLICK, responseUrl);
        } else {
            String text = ANSWERS[(int) (dice * 1000) % ANSWERS.length];
            SlackMessage m = slack.postAsUser(in.person.id(), in.channel.id(), text, in.cardTs);
            contentType = SlackRequests.JSON;
            body = SlackPayloads.toJson(payloads.envelope(payloads.messageEvent(m)));
            event = new Event(in.thread(), SideTalk.isAside(text) ? Kind.SIDE_TALK : Kind.REPLY, null);
        }
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return new Outgoing(HttpRequest.newBuilder(URI.create(baseUrl + SlackRequests.EVENTS_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", SlackRequests.signature(RunningApp.SIGNING_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), event);
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

    /**
     * Open loop: one request every 1/rate s whatever the answers, latency from sending to the ack. With
     * {@code events} not null, each event's send and ack times are kept there for the reply lag.
     */
    private Result fixedRate(String baseUrl, int rate, int seconds, List<Event> events) throws InterruptedException {
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
            Outgoing out = nextRequest(baseUrl);
            Event event = out.event();
            long sent = System.nanoTime();
            event.sent = sent;
            if (events != null) {
                events.add(event);
            }
            inFlight.add(http.sendAsync(out.request(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        long now = System.nanoTime();
                        if (e == null && r.statusCode() == 200) {
                            event.ack = now;
                        }
                        result.record(sent, now, r, e);
                    }));
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
                    HttpRequest request = nextRequest(baseUrl).request();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        result.record(sent, System.nanoTime(), r, null);
                    } catch (Exception e) {
                        result.record(sent, System.nanoTime(), null, e);
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

        void record(long sentNanos, long now, HttpResponse<String> r, Throwable e) {
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

    /**
     * The bot's messages in interview threads as the fake Slack received them (posted, or an update of a reply in
     * the thread; the card itself, the thread's parent, is an overview and does not count), and when each
     * interview's last message came.
     */
    static final class BotMessages {
        private final Map<String, List<Long>> byThread = new HashMap<>();
        private final Map<String, Long> done = new HashMap<>();
        private long last;
        private volatile boolean on;

        void start() {
            on = true;
        }

        void stop() {
            on = false;
        }

        /** Runs while the fake holds its lock: only note the time. */
        void heard(FakeSlack.BotActivity a) {
            if (!on || a.kind() == FakeSlack.BotActivity.Kind.DELETED) {
                return;
            }
            SlackMessage m = a.message();
            synchronized (this) {
                last = Math.max(last, a.receivedNanos());
                if (m.threadTs() == null || m.threadTs().equals(m.ts())) {
                    return;
                }
                String thread = m.channel() + "/" + m.threadTs();
                byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(a.receivedNanos());
                if (a.kind() == FakeSlack.BotActivity.Kind.POSTED && m.visibleText().contains(INTERVIEW_DONE)) {
                    done.merge(thread, a.receivedNanos(), Math::min);
                }
            }
        }

        synchronized long[] received(String thread) {
            return byThread.getOrDefault(thread, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
        }

        synchronized Long done(String thread) {
            return done.get(thread);
        }

        synchronized int doneCount() {
            return done.size();
        }

        synchronized long last() {
            return last;
        }
    }

    /**
     * Reply lag: from an event's ack to the bot's resulting message, the next message the bot posts (or updates)
     * in that thread after the ack; several events before one answer all map to it. Not counted: side talk, events
     * in an interview whose last message had already come, clicks answered with an ephemeral (a Skip on a question
     * the interview had moved past). A message that reached the fake between an event's sending and its ack, and is
     * no earlier event's answer, is that event's answer, with lag 0 (it beat the ack to the generator).
     */
    static final class ReplyLag {
        long[] lagsMicros = new long[0];
        int sideTalk;
        int afterInterviewDone;
        int ephemeral;
        int notAcked;
        int beforeAck;
        int unanswered;
        int interviewsDone;

        static ReplyLag of(List<Event> events, BotMessages bot, FakeSlack slack) {
            ReplyLag lag = new ReplyLag();
            lag.interviewsDone = bot.doneCount();
            Map<String, List<Event>> byThread = new LinkedHashMap<>();
            for (Event e : events) {
                byThread.computeIfAbsent(e.thread, t -> new ArrayList<>()).add(e);
            }
            List<Long> lags = new ArrayList<>();
            for (Map.Entry<String, List<Event>> thread : byThread.entrySet()) {
                long[] messages = bot.received(thread.getKey());
                boolean[] claimed = new boolean[messages.length];
                Long done = bot.done(thread.getKey());
                List<Event> inOrder = new ArrayList<>(thread.getValue());
                inOrder.sort((a, b) -> Long.compare(a.sent, b.sent));
                for (Event e : inOrder) {
                    if (e.ack == 0) {
                        lag.notAcked++;
                    } else if (e.kind == Kind.SIDE_TALK) {
                        lag.sideTalk++;
                    } else if (done != null && e.ack > done) {
                        lag.afterInterviewDone++;
                    } else if (e.kind == Kind.CLICK && !slack.responses(e.responseUrl).isEmpty()) {
                        lag.ephemeral++;
                    } else {
                        int k = -1;
                        for (int i = 0; i < messages.length && messages[i] <= e.ack; i++) {
                            if (messages[i] > e.sent && !claimed[i]) {
                                k = i;
                                break;
                            }
                        }
                        if (k >= 0) {
                            lag.beforeAck++;
                            lags.add(0L);
                        } else {
                            for (int i = 0; i < messages.length; i++) {
                                if (messages[i] > e.ack) {
                                    k = i;
                                    break;
                                }
                            }
                            if (k < 0) {
                                lag.unanswered++;
                                continue;
                            }
                            lags.add((messages[k] - e.ack) / 1000);
                        }
                        claimed[k] = true;
                    }
                }
            }
            lag.lagsMicros = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            return lag;
        }

        int answered() {
            return lagsMicros.length;
        }

        double p(double percentile) {
            if (lagsMicros.length == 0) return Double.NaN;
            int i = (int) Math.ceil(percentile / 100.0 * lagsMicros.length) - 1;
            return lagsMicros[Math.max(0, Math.min(lagsMicros.length - 1, i))] / 1000.0;
        }

        @Override
        public String toString() {
            return String.format("reply lag (ack -> the bot's next message in the thread at the fake Slack), %d events with a resulting "
                            + "message: ms p50 %.0f, p95 %.0f, p99 %.0f, max %.0f (%d of them reached the fake before the generator saw the "
                            + "ack, counted as 0)%n  not counted: side talk %d, after the interview's last message %d (%d interviews "
                            + "completed), clicks answered with an ephemeral %d, not acked with 200 %d; expected a message but none came: %d",
                    answered(), p(50), p(95), p(99), p(100), beforeAck, sideTalk, afterInterviewDone, interviewsDone, ephemeral,
                    notAcked, unanswered);
        }
    }
}
