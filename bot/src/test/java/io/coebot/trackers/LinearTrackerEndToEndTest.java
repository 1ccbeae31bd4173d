package io.coebot.trackers;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Action items as Linear issues, end to end, against a fake of Linear's GraphQL API on loopback. */
class LinearTrackerEndToEndTest extends TrackerEndToEnd {
    static final String KEY = "lin_api_fakeLinearKeyForTheTests0123456789";
    static final String SECRET = "linear-webhook-secret-for-tests";

    final FakeLinear linear = new FakeLinear(KEY, "ENG");

    @Override
    protected Map<String, Object> appProperties() {
        linear.addUser("user-bob", "bob.l1@example.com");
        linear.addUser("user-erin", "erin.l3@example.com");
        linear.addWorkspaceLabel("coe");
        return withTestPace(Map.of(
                "coe.linear.api-key", KEY,
                "coe.linear.team", "ENG",
                "coe.linear.api-url", linear.apiUrl(),
                "coe.linear.webhook-secret", SECRET));
    }

    @AfterAll
    void stopLinear() {
        linear.close();
    }

    private JsonNode awaitOneIssue(String title) {
        return ws.awaitValue("Linear has \"" + title + "\"", () -> {
            List<JsonNode> found = linear.titled(title);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private long createCalls(String title) {
        return linear.calls().stream().filter(c -> FakeLinear.isCreate(c) && c.body().contains("\"" + title + "\"")).count();
    }

    private HttpResponse<String> webhook(String body, String signature, String delivery) {
        return post("/webhooks/linear", body, "Linear-Signature", signature, "Linear-Delivery", delivery);
    }

    private HttpResponse<String> signed(String body, String delivery) {
        return webhook(body, WebhookSignature.hmacHex(SECRET, body), delivery);
    }

    @Test
    void itemsFromTheFormAndFromThe5WhysBecomeLinearIssues() {
        Person alice = ws.user("U0ALICEL1", "alice", "UTC");
        Person bob = ws.user("U0BOBL001", "bob", "UTC");
        Coe coe = new Coe("inc-linear-create", alice);
        slack.setEmail(bob.id(), "bob.l1@example.com");

        coe.addByForm(alice, "Alarm on p99 latency", bob, null);
        JsonNode issue = awaitOneIssue("Alarm on p99 latency");
        assertEquals(inDays(10), issue.get("dueDate").asText());
        assertEquals("user-bob", issue.get("assigneeId").asText(), "the owner, found by email");
        assertTrue(issue.get("description").asText().contains("Checkout 500s"), issue.get("description").asText());
        ActionItem item = awaitLinked(coe, "Alarm on p99 latency");
        assertEquals(issue.get("identifier").asText(), item.trackerKey());
        assertEquals(issue.get("url").asText(), item.trackerUrl());
        coe.awaitInThread("> in Linear");

        coe.addFromWhys(alice, "Review pool sizes in Linear", bob);
        assertTrue(awaitOneIssue("Review pool sizes in Linear").get("description").asText().contains(ROOT_CAUSE));

        String number = "COE-" + item.coeNumber();
        assertEquals(List.of("coe", number), linear.labelsOf("Alarm on p99 latency"));
        assertEquals(List.of("coe", number), linear.labelsOf("Review pool sizes in Linear"));
        assertEquals(1, linear.labelsNamed("coe"), "the workspace's own coe label is used, not made again");
        assertEquals(1, linear.labelsNamed(number));
        assertEquals(1, linear.calls().stream().filter(c -> FakeLinear.isLabelCreate(c) && c.body().contains("\"" + number + "\"")).count(),
                "the COE's label is created once, then remembered");
    }

    @Test
    void aRememberedLabelDeletedInLinearIsMadeAgainAndTheIssueStillCarriesIt() {
        Person alice = ws.user("U0ALICEL8", "alice", "UTC");
        Person bob = ws.user("U0BOBL008", "bob", "UTC");
        Coe coe = new Coe("inc-linear-label-deleted", alice);
        coe.addByCommand(alice, "First with labels", bob);
        String number = "COE-" + awaitLinked(coe, "First with labels").coeNumber();
        linear.deleteLabel(number);

        coe.addByCommand(alice, "Second after the label went", bob);
        awaitLinked(coe, "Second after the label went");
        assertEquals(List.of("coe", number), linear.labelsOf("Second after the label went"));
        assertEquals(1, linear.labelsNamed(number));
        assertEquals(1, linear.titled("Second after the label went").size());
    }

    @Test
    void aLabelTheKeyMayNotCreateLeavesItOffTheIssueAndSaysSoInTheLog() {
        Person alice = ws.user("U0ALICEL7", "alice", "UTC");
        Person bob = ws.user("U0BOBL007", "bob", "UTC");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        linear.labelsForAdminsOnly(true);
        try {
            Coe coe = new Coe("inc-linear-labels", alice);
            coe.addByCommand(alice, "Label-less in Linear", bob);
            ActionItem item = awaitLinked(coe, "Label-less in Linear");
            assertEquals(List.of("coe"), linear.labelsOf("Label-less in Linear"), "made, with the label that exists");
            String number = "COE-" + item.coeNumber();
            assertEquals(0, linear.labelsNamed(number));
            List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("Linear would not create") && l.contains(number)), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains(KEY)), "the API key is in no log line");
        } finally {
            linear.labelsForAdminsOnly(false);
            root.detachAppender(logs);
        }
    }

