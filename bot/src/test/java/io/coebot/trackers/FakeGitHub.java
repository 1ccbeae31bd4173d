package io.coebot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A GitHub REST API on loopback, following the documented contract of the calls coe-bot makes
 * (docs.github.com/rest/issues): create, get and update an issue ({@code state}, {@code state_reason}), list a
 * repository's issues ({@code state}, {@code since}, {@code per_page}, {@code page}, with a {@code Link} header for the
 * next page), and search issues ({@code q} with a quoted phrase, {@code repo:} and {@code in:body}). Errors take
 * GitHub's shape ({@code message}, {@code errors}, {@code documentation_url}): 401 for a wrong token, 404 for an
 * unknown repository or issue, 422 for a missing title or a bad state. It records every call and can be told to
 * answer 429 / 403 secondary limit with Retry-After, 5xx, to be slow after doing the work, or to be down.
 */
public final class FakeGitHub extends LoopbackFake {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCS = "https://docs.github.com/rest";

    static boolean isCreate(Call c) {
        return c.method().equals("POST") && c.path().matches("/repos/[^/]+/[^/]+/issues");
    }

    private final String token;
    private final Map<String, List<ObjectNode>> repos = new LinkedHashMap<>();
    /** email → login, for the users whose email is public. */
    private final Map<String, String> users = new LinkedHashMap<>();
    private volatile int pageSize = 100;

    private FakeGitHub(String token) {
        super("fake-github");
        this.token = token;
    }

    public static FakeGitHub start(String token) {
        return new FakeGitHub(token);
    }

    public String apiUrl() {
        return baseUrl();
    }

    /** A GitHub user whose email is public (so GitHub's user search finds it). */
    public synchronized void addUser(String login, String email) {
        users.put(email.toLowerCase(), login);
    }

    public synchronized void addRepo(String fullName) {
        repos.putIfAbsent(fullName.toLowerCase(), new ArrayList<>());
    }

    /** An issue made by someone in GitHub (to be linked). */
    public synchronized int addIssue(String repo, String title) {
        return create(repo, title, "", List.of()).get("number").asInt();
    }

    public synchronized List<JsonNode> issues(String repo) {
        return List.copyOf(repos.getOrDefault(repo.toLowerCase(), List.of()));
    }

    public synchronized List<JsonNode> issuesTitled(String repo, String title) {
        return issues(repo).stream().filter(i -> i.get("title").asText().equals(title)).toList();
    }

    /** Someone closes the issue in GitHub; returns the {@code issues} webhook payload GitHub would send. */
    public synchronized String close(String repo, int number, String reason) {
        ObjectNode i = find(repo, number);
        i.put("state", "closed").put("state_reason", reason).put("closed_at", now()).put("updated_at", now());
        return event("closed", repo, i);
    }

    /** Someone assigns the issue to {@code login} in GitHub; returns the {@code assigned} webhook payload. */
    public synchronized String assign(String repo, int number, String login) {
        ObjectNode i = find(repo, number);
        ArrayNode a = i.putArray("assignees");
        a.addObject().put("login", login);
        i.putObject("assignee").put("login", login);
        i.put("updated_at", now());
        return event("assigned", repo, i);
    }

    public synchronized String reopen(String repo, int number) {
        ObjectNode i = find(repo, number);
        i.put("state", "open").put("state_reason", "reopened").putNull("closed_at").put("updated_at", now());
        return event("reopened", repo, i);
    }

    public void pageSize(int size) {
        this.pageSize = size;
    }

    /** The next {@code n} calls matching {@code when} get {@code status} (a 429 or 403: GitHub's rate-limit message). */
    public void failNext(int n, Predicate<Call> when, int status, Map<String, String> headers) {
        String body = status == 429 || status == 403
                ? "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\",\"documentation_url\":\"" + DOCS + "\"}"
                : "{\"message\":\"Server Error\"}";
        failNext(n, when, status, headers, body);
    }

