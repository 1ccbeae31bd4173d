package io.coebot.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confluence Cloud's REST contract on loopback, as documented: v2 pages (create, get, list by space and title,
 * update with version = current + 1, else 409), v1 attachments (PUT creates or versions by file name), basic
 * authentication (401 otherwise), and a storage-format body that must be well-formed XHTML (400 otherwise). Faults on
 * request: 503s, a 429 with Retry-After, and an answer that comes too late after the page was made.
 */
public final class FakeConfluence implements AutoCloseable {
    public static final String SPACE = "98306";

    /** A page as Confluence holds it; {@code versions}: every body it had, oldest first. */
    public record Page(String id, String spaceId, String parentId, String title, int version, String body,
                       Map<String, byte[]> attachments) {}

    private final HttpServer server;
    private final String email;
    private final String token;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(65_000);
    private volatile int down;
    private volatile int rateLimited;
    private volatile Duration lateAnswer;

    public FakeConfluence(String email, String token) throws IOException {
        this.email = email;
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wiki/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<Page> pages() {
        return List.copyOf(pages.values());
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The next {@code n} requests answer 503, as a Confluence that is down. */
    public void downFor(int n) {
        down = n;
    }

    /** The next request answers 429 with Retry-After: 1. */
    public void rateLimitOnce() {
        rateLimited = 1;
    }

    /** The next page create is made, but answered only after {@code delay} (longer than the client waits). */
    public void answerLateOnce(Duration delay) {
        lateAnswer = delay;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            synchronized (this) {
                requests.add(method + " " + path);
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"errors\":[{\"status\":401,\"code\":\"UNAUTHORIZED\",\"title\":\"Unauthorized; scope does not match\"}]}");
                return;
            }
            if (down > 0) {
                down--;
                send(ex, 503, "{\"errors\":[{\"status\":503,\"title\":\"Service Unavailable\"}]}");
                return;
            }
            if (rateLimited > 0) {
                rateLimited--;
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 429, "{\"errors\":[{\"status\":429,\"title\":\"Too Many Requests\"}]}");
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            if (path.equals("/wiki/api/v2/pages") && method.equals("GET")) {
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                JsonArray results = new JsonArray();
                synchronized (this) {
                    pages.values().stream().filter(p -> p.spaceId().equals(q.get("space-id")) && p.title().equals(q.get("title")))
                            .forEach(p -> results.add(json(p)));
                }
                JsonObject o = new JsonObject();
                o.add("results", results);
                send(ex, 200, o.toString());
            } else if (path.equals("/wiki/api/v2/pages") && method.equals("POST")) {
                JsonObject in = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                String storage = in.getAsJsonObject("body").get("value").getAsString();
                if (!wellFormed(storage)) {
                    send(ex, 400, "{\"errors\":[{\"status\":400,\"title\":\"Error parsing xhtml\"}]}");
                    return;
                }
                Page p;
                synchronized (this) {
                    String title = in.get("title").getAsString();
                    if (pages.values().stream().anyMatch(x -> x.title().equals(title) && x.spaceId().equals(in.get("spaceId").getAsString()))) {
                        send(ex, 400, "{\"errors\":[{\"status\":400,\"title\":\"A page with this title already exists\"}]}");
                        return;
                    }
                    p = new Page(String.valueOf(ids.incrementAndGet()), in.get("spaceId").getAsString(),
                            in.has("parentId") ? in.get("parentId").getAsString() : null, title, 1, storage, new LinkedHashMap<>());
                    pages.put(p.id(), p);
                }
                Duration late = lateAnswer;
                if (late != null) {
                    lateAnswer = null;
                    try {
                        Thread.sleep(late.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                send(ex, 200, json(p).toString());
            } else if (path.matches("/wiki/api/v2/pages/\\d+")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                Page p;
                synchronized (this) {
                    p = pages.get(id);
                }
                if (p == null) {
                    send(ex, 404, "{\"errors\":[{\"status\":404,\"title\":\"Not Found\"}]}");
                } else if (method.equals("GET")) {
                    send(ex, 200, json(p).toString());
                } else if (method.equals("PUT")) {
                    JsonObject in = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                    int version = in.getAsJsonObject("version").get("number").getAsInt();
                    String storage = in.getAsJsonObject("body").get("value").getAsString();
                    if (version != p.version() + 1) {
                        send(ex, 409, "{\"errors\":[{\"status\":409,\"title\":\"Version must be incremented on update. Current version is: "
                                + p.version() + "\"}]}");
                    } else if (!wellFormed(storage)) {
                        send(ex, 400, "{\"errors\":[{\"status\":400,\"title\":\"Error parsing xhtml\"}]}");
                    } else {
                        Page updated = new Page(p.id(), p.spaceId(), p.parentId(), in.get("title").getAsString(), version, storage,
                                p.attachments());
                        synchronized (this) {
                            pages.put(p.id(), updated);
                        }
                        send(ex, 200, json(updated).toString());
                    }
                } else {
                    send(ex, 405, "{}");
                }
            } else if (path.matches("/wiki/rest/api/content/\\d+/child/attachment") && method.equals("PUT")) {
                String id = path.split("/")[5];
                if (!"no-check".equals(ex.getRequestHeaders().getFirst("X-Atlassian-Token"))) {
                    send(ex, 403, "{\"message\":\"XSRF check failed\"}");
                    return;
                }
                Page p;
                synchronized (this) {
                    p = pages.get(id);
                }
                if (p == null) {
                    send(ex, 404, "{\"message\":\"No content with id " + id + "\"}");
                    return;
                }
                String text = new String(body, StandardCharsets.ISO_8859_1);
                int at = text.indexOf("filename=\"");
                String name = text.substring(at + 10, text.indexOf('"', at + 10));
                int start = text.indexOf("\r\n\r\n", at) + 4;
                int end = text.indexOf("\r\n--", start);
                synchronized (this) {
                    p.attachments().put(name, java.util.Arrays.copyOfRange(body, start, end));
                }
                send(ex, 200, "{\"results\":[{\"title\":\"" + name + "\"}]}");
            } else {
                send(ex, 404, "{\"message\":\"No route\"}");
            }
        }
    }

    private JsonObject json(Page p) {
        JsonObject o = new JsonObject();
        o.addProperty("id", p.id());
        o.addProperty("status", "current");
        o.addProperty("title", p.title());
        o.addProperty("spaceId", p.spaceId());
        JsonObject v = new JsonObject();
        v.addProperty("number", p.version());
        o.add("version", v);
        JsonObject links = new JsonObject();
        links.addProperty("webui", "/spaces/COE/pages/" + p.id());
        links.addProperty("base", url() + "/wiki");
        o.add("_links", links);
        return o;
    }

    /** Storage format is XHTML with Confluence's ac: and ri: elements: it must parse as XML with those declared. */
    public static boolean wellFormed(String storage) {
        try {
            var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(wrap(storage))));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The body inside a root that declares Confluence's namespaces, so a test can parse it as XML. */
    public static String wrap(String storage) {
        return "<root xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">"
                + storage + "</root>";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
