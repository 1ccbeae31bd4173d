package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Action items as Jira Cloud issues, end to end, against a fake of Jira's REST API v3 on loopback. */
class JiraTrackerEndToEndTest extends TrackerEndToEnd {
    static final String EMAIL = "coe-bot@example.com";
    static final String TOKEN = "ATATT3xFfGF0fakeJiraApiToken0123456789";
    static final String SECRET = "jira-webhook-secret-for-tests";

    final FakeJira jira = new FakeJira(EMAIL, TOKEN, "OPS");

    @Override
    protected Map<String, Object> appProperties() {
        jira.addUser("557058:bob-account", "bob.j1@example.com");
        jira.addUser("557058:erin-account", "erin.j3@example.com");
        return withTestPace(Map.of(
                "coe.jira.url", jira.url(),
                "coe.jira.email", EMAIL,
                "coe.jira.api-token", TOKEN,
                "coe.jira.project", "OPS",
                "coe.jira.webhook-secret", SECRET));
    }

    @AfterAll
    void stopJira() {
        jira.close();
    }

    private JsonNode awaitOneIssue(String summary) {
        return ws.awaitValue("Jira has \"" + summary + "\"", () -> {
            List<JsonNode> found = jira.titled(summary);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private long createCalls(String summary) {
        return jira.calls().stream().filter(c -> FakeJira.isCreate(c) && c.body().contains("\"" + summary + "\"")).count();
    }

    private HttpResponse<String> webhook(String body, String signature, String delivery) {
        return post("/webhooks/jira", body, "X-Hub-Signature", signature, "X-Atlassian-Webhook-Identifier", delivery);
    }

    private HttpResponse<String> signed(String body, String delivery) {
        return webhook(body, "sha256=" + WebhookSignature.hmacHex(SECRET, body), delivery);
    }

    @Test
    void itemsFromTheFormAndFromThe5WhysBecomeJiraIssues() {
        Person alice = ws.user("U0ALICEJ1", "alice", "UTC");
        Person bob = ws.user("U0BOBJ001", "bob", "UTC");
        Coe coe = new Coe("inc-jira-create", alice);
        slack.setEmail(bob.id(), "bob.j1@example.com");

        coe.addByForm(alice, "Alarm on queue depth", bob, null);
        JsonNode issue = awaitOneIssue("Alarm on queue depth");
        String key = issue.get("key").asText();
        JsonNode fields = issue.get("fields");
        assertEquals(inDays(10), fields.get("duedate").asText());
        assertEquals("557058:bob-account", fields.path("assignee").path("accountId").asText(), "the owner, found by email");
        assertTrue(fields.get("description").toString().contains("Checkout 500s"), "the ADF description names the COE");
        List<String> labels = jsonTexts(fields.get("labels"));
        assertTrue(labels.contains("coe") && labels.stream().anyMatch(l -> l.matches("COE-\\d+")), labels.toString());
        ActionItem item = awaitLinked(coe, "Alarm on queue depth");
        assertEquals(key, item.trackerKey());
        assertEquals(jira.url() + "/browse/" + key, item.trackerUrl());
        coe.awaitInThread("is <" + jira.url() + "/browse/" + key + "|" + key + "> in Jira");

        coe.addFromWhys(alice, "Review pool sizes every quarter", bob);
        JsonNode fromWhys = awaitOneIssue("Review pool sizes every quarter");
        assertTrue(fromWhys.get("fields").get("description").toString().contains(ROOT_CAUSE), "the issue names the root cause it fixes");
    }

    private static List<String> jsonTexts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aPastedJiraLinkIsLinkedAndDoneOrWontDoInSlackTransitionIt() {
        Person alice = ws.user("U0ALICEJ2", "alice", "UTC");
        Person bob = ws.user("U0BOBJ002", "bob", "UTC");
        Coe coe = new Coe("inc-jira-link", alice);
        String existing = jira.addIssue("Existing retry ticket");

        coe.addByForm(alice, "Cap client retries in Jira", bob, jira.url() + "/browse/" + existing);
        assertEquals(existing, awaitLinked(coe, "Cap client retries in Jira").trackerKey());
        SlackMessage dm = bob.awaitDm(m -> m.visibleText().contains("Cap client retries in Jira"));
        bob.clicks("Done", dm, bob.dm());
        ws.await("the linked issue is Done", () -> jira.titled("Existing retry ticket").get(0).path("fields").path("status")
                .path("name").asText().equals("Done"));
        assertEquals(0, createCalls("Cap client retries in Jira"));

        coe.addByCommand(alice, "Retire the old proxy", bob);
        awaitLinked(coe, "Retire the old proxy");
        alice.runs("/coe actions", coe.channel);
        var list = coe.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Retire the old proxy"));
        var wontDo = list.buttons().stream().filter(b -> b.label().equals("Won't do")).toList();
        alice.clicks(wontDo.get(wontDo.size() - 1), list);
        alice.awaitOpenView("actions.wont-do-reason");
        alice.submits("actions.wont-do-reason", Map.of("reason", Map.of("reason", "Being replaced")));
        ws.await("the issue took the Won't Do transition", () -> jira.titled("Retire the old proxy").get(0).path("fields")
                .path("status").path("name").asText().equals("Won't Do"));
    }

    @Test
    void resolvedOrRescheduledInJiraByWebhookUpdatesTheItemOnceAndABadSignatureIs401() {
        Person alice = ws.user("U0ALICEJ3", "alice", "UTC");
        Person bob = ws.user("U0BOBJ003", "bob", "UTC");
        Coe coe = new Coe("inc-jira-webhook", alice);
        coe.addByCommand(alice, "Page on error budget burn", bob);
        String key = awaitLinked(coe, "Page on error budget burn").trackerKey();

        String newDue = inDays(20);
        String moved = jira.setDue(key, newDue);
        assertEquals(200, signed(moved, UUID.randomUUID().toString()).statusCode());
        assertEquals(LocalDate.parse(newDue), coe.item("Page on error budget burn").due());
        coe.awaitInThread("*Page on error budget burn* is now due");

        Person erin = ws.user("U0ERINJ03", "erin", "UTC");
        slack.setEmail(erin.id(), "erin.j3@example.com");
        assertEquals(200, signed(jira.assign(key, "557058:erin-account"), UUID.randomUUID().toString()).statusCode());
        assertEquals(erin.id(), coe.item("Page on error budget burn").owner(), "reassigned in Jira: erin owns it");

        String done = jira.moveTo(key, "Done");
        assertEquals(401, webhook(done, null, "j-unsigned").statusCode());
        assertEquals(401, webhook(done, "sha256=" + WebhookSignature.hmacHex("wrong", done), "j-wrong").statusCode());
        assertEquals(ActionStatus.OPEN, coe.item("Page on error budget burn").status());
        assertEquals(400, signed("{\"webhookEvent\":\"jira:issue_updated\"}", "j-bad").statusCode());

        String delivery = UUID.randomUUID().toString();
        assertEquals(200, signed(done, delivery).statusCode());
        assertEquals(ActionStatus.DONE, coe.item("Page on error budget burn").status());
        assertEquals(200, signed(done, delivery).statusCode());
        coe.awaitInThread("was closed as done in");
        ws.await("the outbox is empty", () -> app.unsentMessages() == 0);
        assertEquals(1, coe.channel.thread(coe.card.ts()).stream().filter(m -> m.visibleText().contains("was closed as done in")).count());
    }

    @Test
    void anIssueResolvedWhileTheWebhookIsLostIsCaughtByTheReconcile() {
        Person alice = ws.user("U0ALICEJ4", "alice", "UTC");
        Person bob = ws.user("U0BOBJ004", "bob", "UTC");
        Coe coe = new Coe("inc-jira-reconcile", alice);
        coe.addByCommand(alice, "Load test checkout in Jira", bob);
        coe.addByCommand(alice, "Drop legacy endpoint in Jira", bob);
        String a = awaitLinked(coe, "Load test checkout in Jira").trackerKey();
        String b = awaitLinked(coe, "Drop legacy endpoint in Jira").trackerKey();
        jira.pageSize(1);
        jira.moveTo(a, "Done");
        jira.moveTo(b, "Won't Do");

        ws.await("a reconcile runs", () -> app.bean(TrackerReconcile.class).run().targets() > 0);
        jira.pageSize(100);
        assertEquals(ActionStatus.DONE, coe.item("Load test checkout in Jira").status());
        assertEquals(ActionStatus.WONT_DO, coe.item("Drop legacy endpoint in Jira").status());
        assertTrue(jira.calls().stream().anyMatch(c -> c.body().contains("nextPageToken")), "the reconcile reads every page");
    }

    @Test
    void aRateLimitThenSuccessAndATimeoutAfterCreatingEachMakeExactlyOneIssue() {
        Person alice = ws.user("U0ALICEJ5", "alice", "UTC");
        Person bob = ws.user("U0BOBJ005", "bob", "UTC");
        Coe coe = new Coe("inc-jira-retries", alice);
        jira.failNext(1, c -> FakeJira.isCreate(c) && c.body().contains("Shard sessions in Jira"), 429,
                Map.of("Retry-After", "1"), "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}");
        jira.slowAfterWork(c -> FakeJira.isCreate(c) && c.body().contains("Split payments in Jira"), 4_000);

        coe.addByCommand(alice, "Shard sessions in Jira", bob);
        coe.addByCommand(alice, "Split payments in Jira", bob);

        awaitLinked(coe, "Shard sessions in Jira");
        awaitLinked(coe, "Split payments in Jira");
        assertEquals(1, jira.titled("Shard sessions in Jira").size());
        assertEquals(2, createCalls("Shard sessions in Jira"));
        assertEquals(1, jira.titled("Split payments in Jira").size(), "found by its marker label, not made again");
        assertEquals(1, createCalls("Split payments in Jira"));
    }

    @Test
    void aJiraThatIsDownLeavesTheItemPendingAndTheCoeUsable() {
        Person alice = ws.user("U0ALICEJ6", "alice", "UTC");
        Person bob = ws.user("U0BOBJ006", "bob", "UTC");
        Coe coe = new Coe("inc-jira-down", alice);
        jira.down(true);
        try {
            coe.addByCommand(alice, "Add a breaker in Jira", bob);
            coe.awaitInThread("*Add a breaker in Jira*");
            assertEquals("Jira", coe.item("Add a breaker in Jira").notYetIn());
            SlackMessage told = alice.awaitDm(m -> m.visibleText().contains("is not in Jira yet"));
            assertFalse(told.visibleText().contains(TOKEN));
            assertTrue(alice.runs("/coe status", coe.channel).visibleText().contains("COE-"), "the COE goes on");
        } finally {
            jira.down(false);
        }
        awaitLinked(coe, "Add a breaker in Jira");
        assertEquals(1, jira.titled("Add a breaker in Jira").size());
    }
}
