package io.coebot.learning;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.testing.RunningApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two instances of the app on one database, both running the weekly report at the same moment: one report, one chart. */
class WeeklyReportTwoInstancesTest {
    @TempDir
    Path dataDir;

    @Test
    void twoInstancesSendTheReportOnce() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start();
             FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            Map<String, Object> shared = new HashMap<>(RunningApp.sharing(db));
            shared.put("coe.report.channel", "#coe-weekly-two");
            try (RunningApp one = RunningApp.start(slack.apiUrl(), dataDir.resolve("one"), shared);
                 RunningApp two = RunningApp.start(slack.apiUrl(), dataDir.resolve("two"), shared);
                 SlackWorkspace ws = new SlackWorkspace(slack, new SlackRequests(one.baseUrl(), RunningApp.SIGNING_SECRET))) {
                var alice = ws.user("U0ALICE92", "alice", "UTC");
                var weekly = ws.channel("coe-weekly-two");
                var incident = ws.channel("inc-report-two-instances");
                alice.runs("/coe start Two reporters", incident);
                incident.awaitMessageFromBot(m -> m.visibleText().contains("Two reporters"));

                // a few minutes after the first Monday 09:00 UTC after now: the week the COE was opened in, from both
                // instances at once
                Instant now = Instant.now();
                Instant end = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atTime(9, 0)
                        .toInstant(ZoneOffset.UTC);
                Instant at = (end.isAfter(now) ? end : end.plus(Duration.ofDays(7))).plus(Duration.ofMinutes(3));
                for (int round = 0; round < 2; round++) {
                    Instant when = at.plus(Duration.ofMinutes(5L * round));
                    var a = CompletableFuture.supplyAsync(() -> one.bean(WeeklyReports.class).runAt(when));
                    var b = CompletableFuture.supplyAsync(() -> two.bean(WeeklyReports.class).runAt(when));
                    assertEquals(round == 0 ? 1 : 0, a.get() + b.get(), "round " + round);
                }
                var report = weekly.awaitMessageFromBot(m -> m.visibleText().contains("COE weekly report"));
                assertEquals(true, report.visibleText().contains("Opened: 1 (COE-"), report.visibleText());
                ws.awaitValue("the chart", () -> slack.files().stream()
                        .filter(f -> f.filename().startsWith("coe-weekly-report-")).findFirst().orElse(null));
                slack.await("every queued message is sent", () -> one.unsentMessages() == 0);
                assertEquals(1, weekly.botMessages().stream().filter(m -> m.visibleText().contains("COE weekly report")).count());
                assertEquals(1, slack.files().stream().filter(f -> f.filename().startsWith("coe-weekly-report-")).count());
            }
        }
    }
}
