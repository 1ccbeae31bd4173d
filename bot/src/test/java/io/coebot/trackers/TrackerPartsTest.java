package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.ActionType;
import io.coebot.actions.Priority;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trackers' pure parts: signatures, Retry-After, links and keys, and how an item reads as an issue. */
class TrackerPartsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aSignatureIsTheHexHmacOfTheExactBody() {
        // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!"
        assertEquals("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                WebhookSignature.hmacHex("It's a Secret to Everybody", "Hello, World!"));
        String sig = WebhookSignature.hmacHex("s3cret", "{\"a\":1}");
        assertTrue(WebhookSignature.valid("s3cret", "{\"a\":1}", sig));
        assertTrue(WebhookSignature.valid("s3cret", "{\"a\":1}", sig.toUpperCase()), "hex case does not matter");
        assertFalse(WebhookSignature.valid("s3cret", "{\"a\": 1}", sig), "one byte more is another body");
        assertFalse(WebhookSignature.valid("other", "{\"a\":1}", sig));
        assertFalse(WebhookSignature.valid("s3cret", "{\"a\":1}", null));
        assertFalse(WebhookSignature.valid(" ", "{\"a\":1}", sig), "no secret, no trust");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(NOW.plusSeconds(30)), GitHubTracker.retryAfter("30", NOW));
        assertEquals(Optional.of(Instant.parse("2026-11-30T10:05:00Z")), GitHubTracker.retryAfter("Mon, 30 Nov 2026 10:05:00 GMT", NOW));
        assertEquals(Optional.empty(), GitHubTracker.retryAfter("soon", NOW));
    }

    @Test
    void linksAndKeysAreTheTargetsOnly() {
        GitHubTracker gh = new GitHubTracker("t", "acme/checkout", "https://api.github.com", 1000, Clock.systemUTC());
        assertEquals(Optional.of(new IssueRef("#12", "https://github.com/acme/checkout/issues/12")),
                gh.parseLink("https://github.com/acme/checkout/issues/12", "acme/checkout"));
        assertEquals("#7", gh.parseLink("https://ghe.example.com/Acme/Checkout/issues/7#issuecomment-1", "acme/checkout").orElseThrow().key());
        assertTrue(gh.parseLink("https://github.com/acme/other/issues/12", "acme/checkout").isEmpty());
        assertTrue(gh.parseLink("https://github.com/acme/checkout/pull/12", "acme/checkout").isEmpty());
        assertEquals(Optional.of("#12"), gh.parseKey("#12", "acme/checkout"));
        assertTrue(gh.targetProblem("acme/checkout").isEmpty());
        assertTrue(gh.targetProblem("acme").isPresent());

        JiraTracker jira = new JiraTracker("https://acme.atlassian.net", "a@b.c", "t", "OPS", "Task", 1000, Clock.systemUTC());
        assertEquals("OPS-42", jira.parseLink("https://acme.atlassian.net/browse/OPS-42", "OPS").orElseThrow().key());
        assertTrue(jira.parseLink("https://acme.atlassian.net/browse/OPSX-42", "OPS").isEmpty());
        assertEquals(Optional.of("OPS-42"), jira.parseKey("OPS-42", "OPS"));
        assertTrue(jira.parseKey("#42", "OPS").isEmpty());

        LinearTracker linear = new LinearTracker("k", "ENG", "https://api.linear.app/graphql", 1000, Clock.systemUTC());
        assertEquals("ENG-7", linear.parseLink("https://linear.app/acme/issue/ENG-7/fix-the-pool", "ENG").orElseThrow().key());
        assertTrue(linear.parseLink("https://linear.app/acme/issue/OPS-7/x", "ENG").isEmpty());
    }

    @Test
    void anItemReadsAsAnIssueWithItsCoeFactsAndMarker() {
        ActionItem item = new ActionItem(45, 3, 7, "Checkout 500s", "U0ALICE", "C0INC", "Alarm on error rate\nwith a 5 min window",
                "U0BOB", Priority.HIGH, LocalDate.parse("2026-12-10"), ActionType.DETECTION, ActionStatus.WONT_DO,
                "Replaced by SLO alerts", null, null, "root cause 1.1 of 5 Whys #1: No alarm", null, null, null, NOW);
        IssueDraft d = IssueText.of("T0001", item, new IssueText.Owner("bob", "bob@example.com", null), "GitHub");
        assertEquals("Alarm on error rate", d.title());
        assertTrue(d.body().contains("**COE-7 · Checkout 500s**") && d.body().contains("with a 5 min window")
                && d.body().contains("**Owner:** bob (bob@example.com in Slack; no GitHub user has that email, so the issue is unassigned)") && d.body().contains("**Priority:** high")
                && d.body().contains("**Due:** 2026-12-10") && d.body().contains("**Fixes:** root cause 1.1")
                && d.body().contains("**Won't do:** Replaced by SLO alerts"), d.body());
        assertTrue(d.body().contains(IssueText.marker("T0001", 45)));
        assertEquals(java.util.List.of("coe", "COE-7"), d.labels());
        assertTrue(d.closed() && d.notPlanned());
        assertEquals("coe-bot-item-T0001-45", JiraTracker.markerLabel(d.marker()));
    }
}
