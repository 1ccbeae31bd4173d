package io.coebot.learning;

import io.coebot.coe.Coes;
import io.coebot.graphs.TrendChart;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.coebot.testing.CompleteCoe;
import io.coebot.testing.EndToEnd;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly report on the app's clock: a public COE written in full (interview, 5 Whys, action item) and a private
 * channel's COE published the same week; two runs at the send time send one report with its chart; the numbers are
 * the seeded ones; the private COE is counted, never named; `/coe report` answers only the asker.
 */
class WeeklyReportEndToEndTest extends EndToEnd {
    /** The incident: yesterday, since the fake Slack stamps messages with the real time (see CompleteCoe). */
    private static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    /** The first Monday 09:00 UTC after the real now: the end of the week the report covers. */
    private static final Instant SEND = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .atTime(9, 0).toInstant(ZoneOffset.UTC);

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.report.channel", "#coe-weekly", "coe.report.at", "MONDAY 09:00", "coe.report.zone", "UTC");
    }

    @Test
    void theWeekIsReportedOnceWithTheRightNumbersAndChartAndThePrivateCoeIsNeverNamed() throws Exception {
        clock.setTo(SEND.minus(Duration.ofHours(2)));
        Person alice = ws.user("U0ALICE91", "alice", "UTC");
        Person bob = ws.user("U0BOB0091", "bob", "UTC");
        Channel weekly = ws.channel("coe-weekly");
        Channel channel = ws.channel("inc-weekly-report");
        Channel secret = ws.privateChannel("inc-secret-merger");
        alice.runs("/coe start Checkout 500s", channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        new CompleteCoe(ws, slack, app, channel, card, coeId, alice, bob, DAY).build();
        slack.addMember(secret.id(), alice.id());
        alice.runs("/coe start Merger data leak", secret);
        secret.awaitMessageFromBot(m -> m.visibleText().contains("Merger data leak"));
        long secretId = app.bean(Coes.class).openIn(slack.teamId(), secret.id()).orElseThrow().id();
        // published this week (the review itself is tested elsewhere); and an item past due
        sql("UPDATE coe SET status = 'PUBLISHED' WHERE id = " + secretId,
                "INSERT INTO coe_publication (coe_id, team_id, published_by, published_at, times) VALUES (" + secretId
                        + ", '" + slack.teamId() + "', '" + alice.id() + "', '" + SEND.minus(Duration.ofHours(1)) + "', 1)",
                "UPDATE action_item SET due = DATE '2020-01-06' WHERE coe_id = " + coeId);

        Instant at = SEND.plus(Duration.ofMinutes(3));
        clock.setTo(at);
        WeeklyReports reports = app.bean(WeeklyReports.class);
        var a = CompletableFuture.supplyAsync(() -> reports.runAt(at));
        var b = CompletableFuture.supplyAsync(() -> reports.runAt(at));
        assertEquals(1, a.get() + b.get(), "one report, whoever runs");
        assertEquals(0, reports.runAt(at.plus(Duration.ofMinutes(5))), "never twice");

        SlackMessage report = weekly.awaitMessageFromBot(m -> m.visibleText().contains("COE weekly report"));
        String text = report.visibleText();
        assertTrue(text.contains("Opened: 2 (COE-") && text.contains("Checkout 500s") && text.contains("1 in a private channel)"), text);
        assertTrue(text.contains("Published: 1 (1 in a private channel)"), text);
        assertFalse(text.contains("Merger"), "a private channel's COE is never named: " + text);
        assertTrue(text.contains("• Created: 1 (<@" + bob.id() + "> 1)") && text.contains("• Closed: 0")
                && text.contains("• Overdue: 1 (<@" + bob.id() + "> 1)"), text);
        assertTrue(text.contains("Median time to detect: 10 minutes") && text.contains("Median time to mitigate: 40 minutes"), text);
        assertTrue(text.contains("connection — 1 COE"), text);
        UploadedFile png = ws.awaitValue("the trend chart", () -> slack.files().stream()
                .filter(f -> f.filename().startsWith("coe-weekly-report-")).findFirst().orElse(null));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.content()));
        assertEquals(TrendChart.WIDTH, image.getWidth());
        assertEquals(TrendChart.HEIGHT, image.getHeight());
        assertEquals(1, slack.files().stream().filter(f -> f.filename().startsWith("coe-weekly-report-")).count());
        assertEquals(1, weekly.botMessages().stream().filter(m -> m.visibleText().contains("COE weekly report")).count());

        // `/coe report`: the week so far, only to the asker
        int before = weekly.botMessages().size();
        String mine = bob.runs("/coe report", channel).visibleText();
        assertTrue(mine.contains("COE weekly report") && mine.contains("posted with the weekly report"), mine);
        assertEquals(before, weekly.botMessages().size(), "nothing posted to the channel");
        assertTrue(channel.botMessages().stream().noneMatch(m -> m.visibleText().contains("COE weekly report")));
    }

    private void sql(String... statements) {
        var jdbc = app.bean(JdbcOperations.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(s -> jdbc.execute(c -> {
            for (String st : statements) {
                try (var ps = c.createStatement()) {
                    ps.executeUpdate(st);
                }
            }
            return null;
        }));
    }
}
