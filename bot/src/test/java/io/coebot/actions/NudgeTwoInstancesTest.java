package io.coebot.actions;

import io.coebot.coe.Coes;
import io.coebot.slack.UserZones;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the app on one database, both running the nudge at the same moment: every digest, weekly
 * report and reassign request is claimed by exactly one of them, so each person gets each DM once.
 */
class NudgeTwoInstancesTest {
    @TempDir
    Path dataDir;

    private static NudgeRun.Report[] runBoth(RunningApp one, RunningApp two, Instant at) throws Exception {
        var a = CompletableFuture.supplyAsync(() -> one.bean(NudgeRun.class).runAt(at));
        var b = CompletableFuture.supplyAsync(() -> two.bean(NudgeRun.class).runAt(at));
        return new NudgeRun.Report[]{a.get(), b.get()};
    }

    @Test
    void twoInstancesSendEachNudgeOnce() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start();
             FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            Map<String, Object> shared = RunningApp.sharing(db);
            try (RunningApp one = RunningApp.start(slack.apiUrl(), dataDir.resolve("one"), shared);
                 RunningApp two = RunningApp.start(slack.apiUrl(), dataDir.resolve("two"), shared);
                 SlackWorkspace ws = new SlackWorkspace(slack, new SlackRequests(one.baseUrl(), RunningApp.SIGNING_SECRET))) {
                var alice = ws.user("U0ALICE71", "alice", "Europe/Paris");
                var bob = ws.user("U0BOB0071", "bob", "Europe/Paris");
                var erin = ws.user("U0ERIN071", "erin", "Europe/Paris");
                var incident = ws.channel("inc-two-instances");
                alice.runs("/coe start Two instances", incident);
                incident.awaitMessageFromBot(m -> m.visibleText().contains("Two instances"));
                long coeId = one.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
                String due = LocalDate.now().plusDays(20).toString();
                alice.runs("/coe action Add the pool alarm <@" + bob.id() + "> due " + due, incident);
                alice.runs("/coe action Rewrite the failover runbook <@" + erin.id() + "> due " + due, incident);
                slack.await("both items stored", () -> one.bean(ActionStore.class).ofCoe(coeId).size() == 2);
                // Erin leaves the company after her item was assigned: the bot still thinks her account is active.
                slack.deactivateUser(erin.id());

                // Wednesday 10:00 in Paris, both instances at once.
                Instant wednesday = Instant.parse("2026-11-25T09:00:00Z");
                NudgeRun.Report[] first = runBoth(one, two, wednesday);
                assertEquals(3, first[0].digests() + first[1].digests(), "bob's and erin's digests, and alice's (her COE "
                        + "to finish), each once: " + first[0] + " " + first[1]);
                bob.awaitDm(m -> m.visibleText().contains("Add the pool alarm"));
                alice.awaitDm(m -> m.visibleText().contains("Finish and publish") && m.visibleText().contains("Two instances"));
                // Slack refuses the DM to erin's deactivated account; the bot asks about her again and learns it.
                slack.await("erin's account is known to be deactivated", () ->
                        one.bean(UserZones.class).personOf(slack.teamId(), erin.id()).deactivated());

                NudgeRun.Report[] later = runBoth(one, two, wednesday.plusSeconds(2 * 3600));
                assertEquals(0, later[0].digests() + later[1].digests(), "nobody gets a second digest that day");
                assertEquals(1, later[0].reassignRequests() + later[1].reassignRequests(),
                        "alice is asked once to reassign erin's item: " + later[0] + " " + later[1]);
                var reassign = alice.awaitDm(m -> m.visibleText().contains("Slack account is deactivated"));
                assertTrue(reassign.visibleText().contains("Rewrite the failover runbook"), reassign.visibleText());
                assertTrue(reassign.buttons().stream().anyMatch(x -> x.label().equals("Reassign")), reassign.buttons().toString());
                // digests are paced apart, so bob's may still be on its way when alice's reassign request arrives
                bob.awaitDm(m -> m.visibleText().contains("Good morning"));
                slack.await("every queued DM is sent", () -> one.unsentMessages() == 0);
                assertEquals(1, bob.dms().stream().filter(m -> m.visibleText().contains("Good morning")).count(),
                        "one digest, though two instances ran twice");
                assertEquals(1, alice.dms().stream().filter(m -> m.visibleText().contains("Finish and publish")).count(),
                        "one reminder of her COE, though two instances ran twice");
            }
        }
    }
}
