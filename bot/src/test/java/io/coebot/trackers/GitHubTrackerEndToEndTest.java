package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.ActionItems;
import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Action items as GitHub issues, end to end: the real app, the fake Slack, and a fake GitHub on loopback that follows
 * the REST contract. What a team notices: the issue exists (once), the item shows its key, closing either side closes
 * the other, and a GitHub that misbehaves never gets in the COE's way.
 */
class GitHubTrackerEndToEndTest extends TrackerEndToEnd {
    static final String TOKEN = "ghp_fake0token0for0the0tests0123456789";
    static final String SECRET = "github-webhook-secret-for-tests";
    static final String REPO = "acme/checkout";

    final FakeGitHub github = FakeGitHub.start(TOKEN);

    @Override
    protected Map<String, Object> appProperties() {
        github.addRepo(REPO);
        github.addRepo("acme/payments");
        github.addUser("bob-gh", "bob81@example.com");
        github.addUser("dave-gh", "dave93@example.com");
        return withTestPace(Map.of(
                "coe.github.token", TOKEN,
                "coe.github.repo", REPO,
                "coe.github.api-url", github.apiUrl(),
                "coe.github.webhook-secret", SECRET));
    }

    @AfterAll
    void stopGitHub() {
        github.close();
    }

    private JsonNode awaitOneIssue(String title) {
        return ws.awaitValue("GitHub has the issue \"" + title + "\"", () -> {
            List<JsonNode> found = github.issuesTitled(REPO, title);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private HttpResponse<String> webhook(String event, String delivery, String body, String signature) {
        return post("/webhooks/github", body, "X-GitHub-Event", event, "X-GitHub-Delivery", delivery,
                "X-Hub-Signature-256", signature);
    }

    private HttpResponse<String> signedWebhook(String delivery, String body) {
        return webhook("issues", delivery, body, "sha256=" + WebhookSignature.hmacHex(SECRET, body));
    }

    private long createCalls(String title) {
        return github.calls().stream().filter(c -> FakeGitHub.isCreate(c) && c.body().contains("\"" + title + "\"")).count();
    }

    @Test
    void anItemAddedInTheFormBecomesAnIssueAndShowsItsKey() {
        Person alice = ws.user("U0ALICE81", "alice", "UTC");
        Person bob = ws.user("U0BOB0081", "bob", "UTC");
        Coe coe = new Coe("inc-gh-form", alice);
        slack.setEmail(bob.id(), "bob81@example.com"); // GitHub knows bob by this email; carol has no GitHub user

        coe.addByForm(alice, "Alarm on checkout error rate", bob, null);

        JsonNode issue = awaitOneIssue("Alarm on checkout error rate");
        int n = issue.get("number").asInt();
        String body = issue.get("body").asText();
        assertTrue(body.contains("COE-") && body.contains("Checkout 500s") && body.contains("**Priority:** high")
                && body.contains("**Due:** " + inDays(10)), body);
        List<String> labels = issue.get("labels").findValuesAsText("name");
        assertTrue(labels.contains("coe") && labels.stream().anyMatch(l -> l.matches("COE-\\d+")), labels.toString());

        ActionItem item = awaitLinked(coe, "Alarm on checkout error rate");
        assertEquals("#" + n, item.trackerKey());
        assertEquals("https://github.com/" + REPO + "/issues/" + n, item.trackerUrl());
        assertNull(item.notYetIn());
        coe.awaitInThread("is <https://github.com/" + REPO + "/issues/" + n + "|#" + n + "> in GitHub");
        String list = alice.runs("/coe actions", coe.channel).visibleText();
        assertTrue(list.contains("#" + n), "the list shows the issue's key: " + list);
        assertEquals(1, createCalls("Alarm on checkout error rate"));
        assertEquals(List.of("bob-gh"), issue.get("assignees").findValuesAsText("login"), "the owner, found by email");

        // reassigned in Slack to someone GitHub does not know: unassigned there, with a note saying why
        Person carol = ws.user("U0CAROL81", "carol", "UTC");
        slack.setEmail(carol.id(), "carol81@example.com");
        alice.runs("/coe actions", coe.channel);
        var listed = coe.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Alarm on checkout error rate"));
        var reassign = listed.buttons().stream().filter(b -> b.label().equals("Reassign")).toList();
        alice.clicks(reassign.get(reassign.size() - 1), listed);
        alice.awaitOpenView("actions.new-owner");
        alice.submits("actions.new-owner", Map.of("owner", Map.of("owner", carol.id())));
        ws.await("the issue is unassigned and says why", () -> {
            JsonNode now = github.issuesTitled(REPO, "Alarm on checkout error rate").get(0);
            return now.get("assignees").isEmpty() && now.get("body").asText()
                    .contains("carol81@example.com in Slack; no GitHub user has that email");
        });
    }

    @Test
    void aFixFromThe5WhysBecomesAnIssueNamingTheRootCauseItFixes() {
        Person alice = ws.user("U0ALICE82", "alice", "UTC");
        Person bob = ws.user("U0BOB0082", "bob", "UTC");
        Coe coe = new Coe("inc-gh-whys", alice);
        coe.addFromWhys(alice, "Review client pool sizes quarterly", bob);

        JsonNode issue = awaitOneIssue("Review client pool sizes quarterly");
        assertTrue(issue.get("body").asText().contains("**Fixes:** " + ROOT_CAUSE),
                issue.get("body").asText());
        awaitLinked(coe, "Review client pool sizes quarterly");
    }

    @Test
    void aPastedIssueLinkLinksThatIssueAndDoneInSlackClosesIt() {
        Person alice = ws.user("U0ALICE83", "alice", "UTC");
        Person bob = ws.user("U0BOB0083", "bob", "UTC");
        Coe coe = new Coe("inc-gh-link", alice);
        int existing = github.addIssue(REPO, "Existing ticket about retries");
        String url = "https://github.com/" + REPO + "/issues/" + existing;

        coe.addByForm(alice, "Cap client retries", bob, url);

        ActionItem item = awaitLinked(coe, "Cap client retries");
        assertEquals("#" + existing, item.trackerKey());
        assertEquals(url, item.trackerUrl());
        SlackMessage dm = bob.awaitDm(m -> m.visibleText().contains("Cap client retries"));
        bob.clicks("Done", dm, bob.dm());

        ws.await("the linked issue is closed as completed", () -> {
            JsonNode i = github.issues(REPO).get(existing - 1);
            return i.get("state").asText().equals("closed") && i.get("state_reason").asText().equals("completed");
        });
        assertEquals(0, createCalls("Cap client retries"), "a linked issue is never created");
        assertEquals("Existing ticket about retries", github.issues(REPO).get(existing - 1).get("title").asText(),
                "a linked issue keeps its own title");

        // `/coe action link` with only the issue's key: the form opens with it, and the link comes from GitHub
        int another = github.addIssue(REPO, "Another existing ticket");
        String ack = alice.runs("/coe action link #" + another, coe.channel).visibleText();
        assertTrue(ack.contains("linked to that issue"), ack);
        var form = alice.awaitOpenView("actions.create");
        assertTrue(form.json().toString().contains("#" + another), "the form holds the key");
        alice.submits("actions.create", Map.of(
                "text", Map.of("text", "Tune the retry budget"),
                "owner", Map.of("owner", bob.id()),
                "due", Map.of("due", inDays(9)),
                "tracker", Map.of("tracker", "#" + another)));
        ActionItem byKey = ws.awaitValue("the keyed item has its issue's link", () -> {
            ActionItem i = coe.item("Tune the retry budget");
            return i.trackerUrl() == null ? null : i;
        });
        assertEquals("#" + another, byKey.trackerKey());
        assertEquals("https://github.com/" + REPO + "/issues/" + another, byKey.trackerUrl());
        assertEquals(0, createCalls("Tune the retry budget"));
    }

    @Test
    void doneAndWontDoInSlackCloseTheIssueWithTheirReason() {
        Person alice = ws.user("U0ALICE84", "alice", "UTC");
        Person bob = ws.user("U0BOB0084", "bob", "UTC");
        Coe coe = new Coe("inc-gh-done", alice);
        coe.addByCommand(alice, "Add a canary stage", bob);
        coe.addByCommand(alice, "Rewrite the proxy", bob);
        int canary = awaitOneIssue("Add a canary stage").get("number").asInt();
        int proxy = awaitOneIssue("Rewrite the proxy").get("number").asInt();
        awaitLinked(coe, "Add a canary stage");
        awaitLinked(coe, "Rewrite the proxy");

        SlackMessage dm = bob.awaitDm(m -> m.visibleText().contains("Add a canary stage"));
        bob.clicks("Done", dm, bob.dm());
        alice.runs("/coe actions", coe.channel);
        var list = coe.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Rewrite the proxy"));
        var wontDo = list.buttons().stream().filter(b -> b.label().equals("Won't do")).toList();
        alice.clicks(wontDo.get(wontDo.size() - 1), list);
        alice.awaitOpenView("actions.wont-do-reason");
        alice.submits("actions.wont-do-reason", Map.of("reason", Map.of("reason", "The proxy is being retired")));

        ws.await("the canary issue is closed as completed", () -> {
            JsonNode i = github.issues(REPO).get(canary - 1);
            return i.get("state").asText().equals("closed") && "completed".equals(i.get("state_reason").asText());
        });
        ws.await("the proxy issue is closed as not planned", () -> {
            JsonNode i = github.issues(REPO).get(proxy - 1);
            return i.get("state").asText().equals("closed") && "not_planned".equals(i.get("state_reason").asText());
        });
    }

    @Test
    void anIssueClosedInGitHubClosesTheItemByWebhookOnceEvenWhenRedelivered() {
        Person alice = ws.user("U0ALICE85", "alice", "UTC");
        Person bob = ws.user("U0BOB0085", "bob", "UTC");
        Coe coe = new Coe("inc-gh-webhook", alice);
        coe.addByCommand(alice, "Page on queue depth", bob);
        int n = awaitOneIssue("Page on queue depth").get("number").asInt();
        awaitLinked(coe, "Page on queue depth");

        String payload = github.close(REPO, n, "completed");
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> first = signedWebhook(delivery, payload);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(ActionStatus.DONE, coe.item("Page on queue depth").status());
        coe.awaitInThread("*Page on queue depth* was closed as done in <https://github.com/" + REPO + "/issues/" + n + "|#" + n + "> in GitHub");

        HttpResponse<String> again = signedWebhook(delivery, payload);
        assertEquals(200, again.statusCode(), again.body());
        app.awaitMessagesHandled();
        ws.await("the outbox is empty", () -> app.unsentMessages() == 0);
        long said = coe.channel.thread(coe.card.ts()).stream().filter(m -> m.visibleText().contains("was closed as done in")).count();
        assertEquals(1, said, "a redelivered webhook changes nothing");

        String reopened = github.reopen(REPO, n);
        assertEquals(200, signedWebhook(UUID.randomUUID().toString(), reopened).statusCode());
        assertEquals(ActionStatus.OPEN, coe.item("Page on queue depth").status(), "reopened: the owner is nudged again");
        coe.awaitInThread("was reopened in");
    }

    @Test
    void anIssueClosedInGitHubWhileTheWebhookIsLostIsCaughtByTheReconcile() {
        Person alice = ws.user("U0ALICE86", "alice", "UTC");
        Person bob = ws.user("U0BOB0086", "bob", "UTC");
        Coe coe = new Coe("inc-gh-reconcile", alice);
        coe.addByCommand(alice, "Load test the checkout", bob);
        coe.addByCommand(alice, "Drop the legacy endpoint", bob);
        int n = awaitOneIssue("Load test the checkout").get("number").asInt();
        int m = awaitOneIssue("Drop the legacy endpoint").get("number").asInt();
        awaitLinked(coe, "Load test the checkout");
        awaitLinked(coe, "Drop the legacy endpoint");
        github.pageSize(1); // the changes come on several pages, linked by the Link header

        github.close(REPO, n, "completed"); // no webhook arrives
        github.close(REPO, m, "not_planned");
        ws.await("a reconcile runs", () -> app.bean(TrackerReconcile.class).run().targets() > 0);

        assertEquals(ActionStatus.DONE, coe.item("Load test the checkout").status());
        ActionItem dropped = coe.item("Drop the legacy endpoint");
        assertEquals(ActionStatus.WONT_DO, dropped.status());
        assertTrue(dropped.statusReason().contains("not planned in GitHub"), dropped.statusReason());
        coe.awaitInThread("*Load test the checkout* was closed as done in");
        assertTrue(github.calls().stream().anyMatch(c -> c.method().equals("GET") && c.query() != null && c.query().contains("page=2")),
                "the reconcile follows the Link header");
        github.pageSize(100);
    }

    @Test
    void aRateLimitThenSuccessCreatesExactlyOneIssue() {
        Person alice = ws.user("U0ALICE87", "alice", "UTC");
        Person bob = ws.user("U0BOB0087", "bob", "UTC");
        Coe coe = new Coe("inc-gh-429", alice);
        github.failNext(1, c -> FakeGitHub.isCreate(c) && c.body().contains("Shard the sessions table"), 429, Map.of("Retry-After", "1"));
        github.failNext(1, c -> FakeGitHub.isCreate(c) && c.body().contains("Shard the sessions table"), 403, Map.of("Retry-After", "1"));

        coe.addByCommand(alice, "Shard the sessions table", bob);

        awaitLinked(coe, "Shard the sessions table");
        assertEquals(1, github.issuesTitled(REPO, "Shard the sessions table").size());
        assertEquals(3, createCalls("Shard the sessions table"), "429, then the secondary limit, then the create");
        assertTrue(alice.dms().stream().noneMatch(d -> d.visibleText().contains("is not in GitHub yet")),
                "a short wait GitHub asked for is not worth a word to the creator");
    }

    @Test
    void aCreateThatTimedOutAfterGitHubMadeTheIssueIsFoundNotMadeAgain() {
        Person alice = ws.user("U0ALICE88", "alice", "UTC");
        Person bob = ws.user("U0BOB0088", "bob", "UTC");
        Coe coe = new Coe("inc-gh-timeout", alice);
        github.slowAfterWork(c -> FakeGitHub.isCreate(c) && c.body().contains("Split the payment worker"), 4_000);

        coe.addByCommand(alice, "Split the payment worker", bob);

        ActionItem item = awaitLinked(coe, "Split the payment worker");
        assertEquals(1, github.issuesTitled(REPO, "Split the payment worker").size(), "no second issue");
        assertEquals(1, createCalls("Split the payment worker"));
        assertTrue(github.calls().stream().anyMatch(c -> c.path().equals("/search/issues")), "looked for the marker");
        assertEquals("#" + github.issuesTitled(REPO, "Split the payment worker").get(0).get("number").asInt(), item.trackerKey());
    }

    @Test
    void aWebhookWithoutTheRightSignatureIs401AndChangesNothing() {
        Person alice = ws.user("U0ALICE89", "alice", "UTC");
        Person bob = ws.user("U0BOB0089", "bob", "UTC");
        Coe coe = new Coe("inc-gh-signature", alice);
        coe.addByCommand(alice, "Rotate the webhook secret", bob);
        int n = awaitOneIssue("Rotate the webhook secret").get("number").asInt();
        awaitLinked(coe, "Rotate the webhook secret");
        String payload = github.close(REPO, n, "completed");
        github.reopen(REPO, n); // GitHub's own state stays open; only the forged event says closed

        assertEquals(401, webhook("issues", "d-unsigned", payload, null).statusCode());
        assertEquals(401, webhook("issues", "d-wrong", payload, "sha256=" + WebhookSignature.hmacHex("not-the-secret", payload)).statusCode());
        assertEquals(401, webhook("issues", "d-garbage", payload, "sha256=zz").statusCode());
        assertEquals(ActionStatus.OPEN, coe.item("Rotate the webhook secret").status());

        String garbage = "{\"action\":\"closed\",\"issue\":";
        HttpResponse<String> bad = signedWebhook("d-bad-json", garbage);
        assertEquals(400, bad.statusCode(), "signed nonsense is refused, never a 5xx: " + bad.body());
        String noIssue = "{\"action\":\"closed\",\"issue\":[1,2]}";
        assertEquals(400, signedWebhook("d-no-issue", noIssue).statusCode());
        assertEquals(ActionStatus.OPEN, coe.item("Rotate the webhook secret").status());
    }

    @Test
    void aGitHubThatIsDownLeavesTheCoeUsableAndTheItemPendingAndTellsTheCreatorOnce() {
        Person alice = ws.user("U0ALICE90", "alice", "UTC");
        Person bob = ws.user("U0BOB0090", "bob", "UTC");
        Coe coe = new Coe("inc-gh-down", alice);
        github.down(true);
        try {
            coe.addByCommand(alice, "Add a circuit breaker", bob);
            coe.awaitInThread("added an action item for <@" + bob.id() + ">");
            ActionItem item = coe.item("Add a circuit breaker");
            assertEquals("GitHub", item.notYetIn());
            String list = alice.runs("/coe actions", coe.channel).visibleText();
            assertTrue(list.contains("Not yet in GitHub"), list);
            SlackMessage told = alice.awaitDm(m -> m.visibleText().contains("is not in GitHub yet"));
            assertTrue(told.visibleText().contains("Add a circuit breaker") && told.visibleText().contains("could not be reached"),
                    told.visibleText());
            assertFalse(told.visibleText().contains(TOKEN));

            // the COE goes on: another item, a change, the status
            coe.addByCommand(alice, "Document the fallback", bob);
            SlackMessage dm = bob.awaitDm(m -> m.visibleText().contains("Add a circuit breaker"));
            bob.clicks("Done", dm, bob.dm());
            ws.await("the item is done in coe-bot", () -> coe.item("Add a circuit breaker").status() == ActionStatus.DONE);
            ws.await("a few more tries failed", () -> app.bean(TrackerIssues.class).ofItem(item.id()).orElseThrow().attempts() >= 4);
            assertEquals(1, alice.dms().stream().filter(d -> d.visibleText().contains("*Add a circuit breaker*")
                    && d.visibleText().contains("is not in GitHub yet")).count(), "the creator is told once");
            assertTrue(github.issuesTitled(REPO, "Add a circuit breaker").isEmpty());
        } finally {
            github.down(false);
        }
        // back up: the item arrives, closed as it is in coe-bot, and only once
        JsonNode issue = awaitOneIssue("Add a circuit breaker");
        ws.await("the late issue is closed like its item", () -> github.issuesTitled(REPO, "Add a circuit breaker").get(0)
                .get("state").asText().equals("closed"));
        assertEquals(1, github.issuesTitled(REPO, "Add a circuit breaker").size(), issue.toString());
    }

    @Test
    void theCoeOwnerChoosesTheChannelsRepositoryWithCoeTrackerAndTheCardShowsIt() {
        Person alice = ws.user("U0ALICE91", "alice", "UTC");
        Person bob = ws.user("U0BOB0091", "bob", "UTC");
        Coe coe = new Coe("inc-gh-choose", alice);
        slack.await("the card shows the workspace default", () -> coe.channel.message(coe.card.ts()).visibleText()
                .contains("Action items go to GitHub " + REPO + " (the workspace default)"));

        String refused = bob.runs("/coe tracker", coe.channel).visibleText();
        assertTrue(refused.contains("Only <@" + alice.id() + ">"), refused);

        String ack = alice.runs("/coe tracker", coe.channel).visibleText();
        assertTrue(ack.contains("Choose in the form"), ack);
        alice.awaitOpenView(TrackerSlack.FORM);
        var bad = alice.submits(TrackerSlack.FORM, Map.of("tracker", Map.of("tracker", "github"),
                "target", Map.of("target", "not a repo")));
        assertTrue(bad.body().contains("owner/name"), bad.body());
        alice.submits(TrackerSlack.FORM, Map.of("tracker", Map.of("tracker", "github"),
                "target", Map.of("target", "acme/payments")));

        slack.await("the card shows the channel's choice", () -> coe.channel.message(coe.card.ts()).visibleText()
                .contains("Action items go to GitHub acme/payments (this channel's choice)"));
        coe.addByCommand(alice, "Retry payment webhooks idempotently", bob);
        ws.awaitValue("the issue is in the channel's repository", () ->
                github.issuesTitled("acme/payments", "Retry payment webhooks idempotently").isEmpty() ? null : true);
        assertTrue(github.issuesTitled(REPO, "Retry payment webhooks idempotently").isEmpty());

        alice.runs("/coe tracker", coe.channel);
        alice.awaitOpenView(TrackerSlack.FORM);
        alice.submits(TrackerSlack.FORM, Map.of("tracker", Map.of("tracker", "none")));
        slack.await("the card says items stay here", () -> coe.channel.message(coe.card.ts()).visibleText()
                .contains("Action items stay in coe-bot (this channel's choice)"));
        coe.addByCommand(alice, "Keep this one in Slack", bob);
        coe.awaitInThread("*Keep this one in Slack*");
        ActionItem kept = coe.item("Keep this one in Slack");
        assertNull(kept.notYetIn());
        assertNull(kept.trackerKey());
    }

    @Test
    void aRestartWhileGitHubIsCreatingTheIssueLeavesExactlyOneIssue() {
        Person alice = ws.user("U0ALICE92", "alice", "UTC");
        Person bob = ws.user("U0BOB0092", "bob", "UTC");
        Coe coe = new Coe("inc-gh-restart", alice);
        github.slowAfterWork(c -> FakeGitHub.isCreate(c) && c.body().contains("Survive a redeploy"), 1_000);

        coe.addByCommand(alice, "Survive a redeploy", bob);
        ws.await("GitHub is creating the issue", () -> createCalls("Survive a redeploy") == 1);
        app.restart(); // mid-call: whatever the old instance recorded, the new one must not create it again
        // a push the old instance still held is taken over once its lease is over
        clock.advance(java.time.Duration.ofMinutes(2));

        ActionItem item = awaitLinked(coe, "Survive a redeploy");
        assertEquals(1, github.issuesTitled(REPO, "Survive a redeploy").size(), "no second issue after the restart");
        assertEquals(1, createCalls("Survive a redeploy"));
        String marker = IssueText.marker(slack.teamId(), item.id());
        assertTrue(github.calls().stream().anyMatch(c -> c.path().equals("/search/issues")
                && java.net.URLDecoder.decode(c.query(), java.nio.charset.StandardCharsets.UTF_8).contains(marker)),
                "the new instance looked for the issue before creating it");
        assertEquals("#" + github.issuesTitled(REPO, "Survive a redeploy").get(0).get("number").asInt(), item.trackerKey());
    }

    @Test
    void anIssueReassignedInGitHubReassignsTheItemToThatPersonInSlack() {
        Person alice = ws.user("U0ALICE93", "alice", "UTC");
        Person bob = ws.user("U0BOB0093", "bob", "UTC");
        Person dave = ws.user("U0DAVE093", "dave", "UTC");
        slack.setEmail(dave.id(), "dave93@example.com"); // dave-gh's public email in GitHub
        Coe coe = new Coe("inc-gh-assign", alice);
        coe.addByCommand(alice, "Add a synthetic check", bob);
        int n = Integer.parseInt(awaitLinked(coe, "Add a synthetic check").trackerKey().substring(1));

        String assigned = github.assign(REPO, n, "dave-gh");
        assertEquals(200, signedWebhook(UUID.randomUUID().toString(), assigned).statusCode());

        assertEquals(dave.id(), coe.item("Add a synthetic check").owner(), "dave owns it now, and gets its nudges");
        coe.awaitInThread("*Add a synthetic check* is now <@" + dave.id() + ">'s (it was <@" + bob.id() + ">'s)");
    }
}
