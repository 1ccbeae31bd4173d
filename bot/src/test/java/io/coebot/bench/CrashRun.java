package io.coebot.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackPayloads;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.testing.RunningApp;
import io.coebot.testing.TeamAnswers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash test: the bot in its own JVM on its embedded PostgreSQL (production durability), an interview answered
 * in turn by three people, and SIGKILL at random moments, of the JVM alone or of the JVM with its PostgreSQL, each
 * followed by a restart on the same data. People behave as Slack does: an event that got no HTTP 200 is delivered
 * again (with X-Slack-Retry-Num) until it gets one; a slash command that got no answer is run again by its person.
 * <p>
 * What it checks is what the team would notice: every reply that got a 200 is stored, under the question it was
 * written under (the last question the thread showed before it); no question and no card appears twice; the
 * interview ends complete.
 */
final class CrashRun {
    /** A reply Slack was told we received: its ts, and the question it was written under. */
    record Acked(String ts, String questionId, String text) {}

    record Result(int kills, int killsWithDatabase, List<Long> restartMillis, List<Acked> acked, List<String> problems,
                  Map<String, Integer> questionsPosted, int cards, int redeliveries) {
        boolean ok() {
            return problems.isEmpty();
        }

        String figures() {
            long max = restartMillis.stream().mapToLong(Long::longValue).max().orElse(0);
            double mean = restartMillis.stream().mapToLong(Long::longValue).average().orElse(0);
            return String.format("%d kills (%d with PostgreSQL), %d restarts (ready in mean %.0f ms, max %d ms), "
                            + "%d replies acked, %d deliveries repeated after no 200, %d cards, %d questions posted, %d problems",
                    kills, killsWithDatabase, restartMillis.size(), mean, max, acked.size(), redeliveries, cards,
                    questionsPosted.values().stream().mapToInt(Integer::intValue).sum(), problems.size());
        }
    }

    private static final Pattern QUESTION = Pattern.compile("interview\\|(\\d+)\\|([a-z_]+)");
    private static final String TITLE = "Crash-test incident";

    private final int kills;
    private final long seed;
    private final List<String> jvmArgs;

    CrashRun(int kills, long seed, List<String> jvmArgs) {
        this.kills = kills;
        this.seed = seed;
        this.jvmArgs = jvmArgs;
    }

