package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Linear's GraphQL API on loopback (developers.linear.app): the operations coe-bot sends — {@code teams} with its
 * workflow states, {@code issueCreate}, {@code issueUpdate}, {@code issue(id)} (uuid or identifier) and {@code issues}
 * filtered by team key, {@code updatedAt.gte} or {@code description.contains}, in cursor pages; labels: {@code issueLabels}
 * filtered by {@code name.in} and the team (or none: a workspace label), {@code issueLabelCreate} (a second label of one
 * name in a team is refused, as Linear does; a workspace that leaves labels to admins refuses every one) and
 * {@code labelIds} on {@code issueCreate}. Errors as Linear gives them: HTTP 400 with {@code errors[].extensions.code}
 * (AUTHENTICATION_ERROR, RATELIMITED, InvalidInput, FORBIDDEN).
 */
final class FakeLinear extends LoopbackFake {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String[]> STATES = List.of(
            new String[]{"st-backlog", "Backlog", "backlog", "0"}, new String[]{"st-todo", "Todo", "unstarted", "1"},
            new String[]{"st-doing", "In Progress", "started", "2"}, new String[]{"st-done", "Done", "completed", "3"},
            new String[]{"st-canceled", "Canceled", "canceled", "4"});

    private final String apiKey;
    private final String team;
    private final Map<String, ObjectNode> issues = new LinkedHashMap<>();
    /** email → user id */
    private final Map<String, String> users = new LinkedHashMap<>();
    /** label id → { id, name, team { id } or team null } */
    private final Map<String, ObjectNode> labels = new LinkedHashMap<>();
    private volatile int pageSize = 50;
    private volatile boolean labelsForAdminsOnly;

    FakeLinear(String apiKey, String team) {
        super("fake-linear");
        this.apiKey = apiKey;
        this.team = team;
    }

    String apiUrl() {
        return baseUrl() + "/graphql";
    }

    synchronized void addUser(String id, String email) {
        users.put(email.toLowerCase(), id);
    }

    /** A label made in the workspace (no team), as an admin would. */
    synchronized void addWorkspaceLabel(String name) {
        ObjectNode l = JSON.createObjectNode().put("id", "label-" + UUID.randomUUID()).put("name", name);
        l.putNull("team");
        labels.put(l.get("id").asText(), l);
    }

    /** Someone deletes the label in Linear (its id is no longer accepted). */
    synchronized void deleteLabel(String name) {
        labels.values().removeIf(l -> l.get("name").asText().equals(name));
    }

    /** The workspace lets only admins create labels: {@code issueLabelCreate} is FORBIDDEN for the API key. */
    void labelsForAdminsOnly(boolean on) {
        labelsForAdminsOnly = on;
    }

    /** The names of the labels on the issue with this title. */
    synchronized List<String> labelsOf(String title) {
        List<String> out = new ArrayList<>();
        titled(title).forEach(i -> i.path("labelIds").forEach(id -> out.add(labels.get(id.asText()).get("name").asText())));
        return out;
    }

    synchronized long labelsNamed(String name) {
        return labels.values().stream().filter(l -> l.get("name").asText().equals(name)).count();
    }

    static boolean isLabelCreate(Call c) {
        return c.body().contains("issueLabelCreate");
    }

    static boolean isCreate(Call c) {
        return c.body().contains("issueCreate");
    }

    void pageSize(int n) {
        pageSize = n;
    }

    synchronized List<JsonNode> titled(String title) {
        return issues.values().stream().filter(i -> i.get("title").asText().equals(title)).map(i -> (JsonNode) i.deepCopy()).toList();
    }

    synchronized String addIssue(String title) {
        ObjectNode in = JSON.createObjectNode().put("title", title).put("description", "");
        return create(in).get("url").asText();
    }

    /** Someone moves the issue to a state type in Linear ("completed", "canceled", "unstarted"); returns the webhook body. */
    synchronized String moveTo(String identifier, String type) {
        ObjectNode i = byIdentifier(identifier);
        String[] s = STATES.stream().filter(x -> x[2].equals(type)).findFirst().orElseThrow();
        setState(i, s);
        return event(i);
    }

    synchronized String setDue(String identifier, String due) {
        ObjectNode i = byIdentifier(identifier);
        i.put("dueDate", due).put("updatedAt", Instant.now().toString());
        return event(i);
    }

    /** Someone assigns the issue in Linear; returns the webhook body (data.assigneeId, as Linear sends it). */
    synchronized String assign(String identifier, String userId) {
        ObjectNode i = byIdentifier(identifier);
        i.put("assigneeId", userId).put("updatedAt", Instant.now().toString());
        return event(i);
    }

    @Override
    protected boolean authorized(HttpExchange ex) {
        return apiKey.equals(ex.getRequestHeaders().getFirst("Authorization"));
    }

