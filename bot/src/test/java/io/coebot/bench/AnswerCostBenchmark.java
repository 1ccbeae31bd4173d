package io.coebot.bench;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.RunningApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one answer costs the database (issue 23), a program, not a test: the bot in its own JVM on its embedded
 * PostgreSQL, a fake Slack, one COE. /coe start, then people answer the interview's questions one after another in
 * its thread, each waiting for the bot's next message as people do; then /coe whys and answers in the session's
 * thread, one level deeper each. Between phases the outbox empties. Per answer it prints SQL statements
 * (pg_stat_statements, the top 10 by calls), transactions committed and rows written, all of the app's work in the
 * phase; then what the idle bot (its pollers) runs in a window as long, so the answers' own share can be told.
 *
 * <pre>./mvnw -q -o test-compile exec:java@answer-cost-benchmark [-Dbench.answers=10 -Dbench.idleSeconds=20]</pre>
 */
public final class AnswerCostBenchmark {
    private static final String TITLE = "Checkout 500s";
    private static final String PROBLEM = "Checkout returned 500s for 40 minutes";
    /** 5 Whys answers, each the cause of the one before; none puts the cause on a person (BlamingWords). */
    private static final String[] CAUSES = {"The payments API timed out", "Its connection pool was exhausted",
            "Retries from checkout doubled the load", "Retries have no backoff and no budget",
            "The client library's defaults were never reviewed", "The capacity review does not cover client libraries",
            "The review checklist predates shared libraries", "The checklist has no owner", "Ownership of checklists was never assigned",
            "The platform team's charter leaves reviews out"};

    private final FakeSlack slack;
    private final AppDatabase db;
    /** Per answer of the current phase, ms from the reply's delivery to the bot's next message, and to an empty outbox. */
    private final List<Long> toNextMessage = new ArrayList<>();
    private final List<Long> toOutboxEmpty = new ArrayList<>();

