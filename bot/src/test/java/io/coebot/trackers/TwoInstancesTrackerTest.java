package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.ActionItems;
import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.testing.RunningApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances on one database, each with its tracker worker and its reconcile, and a GitHub that answers slowly:
 * every item becomes exactly one issue, and an issue closed in GitHub closes its item once, announced once.
 */
class TwoInstancesTrackerTest {
    private static final int ITEMS = 10;
    private static final String REPO = "acme/twins";

    @TempDir
    Path dataDir;

    @Test
    void twoInstancesCreateEachIssueOnceAndApplyEachCloseOnce() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start();
             FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             FakeGitHub github = FakeGitHub.start(GitHubTrackerEndToEndTest.TOKEN)) {
            github.addRepo(REPO);
            for (int i = 0; i < ITEMS; i++) {
                github.slowAfterWork(FakeGitHub::isCreate, 300); // each create holds its worker a while
            }
            Map<String, Object> props = new HashMap<>(RunningApp.sharing(db));
            props.putAll(TrackerEndToEnd.withTestPace(Map.of(
                    "coe.github.token", GitHubTrackerEndToEndTest.TOKEN,
                    "coe.github.repo", REPO,
                    "coe.github.api-url", github.apiUrl())));
            try (RunningApp one = RunningApp.start(slack.apiUrl(), dataDir.resolve("one"), props);
                 RunningApp two = RunningApp.start(slack.apiUrl(), dataDir.resolve("two"), props);
                 SlackWorkspace viaOne = new SlackWorkspace(slack, new SlackRequests(one.baseUrl(), RunningApp.SIGNING_SECRET));
                 SlackWorkspace viaTwo = new SlackWorkspace(slack, new SlackRequests(two.baseUrl(), RunningApp.SIGNING_SECRET))) {
                var alice = viaOne.user("U0TWINS01", "alice", "UTC");
                var channel = viaOne.channel("inc-twins");
                alice.runs("/coe start Twins", channel);
                SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Twins"));
                long coeId = one.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
                var aliceViaTwo = viaTwo.user(alice.id(), alice.name(), "UTC");
                String due = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(10).toString();
                for (int i = 0; i < ITEMS; i++) {
                    (i % 2 == 0 ? alice : aliceViaTwo).runs("/coe action Twin item " + i + " <@" + alice.id() + "> due " + due, channel);
                }

                slack.await("every item has its issue", () -> one.bean(ActionItems.class).ofCoe(coeId).stream()
                        .allMatch(i -> i.trackerKey() != null) && one.bean(ActionItems.class).ofCoe(coeId).size() == ITEMS);
                for (int i = 0; i < ITEMS; i++) {
                    assertEquals(1, github.issuesTitled(REPO, "Twin item " + i).size(), "one issue for item " + i);
                }
                assertEquals(ITEMS, github.calls().stream().filter(FakeGitHub::isCreate).count(), "each created once");

                ActionItem first = one.bean(ActionItems.class).ofCoe(coeId).get(0);
                github.close(REPO, Integer.parseInt(first.trackerKey().substring(1)), "completed");
                var runs = List.of(CompletableFuture.supplyAsync(() -> one.bean(TrackerReconcile.class).run()),
                        CompletableFuture.supplyAsync(() -> two.bean(TrackerReconcile.class).run()));
                CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
                assertEquals(ActionStatus.DONE, one.bean(ActionItems.class).find(first.id()).orElseThrow().status());
                assertEquals(1, runs.stream().mapToInt(r -> r.join().applied()).sum(), "one instance applied the close");
                slack.await("the outbox is empty", () -> one.unsentMessages() == 0);
                long said = channel.thread(card.ts()).stream().filter(m -> m.visibleText().contains("was closed as done in")).count();
                assertEquals(1, said, "announced once");
            }
        }
    }
}