    @Override
    protected Answer unauthorized() {
        return Answer.json(400, "{\"errors\":[{\"message\":\"Authentication required, not authenticated\",\"extensions\":{\"code\":\"AUTHENTICATION_ERROR\"}}]}");
    }

    @Override
    protected Answer answer(Call c) throws IOException {
        if (!c.method().equals("POST") || !c.path().equals("/graphql")) {
            return Answer.json(404, "{\"errors\":[{\"message\":\"Not found\"}]}");
        }
        JsonNode req = JSON.readTree(c.body());
        String q = req.path("query").asText();
        JsonNode v = req.path("variables");
        ObjectNode data = JSON.createObjectNode();
        if (q.contains("issueLabelCreate")) {
            JsonNode in = v.path("input");
            if (labelsForAdminsOnly) {
                return Answer.json(400, "{\"errors\":[{\"message\":\"Forbidden: only admins can manage labels\",\"extensions\":{\"code\":\"FORBIDDEN\",\"type\":\"forbidden\",\"userError\":true}}]}");
            }
            String name = in.path("name").asText("");
            String teamId = in.path("teamId").asText(null);
            if (name.isBlank() || (teamId != null && !teamId.equals("team-" + team))) {
                return invalid("name and a known teamId are required");
            }
            boolean taken = labels.values().stream().anyMatch(l -> l.get("name").asText().equalsIgnoreCase(name)
                    && (l.path("team").path("id").asText("").equals(teamId == null ? "" : teamId) || l.path("team").isNull()));
            if (taken) {
                return invalid("Label name already exists");
            }
            ObjectNode l = JSON.createObjectNode().put("id", "label-" + UUID.randomUUID()).put("name", name);
            if (teamId == null) l.putNull("team"); else l.putObject("team").put("id", teamId);
            labels.put(l.get("id").asText(), l);
            data.putObject("issueLabelCreate").put("success", true).set("issueLabel", l.deepCopy());
        } else if (q.contains("issueLabels(")) {
            JsonNode f = v.path("filter");
            List<String> names = new ArrayList<>();
            f.path("name").path("in").forEach(n -> names.add(n.asText()));
            List<String> teams = new ArrayList<>();
            boolean workspace = false;
            for (JsonNode o : f.path("or")) {
                if (o.path("team").path("null").asBoolean(false)) workspace = true;
                if (o.path("team").path("id").hasNonNull("eq")) teams.add(o.path("team").path("id").path("eq").asText());
            }
            ArrayNode nodes = data.putObject("issueLabels").putArray("nodes");
            for (ObjectNode l : labels.values()) {
                boolean inScope = f.path("or").isMissingNode() || (l.path("team").isNull() ? workspace : teams.contains(l.path("team").path("id").asText()));
                if ((names.isEmpty() || names.contains(l.get("name").asText())) && inScope) nodes.add(l.deepCopy());
            }
        } else if (q.contains("issueCreate")) {
            JsonNode in = v.path("input");
            if (!in.path("title").isTextual() || in.path("title").asText().isBlank() || !in.path("teamId").asText().equals("team-" + team)) {
                return invalid("title and a known teamId are required");
            }
            for (JsonNode id : in.path("labelIds")) {
                if (!labels.containsKey(id.asText())) return invalid("Entity not found: IssueLabel");
            }
            ObjectNode i = create((ObjectNode) in.deepCopy());
            data.putObject("issueCreate").put("success", true).set("issue", i.deepCopy());
        } else if (q.contains("issueUpdate")) {
            ObjectNode i = find(v.path("id").asText());
            if (i == null) return invalid("Entity not found: Issue");
            JsonNode in = v.path("input");
            if (in.has("title")) i.put("title", in.get("title").asText());
            if (in.has("description")) i.put("description", in.get("description").asText());
            if (in.has("dueDate")) i.put("dueDate", in.get("dueDate").asText());
            if (in.has("assigneeId")) i.set("assigneeId", in.get("assigneeId"));
            if (in.has("stateId")) {
                String[] s = STATES.stream().filter(x -> x[0].equals(in.get("stateId").asText())).findFirst().orElse(null);
                if (s == null) return invalid("stateId is not a state of the team");
                setState(i, s);
            }
            i.put("updatedAt", Instant.now().toString());
            data.putObject("issueUpdate").put("success", true).set("issue", i.deepCopy());
        } else if (q.contains("user(id")) {
            String id = v.path("id").asText();
            String email = users.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(null);
            if (email == null) return invalid("Entity not found: User");
            data.putObject("user").put("id", id).put("email", email);
        } else if (q.contains("users(")) {
            ArrayNode nodes = data.putObject("users").putArray("nodes");
            String email = v.path("filter").path("email").path("eq").asText("").toLowerCase();
            if (users.containsKey(email)) nodes.addObject().put("id", users.get(email)).put("email", email);
        } else if (q.contains("teams(")) {
            ArrayNode nodes = data.putObject("teams").putArray("nodes");
            if (v.path("filter").path("key").path("eq").asText().equals(team)) {
                ObjectNode t = nodes.addObject().put("id", "team-" + team).put("key", team);
                ArrayNode states = t.putObject("states").putArray("nodes");
                STATES.forEach(s -> states.addObject().put("id", s[0]).put("name", s[1]).put("type", s[2]).put("position", Double.parseDouble(s[3])));
            }
        } else if (q.contains("issues(")) {
            return Answer.json(200, issuesPage(v).toString());
        } else if (q.contains("issue(")) {
            ObjectNode i = find(v.path("id").asText());
            if (i == null) return invalid("Entity not found: Issue");
            data.set("issue", i.deepCopy());
        } else {
            return invalid("Unknown operation");
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("data", data);
        return Answer.json(200, out.toString());
    }

    private ObjectNode issuesPage(JsonNode v) {
        JsonNode f = v.path("filter");
        String contains = f.path("description").path("contains").asText(null);
        Instant since = f.path("updatedAt").hasNonNull("gte") ? Instant.parse(f.path("updatedAt").path("gte").asText()) : null;
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode i : issues.values()) {
            if (!f.path("team").path("key").path("eq").asText().equals(team)) continue;
            if (contains != null && !i.path("description").asText().contains(contains)) continue;
            if (since != null && Instant.parse(i.get("updatedAt").asText()).isBefore(since)) continue;
            all.add(i);
        }
        int start = v.hasNonNull("after") ? Integer.parseInt(v.get("after").asText()) : 0;
        int end = Math.min(start + pageSize, all.size());
        ObjectNode out = JSON.createObjectNode();
        ObjectNode issuesNode = out.putObject("data").putObject("issues");
        ArrayNode nodes = issuesNode.putArray("nodes");
        all.subList(start, end).forEach(i -> nodes.add(i.deepCopy()));
        issuesNode.putObject("pageInfo").put("hasNextPage", end < all.size()).put("endCursor", String.valueOf(end));
        return out;
    }

