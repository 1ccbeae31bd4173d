package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linear through its GraphQL API: {@code issueCreate}, {@code issueUpdate} into the team's first "completed" state
 * (its first "canceled" one for an item that won't be done, its first "unstarted" one to reopen), and {@code issues}
 * filtered by team and {@code updatedAt} (cursor pages) for the reconcile or by the marker in the description.
 * Labels are ids in Linear: the draft's names are looked up among the team's and the workspace's labels
 * ({@code issueLabels}), a missing one is made a team label ({@code issueLabelCreate}), and the ids go on
 * {@code issueCreate} as {@code labelIds}. Only on creation: {@code labelIds} on an update would replace labels people
 * added in Linear.
 * Linear's personal API keys go in the Authorization header as they are. Plain HTTP with Jackson: Linear publishes
 * no Java SDK.
 */
@io.micronaut.core.annotation.Order(3)
@Singleton
class LinearTracker implements Tracker {
    private static final Logger LOG = LoggerFactory.getLogger(LinearTracker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEAM = Pattern.compile("[A-Z][A-Z0-9]{0,6}");
    private static final String FIELDS = "id identifier url updatedAt dueDate state { type } assignee { id email }";

    private final String apiKey;
    private final String team;
    private final String apiUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;
    /** A team's id and workflow states (type → id) change rarely: asked once per team key. */
    private final Map<String, Team> teams = new ConcurrentHashMap<>();

    /**
     * Label ids by team id and name. A label is looked up once and created at most once per team; "COE-&lt;n&gt;" is new
     * for each COE, so the map grows by one small entry per COE.
     */
    private final Map<String, String> labelIds = new ConcurrentHashMap<>();

    private record Team(String id, Map<String, String> stateByType) {}

    public LinearTracker(@Value("${coe.linear.api-key:}") String apiKey,
                         @Value("${coe.linear.team:}") String team,
                         @Value("${coe.linear.api-url:`https://api.linear.app/graphql`}") String apiUrl,
                         @Value("${coe.trackers.timeout-millis:10000}") long timeoutMillis,
                         Clock clock) {
        this.apiKey = apiKey == null ? "" : apiKey.strip();
        this.team = team == null || team.isBlank() ? null : team.strip();
        this.apiUrl = apiUrl;
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.clock = clock;
    }

    @Override public String id() { return "linear"; }
    @Override public String name() { return "Linear"; }
    @Override public boolean configured() { return !apiKey.isEmpty(); }
    @Override public String defaultTarget() { return team; }

    @Override
    public Optional<String> targetProblem(String target) {
        return target != null && TEAM.matcher(target.strip()).matches() ? Optional.empty()
                : Optional.of("A Linear team is named by its key, in capitals, e.g. ENG.");
    }

    @Override
    public Optional<IssueRef> parseLink(String url, String target) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("https?://linear\\.app/[^/\\s]+/issue/(" + Pattern.quote(target) + "-\\d+)(?:/[^\\s]*)?").matcher(url.strip());
        return m.matches() ? Optional.of(new IssueRef(m.group(1), url.strip())) : Optional.empty();
    }

    @Override
    public Optional<String> parseKey(String key, String target) {
        return key != null && key.strip().matches(Pattern.quote(target) + "-\\d+") ? Optional.of(key.strip()) : Optional.empty();
    }

    @Override
    public Optional<String> userByEmail(String email) throws TrackerFailure {
        ObjectNode filter = JSON.createObjectNode();
        filter.putObject("email").put("eq", email);
        JsonNode nodes = graphql("query($filter: UserFilter) { users(filter: $filter) { nodes { id email } } }",
                vars("filter", filter)).path("users").path("nodes");
        return nodes.isEmpty() ? Optional.empty() : Optional.of(nodes.get(0).path("id").asText());
    }

    @Override
    public Optional<String> emailOf(String userId) throws TrackerFailure {
        ObjectNode v = JSON.createObjectNode();
        v.put("id", userId);
        JsonNode u = graphql("query($id: String!) { user(id: $id) { id email } }", v).path("user");
        return u.hasNonNull("email") ? Optional.of(u.get("email").asText()) : Optional.empty();
    }

    @Override
    public RemoteIssue create(String target, IssueDraft draft) throws TrackerFailure {
        Team t = team(target);
        ObjectNode input = JSON.createObjectNode();
        input.put("teamId", t.id());
        input.put("title", draft.title());
        input.put("description", draft.body());
        if (draft.due() != null) input.put("dueDate", draft.due().toString());
        if (draft.assignee() != null) input.put("assigneeId", draft.assignee());
        if (draft.closed()) input.put("stateId", stateFor(t, draft));
        List<String> labels = labelIds(t, draft.labels());
        putLabels(input, labels);
        try {
            return issueCreate(input);
        } catch (TrackerFailure f) {
            if (f.kind() != TrackerFailure.Kind.REFUSED || labels.isEmpty()) {
                throw f;
            }
            // a remembered label may have been deleted in Linear since: look the names up afresh, once
            labelIds.keySet().removeIf(k -> k.startsWith(t.id() + "\n"));
            putLabels(input, labelIds(t, draft.labels()));
            return issueCreate(input);
        }
    }

    private RemoteIssue issueCreate(ObjectNode input) throws TrackerFailure {
        JsonNode r = graphql("mutation($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { " + FIELDS + " } } }",
                vars("input", input));
        return issue(r.path("issueCreate").path("issue"));
    }

    private static void putLabels(ObjectNode input, List<String> ids) {
        input.remove("labelIds");
        if (!ids.isEmpty()) {
            input.putArray("labelIds").addAll(ids.stream().map(JSON.getNodeFactory()::textNode).toList());
        }
    }

    /**
     * The ids of the named labels, made in the team when missing. A label the key may not create (Linear can leave
     * label management to admins) is left off, so the issue is still made: the COE matters more than its labels.
     * Synchronized so that two pushes of one COE do not both create its "COE-&lt;n&gt;".
     */
    private synchronized List<String> labelIds(Team t, List<String> names) throws TrackerFailure {
        List<String> missing = names.stream().filter(n -> !labelIds.containsKey(labelKey(t, n))).toList();
        if (!missing.isEmpty()) {
            findLabels(t, missing);
        }
        List<String> refused = new ArrayList<>();
        for (String name : names) {
            if (!labelIds.containsKey(labelKey(t, name))) {
                try {
                    createLabel(t, name);
                } catch (TrackerFailure f) {
                    if (f.kind() != TrackerFailure.Kind.REFUSED) {
                        throw f;
                    }
                    // another instance may have made it a moment ago (Linear refuses a second label of one name)
                    findLabels(t, List.of(name));
                    if (!labelIds.containsKey(labelKey(t, name))) {
                        refused.add(name);
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            LOG.warn("Linear would not create the label(s) {} in team {}: the issue is made without them. "
                    + "Create them in Linear, or use a key that may manage labels.", refused, t.id());
        }
        return names.stream().map(n -> labelIds.get(labelKey(t, n))).filter(java.util.Objects::nonNull).toList();
    }

    /** Remembers the ids of those of {@code names} that the team can use: its own labels first, else the workspace's. */
    private void findLabels(Team t, List<String> names) throws TrackerFailure {
        ObjectNode filter = JSON.createObjectNode();
        filter.putObject("name").putArray("in").addAll(names.stream().map(JSON.getNodeFactory()::textNode).toList());
        ArrayNode or = filter.putArray("or");
        or.addObject().putObject("team").putObject("id").put("eq", t.id());
        or.addObject().putObject("team").put("null", true);
        JsonNode nodes = graphql("query($filter: IssueLabelFilter) { issueLabels(filter: $filter, first: 50) { nodes { id name team { id } } } }",
                vars("filter", filter)).path("issueLabels").path("nodes");
        for (JsonNode l : nodes) {
            boolean own = l.path("team").path("id").asText("").equals(t.id());
            String key = labelKey(t, l.path("name").asText());
            if (own || !labelIds.containsKey(key)) {
                labelIds.put(key, l.path("id").asText());
            }
        }
    }

    private void createLabel(Team t, String name) throws TrackerFailure {
        ObjectNode input = JSON.createObjectNode();
        input.put("teamId", t.id());
        input.put("name", name);
        JsonNode l = graphql("mutation($input: IssueLabelCreateInput!) { issueLabelCreate(input: $input) { success issueLabel { id name } } }",
                vars("input", input)).path("issueLabelCreate").path("issueLabel");
        if (l.hasNonNull("id")) {
            labelIds.put(labelKey(t, name), l.get("id").asText());
        }
    }

    private static String labelKey(Team t, String name) {
        return t.id() + "\n" + name;
    }

    @Override
    public Optional<RemoteIssue> findByMarker(String target, String marker) throws TrackerFailure {
        ObjectNode filter = teamFilter(target);
        filter.putObject("description").put("contains", marker);
        JsonNode r = graphql("query($filter: IssueFilter) { issues(filter: $filter, first: 5) { nodes { " + FIELDS + " } } }",
                vars("filter", filter));
        for (JsonNode i : r.path("issues").path("nodes")) {
            return Optional.of(issue(i));
        }
        return Optional.empty();
    }

    @Override
    public RemoteIssue update(String target, String remoteId, IssueDraft draft, boolean bodyToo) throws TrackerFailure {
        Team t = team(target);
        RemoteIssue now = get(target, new IssueRef(remoteId, ""));
        ObjectNode input = JSON.createObjectNode();
        if (bodyToo) {
            input.put("title", draft.title());
            input.put("description", draft.body());
            if (draft.assignee() == null) input.putNull("assigneeId"); else input.put("assigneeId", draft.assignee());
        }
        if (draft.due() != null) input.put("dueDate", draft.due().toString());
        if (now.closed() != draft.closed() || (draft.closed() && now.notPlanned() != draft.notPlanned())) {
            input.put("stateId", stateFor(t, draft));
        }
        ObjectNode v = vars("input", input);
        v.put("id", now.remoteId());
        JsonNode r = graphql("mutation($id: String!, $input: IssueUpdateInput!) { issueUpdate(id: $id, input: $input) { success issue { " + FIELDS + " } } }", v);
        return issue(r.path("issueUpdate").path("issue"));
    }

    @Override
    public RemoteIssue get(String target, IssueRef ref) throws TrackerFailure {
        ObjectNode v = JSON.createObjectNode();
        v.put("id", ref.key());
        JsonNode i = graphql("query($id: String!) { issue(id: $id) { " + FIELDS + " } }", v).path("issue");
        if (i.isMissingNode() || i.isNull()) {
            throw new TrackerFailure(TrackerFailure.Kind.REFUSED, "Linear has no issue " + ref.key() + ".", null);
        }
        return issue(i);
    }

    @Override
    public List<RemoteIssue> changedSince(String target, Instant since) throws TrackerFailure {
        List<RemoteIssue> out = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            ObjectNode filter = teamFilter(target);
            filter.putObject("updatedAt").put("gte", since.toString());
            ObjectNode v = vars("filter", filter);
            if (after != null) v.put("after", after);
            JsonNode r = graphql("query($filter: IssueFilter, $after: String) { issues(filter: $filter, first: 50, after: $after) "
                    + "{ nodes { " + FIELDS + " } pageInfo { hasNextPage endCursor } } }", v).path("issues");
            r.path("nodes").forEach(i -> out.add(issue(i)));
            if (!r.path("pageInfo").path("hasNextPage").asBoolean(false)) {
                break;
            }
            after = r.path("pageInfo").path("endCursor").asText(null);
        }
        return out;
    }

    /** An issue as the API and the webhooks ({@code data}) give it. */
    static RemoteIssue issue(JsonNode i) {
        String type = i.path("state").path("type").asText("");
        LocalDate due = i.hasNonNull("dueDate") ? LocalDate.parse(i.get("dueDate").asText()) : null;
        Instant updated = i.hasNonNull("updatedAt") ? Instant.parse(i.get("updatedAt").asText()) : null;
        // the API gives assignee { id email }; a webhook's data gives assigneeId (and assignee without email)
        String assignee = i.path("assignee").path("id").asText(i.path("assigneeId").asText(null));
        String email = i.path("assignee").path("email").asText(null);
        return new RemoteIssue(i.path("id").asText(), new IssueRef(i.path("identifier").asText(), i.path("url").asText()),
                type.equals("completed") || type.equals("canceled"), type.equals("canceled"), updated, due, assignee, email);
    }

    private String stateFor(Team t, IssueDraft draft) throws TrackerFailure {
        String type = draft.closed() ? (draft.notPlanned() ? "canceled" : "completed") : "unstarted";
        String id = t.stateByType().get(type);
        if (id == null && draft.notPlanned()) {
            id = t.stateByType().get("completed");
        }
        if (id == null) {
            throw new TrackerFailure(TrackerFailure.Kind.REFUSED, "The Linear team has no " + type + " state.", null);
        }
        return id;
    }

    private Team team(String key) throws TrackerFailure {
        Team known = teams.get(key);
        if (known != null) {
            return known;
        }
        ObjectNode filter = JSON.createObjectNode();
        filter.putObject("key").put("eq", key);
        JsonNode nodes = graphql("query($filter: TeamFilter) { teams(filter: $filter) { nodes { id key states { nodes { id type position } } } } }",
                vars("filter", filter)).path("teams").path("nodes");
        if (nodes.isEmpty()) {
            throw new TrackerFailure(TrackerFailure.Kind.REFUSED, "Linear has no team " + key + ", or the API key cannot see it.", null);
        }
        Map<String, String> states = new java.util.HashMap<>();
        Map<String, Double> positions = new java.util.HashMap<>();
        for (JsonNode s : nodes.get(0).path("states").path("nodes")) {
            String type = s.path("type").asText();
            double pos = s.path("position").asDouble(0);
            if (!positions.containsKey(type) || pos < positions.get(type)) {
                positions.put(type, pos);
                states.put(type, s.path("id").asText());
            }
        }
        Team t = new Team(nodes.get(0).path("id").asText(), states);
        teams.put(key, t);
        return t;
    }

    private static ObjectNode teamFilter(String key) {
        ObjectNode filter = JSON.createObjectNode();
        filter.putObject("team").putObject("key").put("eq", key);
        return filter;
    }

    private static ObjectNode vars(String name, JsonNode value) {
        ObjectNode v = JSON.createObjectNode();
        v.set(name, value);
        return v;
    }

    private JsonNode graphql(String query, ObjectNode variables) throws TrackerFailure {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", variables);
        HttpRequest req = HttpRequest.newBuilder(URI.create(apiUrl)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> r = TrackerFailure.send(http, req, "Linear");
        JsonNode json;
        try {
            json = JSON.readTree(r.body() == null || r.body().isBlank() ? "{}" : r.body());
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        Instant now = clock.instant();
        String code = json.path("errors").path(0).path("extensions").path("code").asText("");
        if (r.statusCode() == 429 || code.equals("RATELIMITED")) {
            Instant when = r.headers().firstValue("Retry-After").flatMap(v -> GitHubTracker.retryAfter(v, now))
                    .or(() -> r.headers().firstValue("X-RateLimit-Requests-Reset").map(s -> Instant.ofEpochMilli(Long.parseLong(s.strip()))))
                    .orElse(now.plusSeconds(60));
            throw new TrackerFailure(TrackerFailure.Kind.RATE_LIMITED, "Linear asked us to slow down.", when);
        }
        if (r.statusCode() >= 500) {
            throw new TrackerFailure(TrackerFailure.Kind.DOWN, "Linear had an error (HTTP " + r.statusCode() + ").", null);
        }
        if (r.statusCode() == 401 || code.equals("AUTHENTICATION_ERROR")) {
            throw new TrackerFailure(TrackerFailure.Kind.REFUSED, "Linear does not accept the API key (COE_LINEAR_API_KEY).", null);
        }
        if (r.statusCode() >= 400 || json.has("errors")) {
            String message = json.path("errors").path(0).path("message").asText("");
            if (message.length() > 300) message = message.substring(0, 300) + "…";
            throw new TrackerFailure(TrackerFailure.Kind.REFUSED, "Linear refused the request (HTTP " + r.statusCode()
                    + (message.isEmpty() ? "" : ": " + message) + ").", null);
        }
        return json.path("data");
    }
}