    @Test
    void aPastedLinearLinkIsLinkedAndDoneInSlackCompletesIt() {
        Person alice = ws.user("U0ALICEL2", "alice", "UTC");
        Person bob = ws.user("U0BOBL002", "bob", "UTC");
        Coe coe = new Coe("inc-linear-link", alice);
        String url = linear.addIssue("Existing Linear ticket");

        coe.addByForm(alice, "Cap retries in Linear", bob, url);
        ActionItem item = awaitLinked(coe, "Cap retries in Linear");
        assertEquals(linear.titled("Existing Linear ticket").get(0).get("identifier").asText(), item.trackerKey());
        SlackMessage dm = bob.awaitDm(m -> m.visibleText().contains("Cap retries in Linear"));
        bob.clicks("Done", dm, bob.dm());
        ws.await("the linked issue is completed", () -> linear.titled("Existing Linear ticket").get(0).path("state")
                .path("type").asText().equals("completed"));
        assertEquals(0, createCalls("Cap retries in Linear"));
    }

    @Test
    void completedOrRescheduledInLinearByWebhookUpdatesTheItemOnceAndABadSignatureIs401() {
        Person alice = ws.user("U0ALICEL3", "alice", "UTC");
        Person bob = ws.user("U0BOBL003", "bob", "UTC");
        Coe coe = new Coe("inc-linear-webhook", alice);
        coe.addByCommand(alice, "Page on Linear burn", bob);
        String key = awaitLinked(coe, "Page on Linear burn").trackerKey();

        String newDue = inDays(21);
        assertEquals(200, signed(linear.setDue(key, newDue), UUID.randomUUID().toString()).statusCode());
        assertEquals(LocalDate.parse(newDue), coe.item("Page on Linear burn").due());

        Person erin = ws.user("U0ERINL03", "erin", "UTC");
        slack.setEmail(erin.id(), "erin.l3@example.com");
        assertEquals(200, signed(linear.assign(key, "user-erin"), UUID.randomUUID().toString()).statusCode());
        assertEquals(erin.id(), coe.item("Page on Linear burn").owner(), "reassigned in Linear: erin owns it");

        String done = linear.moveTo(key, "completed");
        assertEquals(401, webhook(done, null, "l-unsigned").statusCode());
        assertEquals(401, webhook(done, WebhookSignature.hmacHex("wrong", done), "l-wrong").statusCode());
        String stale = done.replaceFirst("\"webhookTimestamp\":\\d+", "\"webhookTimestamp\":1000");
        assertEquals(401, signed(stale, "l-stale").statusCode(), "an old delivery replayed is refused");
        assertEquals(400, signed("{\"type\":\"Issue\"}", "l-bad").statusCode());
        assertEquals(ActionStatus.OPEN, coe.item("Page on Linear burn").status());

        String delivery = UUID.randomUUID().toString();
        assertEquals(200, signed(done, delivery).statusCode());
        assertEquals(200, signed(done, delivery).statusCode());
        assertEquals(ActionStatus.DONE, coe.item("Page on Linear burn").status());
        coe.awaitInThread("was closed as done in");
        ws.await("the outbox is empty", () -> app.unsentMessages() == 0);
        assertEquals(1, coe.channel.thread(coe.card.ts()).stream().filter(m -> m.visibleText().contains("was closed as done in")).count());
    }