    Result run() throws Exception {
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("coe-crash-");
        List<Long> restarts = new ArrayList<>();
        List<Acked> acked = new ArrayList<>();
        int[] killed = new int[2];
        int[] redelivered = new int[1];
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             AppProcess app = new AppProcess(dir, slack.apiUrl(), LoadBenchmark.freePort(), jvmArgs)) {
            slack.awaitTimeout(Duration.ofSeconds(120));
            app.startAndAwaitReady(Duration.ofSeconds(120));
            SlackRequests requests = new SlackRequests(app.baseUrl(), RunningApp.SIGNING_SECRET).withTimeout(Duration.ofSeconds(10));
            SlackWorkspace ws = new SlackWorkspace(slack, requests).requireAck(false);
            SlackPayloads payloads = ws.payloads();
            List<SlackWorkspace.Person> people = List.of(ws.user("U0CRASH01", "alice", "UTC"),
                    ws.user("U0CRASH02", "bob", "UTC"), ws.user("U0CRASH03", "carol", "UTC"));

            AtomicBoolean done = new AtomicBoolean();
            List<String> killerProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
            Object appLock = new Object();
            Thread killer = new Thread(() -> {
                try {
                    for (int k = 0; k < kills && !done.get(); k++) {
                        Thread.sleep(300 + random.nextInt(2_500));
                        if (done.get()) {
                            break;
                        }
                        synchronized (appLock) {
                            boolean withDatabase = random.nextBoolean();
                            if (withDatabase) {
                                app.killJvmAndDatabase();
                                killed[1]++;
                            } else {
                                app.killJvm();
                            }
                            killed[0]++;
                            restarts.add(app.startAndAwaitReady(Duration.ofSeconds(120)));
                        }
                    }
                } catch (Exception e) {
                    // the bot did not come back: that is the finding, and nothing more can be learned from this run
                    killerProblems.add("restart after kill " + (killed[0]) + " failed: " + e.getMessage());
                    done.set(true);
                }
            }, "crash-killer");
            killer.setDaemon(true);
            killer.start();

            // Interviews one after another, each in its own channel, until every planned kill has happened: a fast
            // machine must not end the run before the bot was killed as often as asked.
            List<Interview> interviews = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (killerProblems.isEmpty() && System.nanoTime() < deadline
                    && (interviews.isEmpty() || killer.isAlive())) {
                Interview interview = new Interview(ws.channel("inc-crash-" + (interviews.size() + 1)));
                interviews.add(interview);
                // /coe start until it is answered: a person whose command timed out runs it again
                until(done, () -> people.get(0).runs("/coe start " + TITLE, interview.channel).status() == 200);
                if (!killerProblems.isEmpty()) {
                    break;
                }
                interview.card = interview.channel.awaitMessageFromBot(m -> m.visibleText().contains(TITLE));
                redelivered[0] += interview.answerToTheEnd(slack, payloads, requests, people, killerProblems, deadline);
                acked.addAll(interview.acked);
            }
            done.set(true);
            killer.join(Duration.ofMinutes(3).toMillis());
            if (!killerProblems.isEmpty()) {
                return new Result(killed[0], killed[1], restarts, acked, killerProblems, Map.of(), 0, redelivered[0]);
            }
            synchronized (appLock) {
                return check(interviews, app, killed, restarts, acked, redelivered[0]);
            }
        }
    }

    /** One COE's interview, answered in turn by three people. */
    private static final class Interview {
        final SlackWorkspace.Channel channel;
        SlackMessage card;
        final List<Acked> acked = new ArrayList<>();

        Interview(SlackWorkspace.Channel channel) {
            this.channel = channel;
        }

        /** @return how many deliveries had to be repeated */
        int answerToTheEnd(FakeSlack slack, SlackPayloads payloads, SlackRequests requests,
                           List<SlackWorkspace.Person> people, List<String> stopped, long deadline) throws InterruptedException {
            Map<String, String> answers = answers();
            int turn = 0;
            int repeated = 0;
            String lastAnswered = null;
            while (System.nanoTime() < deadline && stopped.isEmpty()) {
                if (channel.thread(card.ts()).stream().anyMatch(m -> m.isFromBot() && m.visibleText().contains("That's the whole interview"))) {
                    break;
                }
                String current = lastQuestion(channel.thread(card.ts()));
                if (current == null || current.equals(lastAnswered)) {
                    Thread.sleep(50);
                    continue;
                }
                String text = answers.get(current);
                if (text == null) {
                    throw new IllegalStateException("no answer for " + current);
                }
                SlackWorkspace.Person who = people.get(turn++ % people.size());
                SlackMessage reply = slack.postAsUser(who.id(), channel.id(), text, card.ts());
                String json = SlackPayloads.toJson(payloads.envelope(payloads.messageEvent(reply)));
                repeated += deliverUntilAcked(requests, json, stopped);
                acked.add(new Acked(reply.ts(), current, text));
                lastAnswered = current;
            }
            return repeated;
        }
    }

    /** Slack's behaviour: no 200, deliver the same body again with the next X-Slack-Retry-Num. Returns the repeats. */
    private static int deliverUntilAcked(SlackRequests requests, String json, List<String> stopped) throws InterruptedException {
        int attempt = 0;
        while (stopped.isEmpty()) {
            try {
                SlackResponse r = attempt == 0 ? requests.event(json)
                        : requests.event(json, Map.of("X-Slack-Retry-Num", String.valueOf(attempt), "X-Slack-Retry-Reason",
                        "http_timeout"));
                if (r.status() == 200) {
                    return attempt;
                }
            } catch (RuntimeException down) {
                // connection refused or timed out: the app is being killed or restarted
            }
            attempt++;
            Thread.sleep(200);
        }
        return attempt;
    }

    private static void until(AtomicBoolean stopped, java.util.function.BooleanSupplier step) throws InterruptedException {
        while (!stopped.get()) {
            try {
                if (step.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError down) {
                // the app is down; the person tries again
            }
            Thread.sleep(200);
        }
    }

    /** The question the thread shows last (the bot's newest message that carries a question's buttons). */
    static String lastQuestion(List<SlackMessage> thread) {
        String current = null;
        for (SlackMessage m : thread) {
            if (m.isFromBot() && m.blocks() != null) {
                Matcher q = QUESTION.matcher(m.blocks());
                if (q.find()) {
                    current = q.group(2);
                }
            }
        }
        return current;
    }

    private Result check(List<Interview> interviews, AppProcess app, int[] killed, List<Long> restarts, List<Acked> acked,
                         int redelivered) throws Exception {
        List<String> problems = new ArrayList<>();
        awaitAllHandled(app);
        Map<String, Integer> posted = new TreeMap<>();
        int cards = 0;
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", "postgres")) {
            for (Interview interview : interviews) {
                String where = interview.channel.name() + ": ";
                Map<String, Integer> questions = new TreeMap<>();
                for (SlackMessage m : interview.channel.thread(interview.card.ts())) {
                    if (m.isFromBot() && m.blocks() != null) {
                        Matcher q = QUESTION.matcher(m.blocks());
                        if (q.find()) {
                            questions.merge(q.group(2), 1, Integer::sum);
                            posted.merge(q.group(2), 1, Integer::sum);
                        }
                    }
                }
                questions.forEach((q, n) -> {
                    if (n > 1) {
                        problems.add(where + "question " + q + " was posted " + n + " times");
                    }
                });
                int here = (int) interview.channel.messages().stream().filter(m -> m.isFromBot() && m.visibleText().contains(TITLE)).count();
                cards += here;
                if (here != 1) {
                    problems.add(where + here + " cards in the channel");
                }
                JsonObject state = stateOf(c, interview.channel.id());
                if (state == null) {
                    problems.add(where + "no interview stored");
                    continue;
                }
                if (!"COMPLETE".equals(state.get("status").getAsString())) {
                    problems.add(where + "the interview is " + state.get("status") + ", not complete");
                }
                Map<String, String> storedUnder = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> a : state.getAsJsonObject("answers").entrySet()) {
                    for (JsonElement contribution : a.getValue().getAsJsonObject().getAsJsonArray("contributions")) {
                        JsonElement ts = contribution.getAsJsonObject().get("messageTs");
                        if (ts != null && !ts.isJsonNull()) {
                            storedUnder.put(ts.getAsString(), a.getKey());
                        }
                    }
                }
                for (Acked a : interview.acked) {
                    if ("summary".equals(a.questionId())) {
                        continue; // "accept" takes the draft; the draft, not the word, becomes the summary
                    }
                    String under = storedUnder.get(a.ts());
                    if (under == null) {
                        problems.add(where + "acked reply " + a.ts() + " \"" + a.text() + "\" to " + a.questionId() + " is not stored");
                    } else if (!under.equals(a.questionId())) {
                        problems.add(where + "acked reply " + a.ts() + " to " + a.questionId() + " is stored under " + under);
                    }
                }
            }
        }
        return new Result(killed[0], killed[1], restarts, acked, problems, posted, cards, redelivered);
    }

    /**
     * The threads are judged once the bot has handled every message it acknowledged and sent everything it decided
     * to say (polled, with a generous ceiling).
     */
    private static void awaitAllHandled(AppProcess app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", "postgres")) {
            while (true) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT (SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING'))"
                                + " + (SELECT count(*) FROM message_inbox WHERE status = 'PENDING')")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bot still had messages to handle or send after 120 s");
                }
                Thread.sleep(50);
            }
        }
    }

    private static JsonObject stateOf(Connection c, String channelId) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT i.state FROM interview i JOIN coe ON coe.id = i.coe_id WHERE coe.channel_id = ?")) {
            ps.setString(1, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? JsonParser.parseString(rs.getString(1)).getAsJsonObject() : null;
            }
        }
    }

    /** Answers as the team types them, the times a day ago, so always in the past. */
    static Map<String, String> answers() {
        return TeamAnswers.on(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    }
}
