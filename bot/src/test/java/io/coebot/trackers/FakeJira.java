package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira Cloud's REST API v3 on loopback, as documented (developer.atlassian.com/cloud/jira/platform/rest/v3): create
 * ({@code POST /rest/api/3/issue} → 201 {@code id, key, self}; 400 with {@code errorMessages} / {@code errors} for a
 * missing summary or an unknown project), edit ({@code PUT …/issue/{key}} → 204), read, the workflow's transitions
 * (To Do, In Progress, Done, Won't Do, each with its status category) and {@code POST …/search/jql} (the JQL coe-bot
 * writes: project, labels, {@code updated >= "-Nm"}; pages by {@code nextPageToken}). Basic auth with email and API
 * token, else 401.
 */
final class FakeJira extends LoopbackFake {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private record Status(String id, String name, String category, String resolution) {}

    private static final List<Status> WORKFLOW = List.of(
            new Status("11", "To Do", "new", null),
            new Status("21", "In Progress", "indeterminate", null),
            new Status("31", "Done", "done", "Done"),
            new Status("41", "Won't Do", "done", "Won't Do"));

    private final String authorization;
    private final String project;
    private final Map<String, ObjectNode> issues = new LinkedHashMap<>();
    /** email → accountId */
    private final Map<String, String> users = new LinkedHashMap<>();
    private volatile int pageSize = 100;

    FakeJira(String email, String token, String project) {
        super("fake-jira");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.project = project;
    }

    String url() {
        return baseUrl();
    }

    synchronized void addUser(String accountId, String email) {
        users.put(email.toLowerCase(), accountId);
    }

    static boolean isCreate(Call c) {
        return c.method().equals("POST") && c.path().equals("/rest/api/3/issue");
    }

    void pageSize(int n) {
        pageSize = n;
    }

    synchronized List<JsonNode> titled(String summary) {
        return issues.values().stream().filter(i -> i.path("fields").path("summary").asText().equals(summary))
                .map(i -> (JsonNode) i.deepCopy()).toList();
    }

    /** An issue someone made in Jira. */
    synchronized String addIssue(String summary) {
        ObjectNode fields = JSON.createObjectNode();
        fields.put("summary", summary);
        return create(fields).path("key").asText();
    }

    /** Someone moves the issue to a status in Jira; returns the jira:issue_updated webhook body. */
    synchronized String moveTo(String key, String statusName) {
        ObjectNode i = issues.get(key);
        Status s = WORKFLOW.stream().filter(w -> w.name().equals(statusName)).findFirst().orElseThrow();
        setStatus(i, s);
        return event(i);
    }

    synchronized String setDue(String key, String due) {
        ObjectNode i = issues.get(key);
        ((ObjectNode) i.get("fields")).put("duedate", due);
        touch(i);
        return event(i);
    }

    /** Someone assigns the issue in Jira; returns the webhook body (the assignee with their email, as Cloud sends it to admins). */
    synchronized String assign(String key, String accountId) {
        ObjectNode i = issues.get(key);
        String email = users.entrySet().stream().filter(e -> e.getValue().equals(accountId)).map(Map.Entry::getKey).findFirst().orElse(null);
        ObjectNode a = ((ObjectNode) i.get("fields")).putObject("assignee").put("accountId", accountId).put("displayName", accountId);
        if (email != null) a.put("emailAddress", email);
        touch(i);
        return event(i);
    }

    static String category(JsonNode issue) {
        return issue.path("fields").path("status").path("statusCategory").path("key").asText();
    }

    @Override
    protected boolean authorized(HttpExchange ex) {
        return authorization.equals(ex.getRequestHeaders().getFirst("Authorization"));
    }

    @Override
    protected Answer unauthorized() {
        return Answer.json(401, "{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this operation.\"],\"errors\":{}}");
    }