    @Test
    void anIssueCompletedWhileTheWebhookIsLostIsCaughtByTheReconcile() {
        Person alice = ws.user("U0ALICEL4", "alice", "UTC");
        Person bob = ws.user("U0BOBL004", "bob", "UTC");
        Coe coe = new Coe("inc-linear-reconcile", alice);
        coe.addByCommand(alice, "Load test in Linear", bob);
        coe.addByCommand(alice, "Drop endpoint in Linear", bob);
        String a = awaitLinked(coe, "Load test in Linear").trackerKey();
        String b = awaitLinked(coe, "Drop endpoint in Linear").trackerKey();
        linear.pageSize(1);
        linear.moveTo(a, "completed");
        linear.moveTo(b, "canceled");

        ws.await("a reconcile runs", () -> app.bean(TrackerReconcile.class).run().targets() > 0);
        linear.pageSize(50);
        assertEquals(ActionStatus.DONE, coe.item("Load test in Linear").status());
        assertEquals(ActionStatus.WONT_DO, coe.item("Drop endpoint in Linear").status());
        assertTrue(linear.calls().stream().anyMatch(c -> c.body().contains("\"after\"")), "the reconcile follows the cursor");
    }

    @Test
    void aRateLimitThenSuccessAndATimeoutAfterCreatingEachMakeExactlyOneIssue() {
        Person alice = ws.user("U0ALICEL5", "alice", "UTC");
        Person bob = ws.user("U0BOBL005", "bob", "UTC");
        Coe coe = new Coe("inc-linear-retries", alice);
        linear.failNext(1, c -> FakeLinear.isCreate(c) && c.body().contains("Shard in Linear"), 400,
                Map.of("X-RateLimit-Requests-Reset", String.valueOf(System.currentTimeMillis() + 1000)),
                "{\"errors\":[{\"message\":\"Rate limit exceeded\",\"extensions\":{\"code\":\"RATELIMITED\"}}]}");
        linear.slowAfterWork(c -> FakeLinear.isCreate(c) && c.body().contains("Split in Linear"), 4_000);

        coe.addByCommand(alice, "Shard in Linear", bob);
        coe.addByCommand(alice, "Split in Linear", bob);

        awaitLinked(coe, "Shard in Linear");
        awaitLinked(coe, "Split in Linear");
        assertEquals(1, linear.titled("Shard in Linear").size());
        assertEquals(2, createCalls("Shard in Linear"));
        assertEquals(1, linear.titled("Split in Linear").size(), "found by its marker, not made again");
        assertEquals(1, createCalls("Split in Linear"));
    }

    @Test
    void aLinearThatIsDownLeavesTheItemPendingAndTheCoeUsable() {
        Person alice = ws.user("U0ALICEL6", "alice", "UTC");
        Person bob = ws.user("U0BOBL006", "bob", "UTC");
        Coe coe = new Coe("inc-linear-down", alice);
        linear.down(true);
        try {
            coe.addByCommand(alice, "Add a breaker in Linear", bob);
            coe.awaitInThread("*Add a breaker in Linear*");
            assertEquals("Linear", coe.item("Add a breaker in Linear").notYetIn());
            SlackMessage told = alice.awaitDm(m -> m.visibleText().contains("is not in Linear yet"));
            assertFalse(told.visibleText().contains(KEY));
            assertTrue(alice.runs("/coe status", coe.channel).visibleText().contains("COE-"), "the COE goes on");
        } finally {
            linear.down(false);
        }
        awaitLinked(coe, "Add a breaker in Linear");
        assertEquals(1, linear.titled("Add a breaker in Linear").size());
    }
}
