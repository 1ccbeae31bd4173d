package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Changes made in the trackers, pushed to us: {@code POST /webhooks/github} (the {@code issues} event, signed with
 * {@code X-Hub-Signature-256}), {@code POST /webhooks/jira} (Jira Cloud's admin webhooks with a secret, signed with
 * {@code X-Hub-Signature: sha256=…}) and {@code POST /webhooks/linear} ({@code Linear-Signature}, the hex HMAC-SHA256
 * of the body, and a {@code webhookTimestamp} within five minutes). The body is taken raw because the signature is over its exact bytes. Unsigned or
 * wrongly signed: 401 and nothing changes. A delivery is recorded with its effect, so a redelivery is a no-op. Bad
 * input gets a 4xx that says what is wrong, never a 5xx.
 */
@Controller("/webhooks")
class TrackerWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerWebhooks.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Linear asks receivers to refuse deliveries whose webhookTimestamp is far from now (a replay). */
    private static final java.time.Duration LINEAR_MAX_AGE = java.time.Duration.ofMinutes(5);

    private final GitHubTracker github;
    private final String githubSecret;
    private final JiraTracker jira;
    private final String jiraSecret;
    private final LinearTracker linear;
    private final String linearSecret;
    private final TrackerInbound inbound;
    private final TrackerPeople people;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public TrackerWebhooks(GitHubTracker github, @Value("${coe.github.webhook-secret:}") String githubSecret,
                           JiraTracker jira, @Value("${coe.jira.webhook-secret:}") String jiraSecret,
                           LinearTracker linear, @Value("${coe.linear.webhook-secret:}") String linearSecret,
                           TrackerInbound inbound, TrackerPeople people, TransactionOperations<Connection> tx, Clock clock) {
        this.people = people;
        this.github = github;
        this.githubSecret = githubSecret;
        this.jira = jira;
        this.jiraSecret = jiraSecret;
        this.linear = linear;
        this.linearSecret = linearSecret;
        this.inbound = inbound;
        this.tx = tx;
        this.clock = clock;
    }

    @Post(uri = "/github", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> github(HttpRequest<?> http, @Nullable @Body String body) {
        String raw = body == null ? "" : body;
        String signature = http.getHeaders().get("X-Hub-Signature-256");
        if (githubSecret == null || githubSecret.isBlank()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("No GitHub webhook secret is configured (COE_GITHUB_WEBHOOK_SECRET).");
        }
        if (signature == null || !signature.startsWith("sha256=")
                || !WebhookSignature.valid(githubSecret, raw, signature.substring("sha256=".length()))) {
            LOG.info("Refused a GitHub webhook: {}", signature == null ? "unsigned" : "wrong signature");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("The signature (X-Hub-Signature-256) does not match.");
        }
        String event = http.getHeaders().get("X-GitHub-Event");
        String delivery = http.getHeaders().get("X-GitHub-Delivery");
        if ("ping".equals(event)) {
            return HttpResponse.ok("pong");
        }
        if (!"issues".equals(event)) {
            return HttpResponse.status(HttpStatus.ACCEPTED).body("Only issues events are used; ignored.");
        }
        if (delivery == null || delivery.isBlank() || delivery.length() > 100) {
            return HttpResponse.badRequest("X-GitHub-Delivery is missing.");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(raw);
        } catch (IOException e) {
            return HttpResponse.badRequest("The body is not JSON.");
        }
        JsonNode issue = payload == null ? null : payload.get("issue");
        String repo = payload == null ? null : payload.path("repository").path("full_name").asText(null);
        if (issue == null || !issue.isObject() || repo == null || !issue.path("number").canConvertToLong()) {
            return HttpResponse.badRequest("An issues event names its issue and repository.");
        }
        return applied("github", delivery, github, repo, GitHubTracker.issue(issue));
    }

    @Post(uri = "/jira", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> jira(HttpRequest<?> http, @Nullable @Body String body) {
        String raw = body == null ? "" : body;
        String signature = http.getHeaders().get("X-Hub-Signature");
        if (jiraSecret == null || jiraSecret.isBlank()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("No Jira webhook secret is configured (COE_JIRA_WEBHOOK_SECRET).");
        }
        if (signature == null || !signature.startsWith("sha256=")
                || !WebhookSignature.valid(jiraSecret, raw, signature.substring("sha256=".length()))) {
            LOG.info("Refused a Jira webhook: {}", signature == null ? "unsigned" : "wrong signature");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("The signature (X-Hub-Signature) does not match.");
        }
        JsonNode payload = json(raw);
        JsonNode issue = payload == null ? null : payload.get("issue");
        if (issue == null || !issue.isObject() || !issue.path("key").isTextual() || !issue.path("fields").isObject()) {
            return HttpResponse.badRequest("A Jira issue event names its issue (key and fields).");
        }
        if (!payload.path("webhookEvent").asText("").startsWith("jira:issue_")) {
            return HttpResponse.status(HttpStatus.ACCEPTED).body("Only issue events are used; ignored.");
        }
        // Jira Cloud names each delivery (the same on its retries); without the header, the body itself names it.
        String delivery = http.getHeaders().get("X-Atlassian-Webhook-Identifier");
        String id = delivery != null && !delivery.isBlank() && delivery.length() <= 100 ? delivery
                : "body-" + WebhookSignature.hmacHex("delivery", raw);
        RemoteIssue remote = jira.issue(issue);
        return applied("jira", id, jira, JiraTracker.projectOf(remote.ref().key()), remote);
    }

    @Post(uri = "/linear", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> linear(HttpRequest<?> http, @Nullable @Body String body) {
        String raw = body == null ? "" : body;
        String signature = http.getHeaders().get("Linear-Signature");
        if (linearSecret == null || linearSecret.isBlank()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("No Linear webhook secret is configured (COE_LINEAR_WEBHOOK_SECRET).");
        }
        if (!WebhookSignature.valid(linearSecret, raw, signature)) {
            LOG.info("Refused a Linear webhook: {}", signature == null ? "unsigned" : "wrong signature");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("The signature (Linear-Signature) does not match.");
        }
        JsonNode payload = json(raw);
        if (payload == null || !payload.path("webhookTimestamp").canConvertToLong()) {
            return HttpResponse.badRequest("A Linear webhook carries its webhookTimestamp.");
        }
        Instant sent = Instant.ofEpochMilli(payload.get("webhookTimestamp").asLong());
        if (java.time.Duration.between(sent, clock.instant()).abs().compareTo(LINEAR_MAX_AGE) > 0) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("The webhookTimestamp is too far from now (a replay?).");
        }
        if (!"Issue".equals(payload.path("type").asText())) {
            return HttpResponse.status(HttpStatus.ACCEPTED).body("Only Issue events are used; ignored.");
        }
        JsonNode data = payload.get("data");
        if (data == null || !data.isObject() || !data.path("identifier").isTextual() || !data.path("identifier").asText().contains("-")) {
            return HttpResponse.badRequest("A Linear Issue event carries its issue (data.identifier).");
        }
        String delivery = http.getHeaders().get("Linear-Delivery");
        String id = delivery != null && !delivery.isBlank() && delivery.length() <= 100 ? delivery
                : "body-" + WebhookSignature.hmacHex("delivery", raw);
        RemoteIssue remote = LinearTracker.issue(data);
        return applied("linear", id, linear, JiraTracker.projectOf(remote.ref().key()), remote);
    }

    private HttpResponse<String> applied(String tracker, String delivery, Tracker t, String target, RemoteIssue remote) {
        Instant now = clock.instant();
        // who the assignee is in Slack is asked before the transaction: it may wait for the tracker and for Slack
        Optional<String> assignee = people.slackUserOf(t, target, remote);
        boolean applied = tx.executeWrite(s -> inbound.firstDelivery(tracker, delivery, now)
                && inbound.apply(t, target, remote, assignee).isPresent());
        return HttpResponse.ok(applied ? "Applied." : "Nothing to change.");
    }

    private static JsonNode json(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }
}
