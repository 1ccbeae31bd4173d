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

/**
 * Changes made in the trackers, pushed to us: {@code POST /webhooks/github} (the {@code issues} event, signed with
 * {@code X-Hub-Signature-256}). The body is taken raw because the signature is over its exact bytes. Unsigned or
 * wrongly signed: 401 and nothing changes. A delivery is recorded with its effect, so a redelivery is a no-op. Bad
 * input gets a 4xx that says what is wrong, never a 5xx.
 */
@Controller("/webhooks")
public class TrackerWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerWebhooks.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubTracker github;
    private final String githubSecret;
    private final TrackerInbound inbound;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public TrackerWebhooks(GitHubTracker github, @Value("${coe.github.webhook-secret:}") String githubSecret,
                           TrackerInbound inbound, TransactionOperations<Connection> tx, Clock clock) {
        this.github = github;
        this.githubSecret = githubSecret;
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
        String number = issue.path("number").asText();
        RemoteIssue remote = new RemoteIssue(number, new IssueRef("#" + number, issue.path("html_url").asText("")),
                "closed".equals(issue.path("state").asText()), "not_planned".equals(issue.path("state_reason").asText()),
                null);
        Instant now = clock.instant();
        boolean applied = tx.executeWrite(s -> inbound.firstDelivery("github", delivery, now)
                && inbound.apply(github, repo, remote).isPresent());
        return HttpResponse.ok(applied ? "Applied." : "Nothing to change.");
    }
}