    private AnswerCostBenchmark(FakeSlack slack, AppDatabase db) {
        this.slack = slack;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        int answers = Integer.getInteger("bench.answers", 10);
        int idleSeconds = Integer.getInteger("bench.idleSeconds", 20);
        List<String> appJvmArgs = List.of("-Dcoe.db.preload=pg_stat_statements",
                // the jobs that run every few minutes (nudges, review reminders, the weekly report, the trackers' sync)
                // would land in one phase or another by chance: they start after the run
                "-Dcoe.nudge.initial-delay=1h", "-Dcoe.trackers.sync-initial-delay=1h");
        System.out.println("# coe-bot answer cost, " + Instant.now() + ", commit " + Proc.gitCommit());
        System.out.println("machine: " + Proc.machine() + "; load average before: " + Proc.loadAverage());
        System.out.println("settings: " + answers + " answers per phase, idle window " + idleSeconds + " s; app JVM options " + appJvmArgs);
        Path dir = Files.createTempDirectory("coe-answer-cost-");
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             AppProcess app = new AppProcess(dir, slack.apiUrl(), LoadBenchmark.freePort(), appJvmArgs)) {
            slack.awaitTimeout(Duration.ofSeconds(60));
            System.out.println("coe-bot ready in " + app.startAndAwaitReady(Duration.ofSeconds(120)) + " ms");
            SlackWorkspace ws = new SlackWorkspace(slack, new SlackRequests(app.baseUrl(), RunningApp.SIGNING_SECRET));
            Person alice = ws.user("U0COST001", "alice", "UTC");
            Person bob = ws.user("U0COST002", "bob", "UTC");
            Channel channel = ws.channel("inc-answer-cost");
            alice.runs("/coe start " + TITLE, channel);
            SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains(TITLE));
            channel.awaitReplyFromBot(card.ts(), m -> true);
            try (AppDatabase db = AppDatabase.of(dir)) {
                AnswerCostBenchmark bench = new AnswerCostBenchmark(slack, db);
                Map<String, String> team = CrashRun.answers();
                Phase interview = bench.phase("interview", answers, i -> {
                    String question = CrashRun.lastQuestion(channel.thread(card.ts()));
                    bench.answer(i % 2 == 0 ? alice : bob, channel, card.ts(), team.get(question));
                });

                alice.runs("/coe whys " + PROBLEM, channel);
                SlackMessage root = channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #") && !m.isReply());
                channel.awaitReplyFromBot(root.ts(), m -> m.visibleText().contains("Why #1"));
                Phase whys = bench.phase("5 Whys", answers,
                        i -> bench.answer(i % 2 == 0 ? bob : alice, channel, root.ts(), CAUSES[i % CAUSES.length]));

                Phase idle = bench.phase("idle", 0, i -> Thread.sleep(idleSeconds * 1000L));
                System.out.println();
                for (Phase p : List.of(interview, whys)) {
                    p.print(idle);
                }
                idle.print(null);
                System.out.println();
                Phase.summaryHeader();
                for (Phase p : List.of(interview, whys)) {
                    p.summary(idle);
                }
            }
            System.out.println("load average after: " + Proc.loadAverage());
        }
        // exec:java waits for every non-daemon thread before it returns
        System.exit(0);
    }

    /** A person replies in the thread, and waits for the bot's next message and for the bot to have sent everything. */
    private void answer(Person who, Channel channel, String threadTs, String text) throws Exception {
        if (text == null) {
            throw new IllegalStateException("no answer prepared for the thread's last question: " + channel.thread(threadTs));
        }
        long before = botReplies(channel, threadTs);
        long began = System.nanoTime();
        who.repliesInThread(channel, threadTs, text);
        slack.await("the bot's next message after \"" + text + "\"", () -> botReplies(channel, threadTs) > before);
        toNextMessage.add((System.nanoTime() - began) / 1_000_000);
        db.awaitOutboxEmpty(Duration.ofSeconds(120));
        toOutboxEmpty.add((System.nanoTime() - began) / 1_000_000);
    }

    private static long botReplies(Channel channel, String threadTs) {
        return channel.thread(threadTs).stream().filter(SlackMessage::isFromBot).count();
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code answers} steps (or one, to idle) between two settled reads of the statistics. */
    private Phase phase(String name, int answers, Step step) throws Exception {
        AppDatabase.Counts before = db.settledCounts();
        db.resetStatements();
        toNextMessage.clear();
        toOutboxEmpty.clear();
        long began = System.nanoTime();
        for (int i = 0; i < Math.max(1, answers); i++) {
            step.run(i);
        }
        AppDatabase.Counts after = db.settledCounts();
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Phase(name, answers, seconds, median(toNextMessage), median(toOutboxEmpty), db.statementKinds(),
                after.appCommits(before), after.rows() - before.rows(), db.statementReport(Math.max(1, answers), answers == 0 ? "phase" : "answer", before, after));
    }

    private static long median(List<Long> ms) {
        return ms.isEmpty() ? 0 : ms.stream().sorted().toList().get(ms.size() / 2);
    }

    /**
     * One phase's figures over its window: from the statistics' reset to their settled read after the last answer; the
     * medians say where an answer's share of the window went (timings depend on the machine's load, counts do not).
     */
    private record Phase(String name, int answers, double seconds, long medianToNextMessageMs, long medianToOutboxEmptyMs,
                         AppDatabase.StatementKinds statements, long commits, long rows,
                         List<String> report) {
        /** What the idle bot did in a window as long as this phase's, per answer: {@code count} over the idle phase's window. */
        double idlePerAnswer(Phase idle, long count) {
            return count / idle.seconds * seconds / answers;
        }

        double perAnswer(long count) {
            return count / (double) answers;
        }

        void print(Phase idle) {
            System.out.printf(answers == 0 ? "%s: no answers, window %.1f s: what the pollers alone run%n"
                    : "%s: " + answers + " answers, window %.1f s; per answer (median) the bot's next message came "
                    + medianToNextMessageMs + " ms after the reply, the outbox was empty after " + medianToOutboxEmptyMs + " ms%n",
                    name, seconds);
            report.forEach(l -> System.out.println("  " + l));
            if (idle != null) {
                System.out.printf("  the idle bot runs %.1f statements/s (%.1f on tables), %.2f transactions/s, %.2f rows written/s: in a "
                                + "window this long %.1f statements (%.1f on tables) per answer, so the answers' own work is about %.1f "
                                + "statements (%.1f on tables) per answer%n",
                        idle.statements.all() / idle.seconds, idle.statements.tables() / idle.seconds, idle.commits / idle.seconds,
                        idle.rows / idle.seconds, idlePerAnswer(idle, idle.statements.all()), idlePerAnswer(idle, idle.statements.tables()),
                        perAnswer(statements.all()) - idlePerAnswer(idle, idle.statements.all()),
                        perAnswer(statements.tables()) - idlePerAnswer(idle, idle.statements.tables()));
            }
        }

        static void summaryHeader() {
            System.out.println("per answer | SQL statements | of them on tables | the idle pollers' share (on tables) "
                    + "| the answer's own (on tables) | transactions committed (the pollers' share) | rows written");
        }

        void summary(Phase idle) {
            double idleAll = idlePerAnswer(idle, idle.statements.all());
            double idleTables = idlePerAnswer(idle, idle.statements.tables());
            System.out.printf("%-9s | %5.1f | %5.1f | %4.1f (%4.1f) | %5.1f (%4.1f) | %5.1f (%4.1f) | %5.1f%n", name, perAnswer(statements.all()),
                    perAnswer(statements.tables()), idleAll, idleTables, perAnswer(statements.all()) - idleAll,
                    perAnswer(statements.tables()) - idleTables, perAnswer(commits), idlePerAnswer(idle, idle.commits), perAnswer(rows));
        }
    }
}