    @Override
    protected Answer answer(Call c) throws IOException {
        String p = c.path();
        if (c.method().equals("POST") && p.equals("/rest/api/3/issue")) {
            JsonNode fields = JSON.readTree(c.body()).path("fields");
            if (!fields.path("summary").isTextual() || fields.path("summary").asText().isBlank()) {
                return Answer.json(400, "{\"errorMessages\":[],\"errors\":{\"summary\":\"You must specify a summary of the issue.\"}}");
            }
            if (!project.equals(fields.path("project").path("key").asText())) {
                return Answer.json(400, "{\"errorMessages\":[],\"errors\":{\"project\":\"valid project is required\"}}");
            }
            if (!fields.path("issuetype").path("name").asText().equals("Task")) {
                return Answer.json(400, "{\"errorMessages\":[],\"errors\":{\"issuetype\":\"Specify a valid issue type\"}}");
            }
            ObjectNode i = create((ObjectNode) fields.deepCopy());
            return Answer.json(201, "{\"id\":\"" + i.get("id").asText() + "\",\"key\":\"" + i.get("key").asText()
                    + "\",\"self\":\"" + baseUrl() + "/rest/api/3/issue/" + i.get("id").asText() + "\"}");
        }
        if (c.method().equals("GET") && p.equals("/rest/api/3/user")) {
            String id = java.net.URLDecoder.decode(c.query().replaceFirst("^accountId=", ""), StandardCharsets.UTF_8);
            String email = users.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(null);
            if (email == null) {
                return Answer.json(404, "{\"errorMessages\":[\"The user does not exist\"],\"errors\":{}}");
            }
            return Answer.json(200, JSON.createObjectNode().put("accountId", id).put("emailAddress", email).toString());
        }
        if (c.method().equals("GET") && p.equals("/rest/api/3/user/search")) {
            String email = java.net.URLDecoder.decode(c.query().replaceFirst("^query=", ""), StandardCharsets.UTF_8).toLowerCase();
            ArrayNode out = JSON.createArrayNode();
            if (users.containsKey(email)) {
                out.addObject().put("accountId", users.get(email)).put("accountType", "atlassian")
                        .put("emailAddress", email).put("displayName", email).put("active", true);
            }
            return Answer.json(200, out.toString());
        }
        if (c.method().equals("POST") && p.equals("/rest/api/3/search/jql")) {
            return search(JSON.readTree(c.body()));
        }
        Matcher m = Pattern.compile("/rest/api/3/issue/([A-Z]+-\\d+)(/transitions)?").matcher(p);
        if (!m.matches()) {
            return Answer.json(404, "{\"errorMessages\":[\"Not found\"],\"errors\":{}}");
        }
        ObjectNode i = issues.get(m.group(1));
        if (i == null) {
            return Answer.json(404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
        }
        if (m.group(2) == null) {
            if (c.method().equals("GET")) {
                return Answer.json(200, i.toString());
            }
            if (c.method().equals("PUT")) {
                JsonNode fields = JSON.readTree(c.body()).path("fields");
                fields.fields().forEachRemaining(f -> ((ObjectNode) i.get("fields")).set(f.getKey(), f.getValue()));
                touch(i);
                return new Answer(204, "", Map.of());
            }
        } else if (c.method().equals("GET")) {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode ts = out.putArray("transitions");
            for (Status s : WORKFLOW) {
                ObjectNode t = ts.addObject().put("id", s.id()).put("name", s.name());
                t.putObject("to").put("name", s.name()).putObject("statusCategory").put("key", s.category());
            }
            return Answer.json(200, out.toString());
        } else if (c.method().equals("POST")) {
            String id = JSON.readTree(c.body()).path("transition").path("id").asText();
            Optional<Status> s = WORKFLOW.stream().filter(w -> w.id().equals(id)).findFirst();
            if (s.isEmpty()) {
                return Answer.json(400, "{\"errorMessages\":[\"Transition id '" + id + "' is not valid for this issue.\"],\"errors\":{}}");
            }
            setStatus(i, s.get());
            return new Answer(204, "", Map.of());
        }
        return Answer.json(405, "{\"errorMessages\":[\"Method not allowed\"],\"errors\":{}}");
    }

    private ObjectNode create(ObjectNode fields) {
        int n = issues.size() + 1;
        String key = project + "-" + n;
        ObjectNode i = JSON.createObjectNode();
        i.put("id", String.valueOf(10_000 + n)).put("key", key).put("self", baseUrl() + "/rest/api/3/issue/" + (10_000 + n));
        if (!fields.has("labels")) fields.putArray("labels");
        if (!fields.has("duedate")) fields.putNull("duedate");
        fields.putObject("project").put("key", project);
        i.set("fields", fields);
        setStatus(i, WORKFLOW.get(0));
        issues.put(key, i);
        return i;
    }

    private static void setStatus(ObjectNode i, Status s) {
        ObjectNode f = (ObjectNode) i.get("fields");
        ObjectNode status = f.putObject("status").put("id", s.id()).put("name", s.name());
        status.putObject("statusCategory").put("key", s.category());
        if (s.resolution() == null) f.putNull("resolution"); else f.putObject("resolution").put("name", s.resolution());
        touch(i);
    }

    private static void touch(ObjectNode i) {
        ((ObjectNode) i.get("fields")).put("updated", UPDATED.format(Instant.now()));
    }

    /** project = "X", labels = "Y", updated >= "-Nm", as coe-bot writes them. */
    private Answer search(JsonNode q) {
        String jql = q.path("jql").asText();
        Matcher proj = Pattern.compile("project = \"([^\"]+)\"").matcher(jql);
        if (!proj.find()) {
            return Answer.json(400, "{\"errorMessages\":[\"Error in the JQL Query\"],\"errors\":{}}");
        }
        Matcher label = Pattern.compile("labels = \"([^\"]+)\"").matcher(jql);
        Matcher updated = Pattern.compile("updated >= \"-(\\d+)m\"").matcher(jql);
        String wantLabel = label.find() ? label.group(1) : null;
        Instant since = updated.find() ? Instant.now().minus(Duration.ofMinutes(Long.parseLong(updated.group(1)))) : null;
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode i : issues.values()) {
            JsonNode f = i.get("fields");
            if (!proj.group(1).equals(f.path("project").path("key").asText())) continue;
            if (wantLabel != null) {
                boolean has = false;
                for (JsonNode l : f.path("labels")) has |= l.asText().equals(wantLabel);
                if (!has) continue;
            }
            if (since != null && Instant.from(UPDATED.parse(f.get("updated").asText())).isBefore(since)) continue;
            all.add(i);
        }
        int start = q.hasNonNull("nextPageToken") ? Integer.parseInt(q.get("nextPageToken").asText()) : 0;
        int size = Math.min(q.path("maxResults").asInt(50), pageSize);
        int end = Math.min(start + size, all.size());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode arr = out.putArray("issues");
        all.subList(start, end).forEach(arr::add);
        if (end < all.size()) {
            out.put("nextPageToken", String.valueOf(end));
            out.put("isLast", false);
        } else {
            out.put("isLast", true);
        }
        return Answer.json(200, out.toString());
    }

    private String event(ObjectNode i) {
        ObjectNode e = JSON.createObjectNode();
        e.put("timestamp", System.currentTimeMillis()).put("webhookEvent", "jira:issue_updated")
                .put("issue_event_type_name", "issue_generic");
        e.set("issue", i.deepCopy());
        e.putObject("user").put("accountId", "5b10a2844c20165700ede21g");
        return e.toString();
    }
}
