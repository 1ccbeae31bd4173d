package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Issues through its REST API (api version 2022-11-28), with the JDK's HTTP client rather than a GitHub
 * library: every call must end in one of four outcomes the queue understands (done, wait as asked, refused, maybe
 * done), with our own timeout and GitHub's Retry-After and rate-limit headers read as they are; a library that retries
 * and sleeps on its own would hide exactly that.
 */
/* the order trackers are offered in, and the first configured one with a target is the workspace default */
@io.micronaut.core.annotation.Order(1)
@Singleton
class GitHubTracker implements Tracker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    /** https://github.com/owner/name/issues/12 (or a GitHub Enterprise host). */
    private static final Pattern ISSUE_URL = Pattern.compile("https?://[^/\\s]+/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/issues/(\\d+)/?(?:[#?].*)?");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    /** A secondary rate limit without Retry-After: GitHub asks to wait at least a minute. */
    private static final Duration SECONDARY_WAIT = Duration.ofMinutes(1);

    private final String token;
    private final String repo;
    private final String apiUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;

    public GitHubTracker(@Value("${coe.github.token:}") String token,
                         @Value("${coe.github.repo:}") String repo,
                         @Value("${coe.github.api-url:`https://api.github.com`}") String apiUrl,
                         @Value("${coe.trackers.timeout-millis:10000}") long timeoutMillis,
                         Clock clock) {
        this.token = token == null ? "" : token.strip();
        this.repo = repo == null || repo.isBlank() ? null : repo.strip();
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.timeout = Duration.ofMillis(timeoutMillis);
        // Redirects are not followed: the client would send the token along to wherever it is sent.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = clock;
    }

    @Override public String id() { return "github"; }
    @Override public String name() { return "GitHub"; }
    @Override public boolean configured() { return !token.isEmpty(); }
    @Override public String defaultTarget() { return repo; }

    @Override
    public Optional<String> targetProblem(String target) {
        return target != null && REPO.matcher(target.strip()).matches() ? Optional.empty()
                : Optional.of("A GitHub repository is written owner/name, e.g. acme/checkout.");
    }

    @Override
    public Optional<IssueRef> parseLink(String url, String target) {
        Matcher m = url == null ? null : ISSUE_URL.matcher(url.strip());
        if (m == null || !m.matches() || !m.group(1).equalsIgnoreCase(target)) {
            return Optional.empty();
        }
        return Optional.of(new IssueRef("#" + m.group(2), url.strip()));
    }

    @Override
    public Optional<String> parseKey(String key, String target) {
        return key != null && key.strip().matches("#\\d+") ? Optional.of(key.strip()) : Optional.empty();
    }

    /** GitHub finds a user by email only when they made it public (or it is their commit email). */
    @Override
    public Optional<String> userByEmail(String email) throws TrackerFailure {
        String q = email + " in:email type:user";
        JsonNode found = call("GET", "/search/users?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null).json();
        JsonNode first = found.path("items").path(0);
        return first.hasNonNull("login") ? Optional.of(first.get("login").asText()) : Optional.empty();
    }

    @Override
    public Optional<String> emailOf(String login) throws TrackerFailure {
        JsonNode u = call("GET", "/users/" + URLEncoder.encode(login, StandardCharsets.UTF_8), null).json();
        return u.hasNonNull("email") && !u.get("email").asText().isBlank() ? Optional.of(u.get("email").asText()) : Optional.empty();
    }

    @Override
    public RemoteIssue create(String target, IssueDraft draft) throws TrackerFailure {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", draft.title());
        body.put("body", draft.body());
        assignees(body, draft);
        body.putArray("labels").addAll(draft.labels().stream().map(JSON.getNodeFactory()::textNode).toList());
        RemoteIssue created = issue(call("POST", "/repos/" + target + "/issues", body).json());
        // An item closed before its issue existed: the issue is created, then closed as the item is.
        return draft.closed() ? update(target, created.remoteId(), draft, false) : created;
    }

    @Override
    public Optional<RemoteIssue> findByMarker(String target, String marker) throws TrackerFailure {
        String q = "\"" + marker + "\" in:body repo:" + target;
        JsonNode found = call("GET", "/search/issues?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null).json();
        for (JsonNode i : found.path("items")) {
            if (i.path("body").asText("").contains(marker)) {
                return Optional.of(issue(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public RemoteIssue update(String target, String remoteId, IssueDraft draft, boolean bodyToo) throws TrackerFailure {
        ObjectNode body = JSON.createObjectNode();
        if (bodyToo) {
            body.put("title", draft.title());
            body.put("body", draft.body());
            assignees(body, draft);
        }
        body.put("state", draft.closed() ? "closed" : "open");
        if (draft.closed()) {
            body.put("state_reason", draft.notPlanned() ? "not_planned" : "completed");
        }
        return issue(call("PATCH", "/repos/" + target + "/issues/" + remoteId, body).json());
    }

    /** The owner, or nobody: a reassigned item's former owner is taken off the issue. */
    private static void assignees(ObjectNode body, IssueDraft draft) {
        var a = body.putArray("assignees");
        if (draft.assignee() != null) {
            a.add(draft.assignee());
        }
    }

    @Override
    public RemoteIssue get(String target, IssueRef ref) throws TrackerFailure {
        return issue(call("GET", "/repos/" + target + "/issues/" + ref.key().replace("#", ""), null).json());
    }

    @Override
    public List<RemoteIssue> changedSince(String target, Instant since) throws TrackerFailure {
        List<RemoteIssue> out = new ArrayList<>();
        String next = "/repos/" + target + "/issues?state=all&sort=updated&direction=asc&per_page=100&since="
                + DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        for (int page = 0; next != null && page < 50; page++) {
            Answer a = call("GET", next, null);
            for (JsonNode i : a.json()) {
                if (!i.has("pull_request")) { // the issues list also holds pull requests
                    out.add(issue(i));
                }
            }
            next = a.next();
        }
        return out;
    }

    /** An issue as the REST API and the {@code issues} webhook give it. */
    static RemoteIssue issue(JsonNode i) {
        String number = i.path("number").asText();
        Instant updated = i.hasNonNull("updated_at") ? Instant.parse(i.get("updated_at").asText()) : null;
        String assignee = i.path("assignees").path(0).path("login").asText(i.path("assignee").path("login").asText(null));
        return new RemoteIssue(number, new IssueRef("#" + number, i.path("html_url").asText()),
                "closed".equals(i.path("state").asText()), "not_planned".equals(i.path("state_reason").asText()), updated,
                null, assignee, null);
    }

    private record Answer(JsonNode json, String next) {}

    /** @param pathOrUrl an API path, or the absolute URL of a Link header's next page */
    private Answer call(String method, String pathOrUrl, JsonNode body) throws TrackerFailure {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : apiUrl + pathOrUrl;
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "coe-bot")
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> r = TrackerFailure.send(http, req.build(), "GitHub");
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            try {
                JsonNode json = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
                String next = r.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1)).orElse(null);
                return new Answer(json, next);
            } catch (IOException e) {
                throw new TrackerFailure(TrackerFailure.Kind.DOWN, "GitHub answered with something that is not JSON.", null);
            }
        }
        throw failure(status, r);
    }

    private TrackerFailure failure(int status, HttpResponse<String> r) {
        String message = message(r.body());
        Instant now = clock.instant();
        Optional<Instant> retryAfter = r.headers().firstValue("Retry-After").flatMap(v -> retryAfter(v, now));
        boolean exhausted = r.headers().firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false);
        boolean secondary = message.toLowerCase(java.util.Locale.ROOT).contains("rate limit");
        if (status == 429 || (status == 403 && (retryAfter.isPresent() || exhausted || secondary))) {
            Instant when = retryAfter.orElseGet(() -> exhausted
                    ? r.headers().firstValue("x-ratelimit-reset").map(s -> Instant.ofEpochSecond(Long.parseLong(s.strip())))
                    .orElse(now.plus(SECONDARY_WAIT))
                    : now.plus(SECONDARY_WAIT));
            return new TrackerFailure(TrackerFailure.Kind.RATE_LIMITED, "GitHub asked us to slow down (HTTP " + status + ").", when);
        }
        if (status >= 500) {
            return new TrackerFailure(TrackerFailure.Kind.DOWN, "GitHub had an error (HTTP " + status + ").", null);
        }
        String why = switch (status) {
            case 401 -> "GitHub does not accept the token (COE_GITHUB_TOKEN)";
            case 403 -> "the token may not do this in GitHub";
            case 404 -> "GitHub has no such repository, or the token cannot see it";
            case 410 -> "issues are turned off in this repository";
            case 422 -> "GitHub refused the issue";
            default -> "GitHub refused the request";
        };
        return new TrackerFailure(TrackerFailure.Kind.REFUSED, why + " (HTTP " + status + (message.isEmpty() ? "" : ": " + message) + ").", null);
    }

    /** GitHub's error shape: {"message": "...", "errors": [{"resource", "field", "code"}], "documentation_url"}. */
    private static String message(String body) {
        try {
            JsonNode j = JSON.readTree(body == null ? "" : body);
            StringBuilder sb = new StringBuilder(j.path("message").asText(""));
            for (JsonNode e : j.path("errors")) {
                sb.append(sb.length() > 0 ? "; " : "").append(e.path("field").asText(e.path("message").asText("")))
                        .append(e.has("code") ? " " + e.get("code").asText() : "");
            }
            return sb.length() > 300 ? sb.substring(0, 300) + "…" : sb.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Retry-After is seconds or an HTTP date. */
    static Optional<Instant> retryAfter(String value, Instant now) {
        String v = value.strip();
        try {
            return Optional.of(now.plusSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException neither) {
                return Optional.empty();
            }
        }
    }
}
