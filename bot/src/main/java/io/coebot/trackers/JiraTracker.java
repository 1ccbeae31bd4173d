package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira through its REST API: Jira Cloud (v3, basic auth with {@code COE_JIRA_EMAIL} and an API token, descriptions in
 * the Atlassian Document Format, search on {@code /search/jql} with {@code nextPageToken}) when an email is set,
 * Jira Data Center (v2, a personal access token as Bearer, plain-text descriptions, {@code /search} with
 * {@code startAt}) when not. Closing is the transition into the project's "done" status category (a "Won't do"-like
 * one for items that won't be done, when the workflow has it); reopening, the transition out of it. The item's marker
 * is a label, which JQL matches exactly. Plain HTTP with Jackson: no Atlassian client is both well kept and small.
 */
@io.micronaut.core.annotation.Order(2)
@Singleton
class JiraTracker implements Tracker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{0,9}");
    private static final Pattern NOT_PLANNED = Pattern.compile("(?i).*(won.?t|cancel|declin|reject|obsolete|duplicate).*");

    private final String base;
    private final String email;
    private final String token;
    private final String project;
    private final String issueType;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;

    public JiraTracker(@Value("${coe.jira.url:}") String url,
                       @Value("${coe.jira.email:}") String email,
                       @Value("${coe.jira.api-token:}") String token,
                       @Value("${coe.jira.project:}") String project,
                       @Value("${coe.jira.issue-type:Task}") String issueType,
                       @Value("${coe.trackers.timeout-millis:10000}") long timeoutMillis,
                       Clock clock) {
        String u = url == null ? "" : url.strip();
        this.base = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.email = email == null ? "" : email.strip();
        this.token = token == null ? "" : token.strip();
        this.project = project == null || project.isBlank() ? null : project.strip();
        this.issueType = issueType == null || issueType.isBlank() ? "Task" : issueType.strip();
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.clock = clock;
    }

    @Override public String id() { return "jira"; }
    @Override public String name() { return "Jira"; }
    @Override public boolean configured() { return !token.isEmpty() && !base.isEmpty(); }
    @Override public String defaultTarget() { return project; }

    private boolean cloud() {
        return !email.isEmpty();
    }

    private String api() {
        return base + (cloud() ? "/rest/api/3" : "/rest/api/2");
    }

    @Override
    public Optional<String> targetProblem(String target) {
        return target != null && PROJECT.matcher(target.strip()).matches() ? Optional.empty()
                : Optional.of("A Jira project is named by its key, in capitals, e.g. OPS.");
    }

    @Override
    public Optional<IssueRef> parseLink(String url, String target) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("https?://[^\\s]+/browse/(" + Pattern.quote(target) + "-\\d+)/?").matcher(url.strip());
        return m.matches() ? Optional.of(new IssueRef(m.group(1), url.strip())) : Optional.empty();
    }

    /** Cloud finds users by email in {@code /user/search?query=}; Data Center by {@code username=}. */
    @Override
    public Optional<String> userByEmail(String email) throws TrackerFailure {
        String q = java.net.URLEncoder.encode(email, StandardCharsets.UTF_8);
        JsonNode found = call("GET", api() + (cloud() ? "/user/search?query=" : "/user/search?username=") + q, null);
        for (JsonNode u : found) {
            if (email.equalsIgnoreCase(u.path("emailAddress").asText(email))) {
                return Optional.ofNullable(u.path(cloud() ? "accountId" : "name").asText(null));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> emailOf(String userId) throws TrackerFailure {
        String q = java.net.URLEncoder.encode(userId, StandardCharsets.UTF_8);
        JsonNode u = call("GET", api() + (cloud() ? "/user?accountId=" : "/user?username=") + q, null);
        return u.hasNonNull("emailAddress") ? Optional.of(u.get("emailAddress").asText()) : Optional.empty();
    }

    /** Jira labels hold no spaces; the marker label finds an issue again by exact match. */
    static String markerLabel(String marker) {
        return marker.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public Optional<String> parseKey(String key, String target) {
        return key != null && key.strip().matches(Pattern.quote(target) + "-\\d+") ? Optional.of(key.strip()) : Optional.empty();
    }

    @Override
    public RemoteIssue create(String target, IssueDraft draft) throws TrackerFailure {
        ObjectNode fields = fields(draft, true);
        fields.putObject("project").put("key", target);
        fields.putObject("issuetype").put("name", issueType);
        ArrayNode labels = fields.putArray("labels");
        draft.labels().forEach(labels::add);
        labels.add(markerLabel(draft.marker()));
        ObjectNode body = JSON.createObjectNode();
        body.set("fields", fields);
        JsonNode created = call("POST", api() + "/issue", body);
        String key = created.path("key").asText();
        RemoteIssue issue = new RemoteIssue(key, ref(key), false, false, null, draft.due(), draft.assignee(), null);
        return draft.closed() ? update(target, key, draft, false) : issue;
    }

    @Override
    public Optional<RemoteIssue> findByMarker(String target, String marker) throws TrackerFailure {
        List<RemoteIssue> found = search("project = \"" + target + "\" AND labels = \"" + markerLabel(marker) + "\"", 1);
        return found.stream().findFirst();
    }

    @Override
    public RemoteIssue update(String target, String remoteId, IssueDraft draft, boolean bodyToo) throws TrackerFailure {
        ObjectNode body = JSON.createObjectNode();
        body.set("fields", fields(draft, bodyToo));
        call("PUT", api() + "/issue/" + remoteId, body);
        RemoteIssue now = get(target, ref(remoteId));
        if (now.closed() != draft.closed()) {
            transition(remoteId, draft);
            now = get(target, ref(remoteId));
        }
        return now;
    }

    /** Into the done category (a "won't do"-like transition for an item that won't be done), or out of it. */
    private void transition(String key, IssueDraft draft) throws TrackerFailure {
        JsonNode t = call("GET", api() + "/issue/" + key + "/transitions", null).path("transitions");
        String id = null;
        for (JsonNode tr : t) {
            String category = tr.path("to").path("statusCategory").path("key").asText();
            boolean toDone = "done".equals(category);
            if (toDone != draft.closed()) {
                continue;
            }
            boolean wontDoLike = NOT_PLANNED.matcher(tr.path("name").asText() + " " + tr.path("to").path("name").asText()).matches();
            if (id == null || (draft.closed() && wontDoLike == draft.notPlanned())) {
                id = tr.path("id").asText();
            }
        }
        if (id == null) {
            throw new TrackerFailure(TrackerFailure.Kind.REFUSED, "Jira's workflow offers no transition "
                    + (draft.closed() ? "to a done status" : "out of done") + " for " + key + ".", null);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("transition").put("id", id);
        call("POST", api() + "/issue/" + key + "/transitions", body);
    }

    @Override
    public RemoteIssue get(String target, IssueRef ref) throws TrackerFailure {
        return issue(call("GET", api() + "/issue/" + ref.key() + "?fields=status,resolution,duedate,updated,assignee", null));
    }

    @Override
    public List<RemoteIssue> changedSince(String target, Instant since) throws TrackerFailure {
        // JQL reads dates in the searching user's time zone; a relative time ("-12m") means the same everywhere.
        long minutes = Math.max(1, Duration.between(since, clock.instant()).toMinutes() + 1);
        return search("project = \"" + target + "\" AND labels = \"coe\" AND updated >= \"-" + minutes + "m\" ORDER BY updated ASC", 1000);
    }

    private List<RemoteIssue> search(String jql, int max) throws TrackerFailure {
        List<RemoteIssue> out = new ArrayList<>();
        String next = null;
        int startAt = 0;
        for (int page = 0; page < 50 && out.size() < max; page++) {
            ObjectNode body = JSON.createObjectNode();
            body.put("jql", jql);
            body.put("maxResults", 100);
            body.putArray("fields").add("status").add("resolution").add("duedate").add("updated").add("assignee");
            JsonNode r;
            if (cloud()) {
                if (next != null) body.put("nextPageToken", next);
                r = call("POST", api() + "/search/jql", body);
            } else {
                body.put("startAt", startAt);
                r = call("POST", api() + "/search", body);
            }
            for (JsonNode i : r.path("issues")) {
                out.add(issue(i));
            }
            if (cloud()) {
                next = r.hasNonNull("nextPageToken") && !r.path("isLast").asBoolean(false) ? r.get("nextPageToken").asText() : null;
                if (next == null) break;
            } else {
                startAt += r.path("issues").size();
                if (r.path("issues").isEmpty() || startAt >= r.path("total").asInt(0)) break;
            }
        }
        return out;
    }

    private IssueRef ref(String key) {
        return new IssueRef(key, base + "/browse/" + key);
    }

    /** An issue as the REST API and the webhooks give it. */
    RemoteIssue issue(JsonNode i) {
        String key = i.path("key").asText();
        JsonNode f = i.path("fields");
        boolean done = "done".equals(f.path("status").path("statusCategory").path("key").asText());
        String resolution = f.path("resolution").path("name").asText("");
        LocalDate due = f.hasNonNull("duedate") ? LocalDate.parse(f.get("duedate").asText()) : null;
        Instant updated = null;
        if (f.hasNonNull("updated")) {
            try {
                updated = OffsetDateTime.parse(f.get("updated").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
            } catch (RuntimeException unreadable) {
                updated = null;
            }
        }
        JsonNode a = f.path("assignee");
        String assignee = a.isObject() ? a.path(cloud() ? "accountId" : "name").asText(null) : null;
        String email = a.isObject() ? a.path("emailAddress").asText(null) : null;
        return new RemoteIssue(key, ref(key), done, done && NOT_PLANNED.matcher(resolution).matches(), updated, due,
                assignee, email);
    }

    private ObjectNode fields(IssueDraft draft, boolean bodyToo) {
        ObjectNode fields = JSON.createObjectNode();
        if (bodyToo) {
            fields.put("summary", draft.title());
            if (cloud()) {
                fields.set("description", adf(draft.body()));
            } else {
                fields.put("description", draft.body());
            }
        }
        if (draft.due() != null) {
            fields.put("duedate", draft.due().toString());
        }
        if (bodyToo) {
            if (draft.assignee() == null) {
                fields.putNull("assignee");
            } else {
                fields.putObject("assignee").put(cloud() ? "accountId" : "name", draft.assignee());
            }
        }
        return fields;
    }

    /** The Atlassian Document Format Jira Cloud's v3 API takes: one paragraph per line. */
    private static JsonNode adf(String text) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String line : text.split("\n")) {
            ObjectNode p = content.addObject().put("type", "paragraph");
            if (!line.isBlank()) {
                p.putArray("content").addObject().put("type", "text").put("text", line);
            }
        }
        return doc;
    }

    private JsonNode call(String method, String url, JsonNode body) throws TrackerFailure {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", cloud()
                        ? "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8))
                        : "Bearer " + token);
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> r = TrackerFailure.send(http, req.build(), "Jira");
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new TrackerFailure(TrackerFailure.Kind.DOWN, "Jira answered with something that is not JSON.", null);
            }
        }
        Instant now = clock.instant();
        if (status == 429 || status == 503 && r.headers().firstValue("Retry-After").isPresent()) {
            Instant when = r.headers().firstValue("Retry-After").flatMap(v -> GitHubTracker.retryAfter(v, now))
                    .orElse(now.plusSeconds(60));
            return failure(new TrackerFailure(TrackerFailure.Kind.RATE_LIMITED, "Jira asked us to slow down (HTTP " + status + ").", when));
        }
        if (status >= 500) {
            throw new TrackerFailure(TrackerFailure.Kind.DOWN, "Jira had an error (HTTP " + status + ").", null);
        }
        String why = switch (status) {
            case 401 -> "Jira does not accept the credentials (COE_JIRA_EMAIL, COE_JIRA_API_TOKEN)";
            case 403 -> "the Jira user may not do this";
            case 404 -> "Jira has no such project or issue, or the user cannot see it";
            default -> "Jira refused the issue";
        };
        String message = message(r.body());
        throw new TrackerFailure(TrackerFailure.Kind.REFUSED, why + " (HTTP " + status + (message.isEmpty() ? "" : ": " + message) + ").", null);
    }

    private static JsonNode failure(TrackerFailure f) throws TrackerFailure {
        throw f;
    }

    /** Jira's error shape: {"errorMessages": [...], "errors": {"field": "message"}}. */
    private static String message(String body) {
        try {
            JsonNode j = JSON.readTree(body == null ? "" : body);
            List<String> parts = new ArrayList<>();
            j.path("errorMessages").forEach(m -> parts.add(m.asText()));
            j.path("errors").fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + e.getValue().asText()));
            String s = String.join("; ", parts);
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Only used to find items by their Jira key in a webhook: the project part of a key. */
    static String projectOf(String key) {
        int dash = key.lastIndexOf('-');
        return dash < 0 ? key : key.substring(0, dash).toUpperCase(Locale.ROOT);
    }
}