    @Override
    protected boolean authorized(HttpExchange ex) {
        return ("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"));
    }

    @Override
    protected Answer unauthorized() {
        return Answer.json(401, error("Bad credentials"));
    }

    @Override
    protected Answer answer(Call c) throws IOException {
        String[] p = c.path().split("/");
        Map<String, String> q = query(c.query());
        if (c.method().equals("GET") && c.path().equals("/search/issues")) {
            return search(q.getOrDefault("q", ""));
        }
        if (c.method().equals("GET") && c.path().startsWith("/users/")) {
            String login = c.path().substring("/users/".length());
            String email = users.entrySet().stream().filter(e -> e.getValue().equals(login)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (email == null) {
                return new Answer(404, error("Not Found"), Map.of());
            }
            return new Answer(200, JSON.createObjectNode().put("login", login).put("type", "User").put("email", email).toString(), Map.of());
        }
        if (c.method().equals("GET") && c.path().equals("/search/users")) {
            String email = q.getOrDefault("q", "").split(" ")[0].toLowerCase();
            ArrayNode items = JSON.createArrayNode();
            if (users.containsKey(email)) {
                items.addObject().put("login", users.get(email)).put("id", 500 + users.size()).put("type", "User");
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("total_count", items.size()).put("incomplete_results", false).set("items", items);
            return new Answer(200, out.toString(), Map.of());
        }
        if (p.length < 5 || !p[1].equals("repos") || !p[4].equals("issues")) {
            return new Answer(404, error("Not Found"), Map.of());
        }
        String repo = p[2] + "/" + p[3];
        if (!repos.containsKey(repo.toLowerCase())) {
            return new Answer(404, error("Not Found"), Map.of());
        }
        if (p.length == 5 && c.method().equals("POST")) {
            JsonNode in = JSON.readTree(c.body());
            if (!in.hasNonNull("title") || in.get("title").asText().isBlank()) {
                return new Answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"field\":\"title\",\"code\":\"missing_field\"}],\"documentation_url\":\"" + DOCS + "\"}", Map.of());
            }
            List<String> labels = new ArrayList<>();
            in.path("labels").forEach(l -> labels.add(l.asText()));
            ObjectNode created = create(repo, in.get("title").asText(), in.path("body").asText(""), labels);
            if (in.has("assignees")) assign(created, in.get("assignees"));
            return new Answer(201, created.toString(), Map.of());
        }
        if (p.length == 5 && c.method().equals("GET")) {
            return list(repo, q);
        }
        if (p.length == 6 && p[5].matches("\\d+")) {
            ObjectNode issue = find(repo, Integer.parseInt(p[5]));
            if (issue == null) {
                return new Answer(404, error("Not Found"), Map.of());
            }
            if (c.method().equals("GET")) {
                return new Answer(200, issue.toString(), Map.of());
            }
            if (c.method().equals("PATCH")) {
                JsonNode in = JSON.readTree(c.body());
                String state = in.path("state").asText(issue.get("state").asText());
                String reason = in.path("state_reason").asText(null);
                if (!state.equals("open") && !state.equals("closed")
                        || reason != null && !List.of("completed", "not_planned", "reopened", "duplicate").contains(reason)) {
                    return new Answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"field\":\"state\",\"code\":\"invalid\"}],\"documentation_url\":\"" + DOCS + "\"}", Map.of());
                }
                if (in.has("title")) issue.put("title", in.get("title").asText());
                if (in.has("body")) issue.put("body", in.get("body").asText());
                if (in.has("assignees")) assign(issue, in.get("assignees"));
                boolean changed = !issue.get("state").asText().equals(state);
                issue.put("state", state);
                if (changed) {
                    issue.put("state_reason", reason);
                    if (state.equals("closed")) issue.put("closed_at", now()); else issue.putNull("closed_at");
                }
                issue.put("updated_at", now());
                return new Answer(200, issue.toString(), Map.of());
            }
        }
        return new Answer(404, error("Not Found"), Map.of());
    }

    /** Only known users can be assigned; GitHub silently drops the others. */
    private void assign(ObjectNode issue, JsonNode logins) {
        ArrayNode a = issue.putArray("assignees");
        logins.forEach(l -> {
            if (users.containsValue(l.asText())) a.addObject().put("login", l.asText());
        });
    }

    private ObjectNode create(String repo, String title, String body, List<String> labels) {
        List<ObjectNode> list = repos.computeIfAbsent(repo.toLowerCase(), r -> new ArrayList<>());
        int number = list.size() + 1;
        ObjectNode i = JSON.createObjectNode();
        i.put("id", 1_000_000 + number).put("node_id", "I_" + number).put("number", number)
                .put("url", apiUrl() + "/repos/" + repo + "/issues/" + number)
                .put("html_url", "https://github.com/" + repo + "/issues/" + number)
                .put("title", title).put("body", body).put("state", "open").putNull("state_reason")
                .put("created_at", now()).put("updated_at", now()).putNull("closed_at");
        ArrayNode l = i.putArray("labels");
        labels.forEach(name -> l.addObject().put("name", name));
        i.putArray("assignees");
        list.add(i);
        return i;
    }

    private Answer list(String repo, Map<String, String> q) {
        String state = q.getOrDefault("state", "open");
        Instant since = q.containsKey("since") ? Instant.parse(q.get("since")) : Instant.EPOCH;
        int perPage = Math.min(Integer.parseInt(q.getOrDefault("per_page", "30")), pageSize);
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        List<ObjectNode> matching = repos.get(repo.toLowerCase()).stream()
                .filter(i -> state.equals("all") || i.get("state").asText().equals(state))
                .filter(i -> !Instant.parse(i.get("updated_at").asText()).isBefore(since))
                .sorted(java.util.Comparator.comparing(i -> i.get("updated_at").asText()))
                .toList();
        int from = Math.min((page - 1) * perPage, matching.size());
        int to = Math.min(from + perPage, matching.size());
        ArrayNode out = JSON.createArrayNode();
        matching.subList(from, to).forEach(out::add);
        Map<String, String> headers = new LinkedHashMap<>();
        if (to < matching.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("page", String.valueOf(page + 1));
            StringBuilder sb = new StringBuilder();
            next.forEach((k, v) -> sb.append(sb.length() == 0 ? "?" : "&").append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            headers.put("Link", "<" + apiUrl() + "/repos/" + repo + "/issues" + sb + ">; rel=\"next\"");
        }
        return new Answer(200, out.toString(), headers);
    }

    /** Only what coe-bot asks: a quoted phrase, repo:owner/name and in:body. */
    private Answer search(String q) {
        java.util.regex.Matcher phrase = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(q);
        java.util.regex.Matcher repo = java.util.regex.Pattern.compile("repo:(\\S+)").matcher(q);
        if (!phrase.find() || !repo.find()) {
            return new Answer(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Search\",\"field\":\"q\",\"code\":\"invalid\"}],\"documentation_url\":\"" + DOCS + "\"}", Map.of());
        }
        ArrayNode items = JSON.createArrayNode();
        repos.getOrDefault(repo.group(1).toLowerCase(), List.of()).stream()
                .filter(i -> i.get("body").asText().contains(phrase.group(1))).forEach(items::add);
        ObjectNode out = JSON.createObjectNode();
        out.put("total_count", items.size()).put("incomplete_results", false).set("items", items);
        return new Answer(200, out.toString(), Map.of());
    }

    private ObjectNode find(String repo, int number) {
        return repos.getOrDefault(repo.toLowerCase(), List.of()).stream().filter(i -> i.get("number").asInt() == number)
                .findFirst().orElse(null);
    }

    private String event(String action, String repo, ObjectNode issue) {
        ObjectNode e = JSON.createObjectNode();
        e.put("action", action);
        e.set("issue", issue.deepCopy());
        e.putObject("repository").put("full_name", repo).put("name", repo.substring(repo.indexOf('/') + 1));
        e.putObject("sender").put("login", "octocat");
        return e.toString();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String error(String message) {
        return "{\"message\":\"" + message + "\",\"documentation_url\":\"" + DOCS + "\"}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            out.put(k, eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