    private ObjectNode create(ObjectNode in) {
        int n = issues.size() + 1;
        String identifier = team + "-" + n;
        ObjectNode i = JSON.createObjectNode();
        i.put("id", UUID.randomUUID().toString()).put("identifier", identifier)
                .put("url", "https://linear.app/acme/issue/" + identifier + "/" + in.path("title").asText().toLowerCase().replaceAll("[^a-z0-9]+", "-"))
                .put("title", in.path("title").asText()).put("description", in.path("description").asText(""))
                .put("createdAt", Instant.now().toString());
        if (in.hasNonNull("dueDate")) i.put("dueDate", in.get("dueDate").asText()); else i.putNull("dueDate");
        if (in.hasNonNull("assigneeId")) i.put("assigneeId", in.get("assigneeId").asText()); else i.putNull("assigneeId");
        i.set("labelIds", in.has("labelIds") ? in.get("labelIds").deepCopy() : JSON.createArrayNode());
        String stateId = in.path("stateId").asText("st-todo");
        setState(i, STATES.stream().filter(x -> x[0].equals(stateId)).findFirst().orElse(STATES.get(1)));
        issues.put(i.get("id").asText(), i);
        return i;
    }

    private static void setState(ObjectNode i, String[] s) {
        i.putObject("state").put("id", s[0]).put("name", s[1]).put("type", s[2]);
        i.put("updatedAt", Instant.now().toString());
    }

    private ObjectNode find(String idOrIdentifier) {
        ObjectNode byId = issues.get(idOrIdentifier);
        return byId != null ? byId : byIdentifier(idOrIdentifier);
    }

    private ObjectNode byIdentifier(String identifier) {
        return issues.values().stream().filter(i -> i.get("identifier").asText().equals(identifier)).findFirst().orElse(null);
    }

    private static Answer invalid(String message) {
        return Answer.json(400, "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"InvalidInput\"}}]}");
    }

    private String event(ObjectNode i) {
        ObjectNode e = JSON.createObjectNode();
        e.put("action", "update").put("type", "Issue").put("createdAt", Instant.now().toString());
        e.set("data", i.deepCopy());
        e.put("url", i.get("url").asText());
        e.putObject("updatedFrom").put("updatedAt", Instant.now().minusSeconds(5).toString());
        e.put("webhookTimestamp", System.currentTimeMillis()).put("webhookId", UUID.randomUUID().toString())
                .put("organizationId", "org-acme");
        return e.toString();
    }
}
