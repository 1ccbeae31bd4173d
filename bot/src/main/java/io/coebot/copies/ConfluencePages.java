package io.coebot.copies;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coebot.publish.CoeDocument;
import io.coebot.publish.StorageRendering;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The COE as a Confluence page "COE-n: title" in the configured space (under the parent page when one is set), through
 * the REST API v2 (pages, storage format); publishing again updates the same page with the next version number, and
 * the figures are the page's attachments (REST v1, which v2 does not replace for uploads). Before a page is created
 * the space is asked for a page of that title, so a create whose answer never came, or a restart, never makes a
 * second page. The API token is sent as HTTP basic authentication with the account's email, and never written
 * anywhere else.
 */
@Singleton
class ConfluencePages implements CopyTarget {
    private final String site;
    private final String email;
    private final String token;
    private final String spaceId;
    private final String parentId;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    ConfluencePages(@Value("${coe.confluence.url:}") String url, @Value("${coe.confluence.email:}") String email,
                    @Value("${coe.confluence.api-token:}") String token, @Value("${coe.confluence.space-id:}") String spaceId,
                    @Value("${coe.confluence.parent-id:}") String parentId,
                    @Value("${coe.copies.timeout-millis:15000}") long timeoutMillis, Clock clock) {
        String base = url == null ? "" : url.strip().replaceAll("/+$", "");
        this.site = base.endsWith("/wiki") ? base.substring(0, base.length() - "/wiki".length()) : base;
        this.email = email == null ? "" : email.strip();
        this.token = token == null ? "" : token.strip();
        this.spaceId = spaceId == null ? "" : spaceId.strip();
        this.parentId = parentId == null || parentId.isBlank() ? null : parentId.strip();
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override public String name() { return "confluence"; }
    @Override public String title() { return "Confluence"; }
    @Override public String linkLabel() { return "the page"; }

    @Override
    public boolean configured() {
        return !site.isEmpty() && !spaceId.isEmpty() && !token.isEmpty();
    }

    /** A link back to the channel: the page is read where the thread is not. */
    @Override
    public String render(CoeDocument doc) {
        return StorageRendering.render(doc, "https://app.slack.com/client/" + doc.coe().teamId() + "/" + doc.coe().channelId());
    }

    @Override
    public Written write(CopyJob job) throws CopyFailure {
        String title = job.label() + ": " + job.title();
        JsonObject page = job.remoteId() != null ? get(job.remoteId()).orElse(null) : null;
        if (page == null) {
            page = byTitle(title).orElse(null);
        }
        JsonObject done;
        if (page == null) {
            done = send("POST", "/wiki/api/v2/pages", pageJson(null, title, job.body(), 0, job));
        } else {
            int version = page.getAsJsonObject("version").get("number").getAsInt();
            done = send("PUT", "/wiki/api/v2/pages/" + page.get("id").getAsString(),
                    pageJson(page.get("id").getAsString(), title, job.body(), version + 1, job));
        }
        String id = done.get("id").getAsString();
        for (CopyJob.Figure f : job.figures()) {
            attach(id, f);
        }
        return new Written(id, link(done, id));
    }

    private JsonObject pageJson(String id, String title, String storage, int version, CopyJob job) {
        JsonObject body = new JsonObject();
        body.addProperty("representation", "storage");
        body.addProperty("value", storage);
        JsonObject p = new JsonObject();
        if (id != null) {
            p.addProperty("id", id);
        }
        p.addProperty("status", "current");
        p.addProperty("title", title);
        p.add("body", body);
        if (id == null) {
            p.addProperty("spaceId", spaceId);
            if (parentId != null) {
                p.addProperty("parentId", parentId);
            }
        } else {
            JsonObject v = new JsonObject();
            v.addProperty("number", version);
            v.addProperty("message", "Published again by " + job.publishedBy() + " in Slack");
            p.add("version", v);
        }
        return p;
    }

    private Optional<JsonObject> get(String id) throws CopyFailure {
        try {
            return Optional.of(send("GET", "/wiki/api/v2/pages/" + id, null));
        } catch (CopyFailure f) {
            if (f.getMessage().contains("HTTP 404")) {
                return Optional.empty(); // deleted in Confluence: look it up by title, or make it again
            }
            throw f;
        }
    }

    private Optional<JsonObject> byTitle(String title) throws CopyFailure {
        JsonObject found = send("GET", "/wiki/api/v2/pages?space-id=" + enc(spaceId) + "&title=" + enc(title)
                + "&status=current", null);
        JsonArray results = found.getAsJsonArray("results");
        return results == null || results.isEmpty() ? Optional.empty() : Optional.of(results.get(0).getAsJsonObject());
    }

    /** Creates the attachment, or a new version of the one of that name (PUT on the page's attachments, REST v1). */
    private void attach(String pageId, CopyJob.Figure f) throws CopyFailure {
        String boundary = "coe-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f.name()
                + "\"\r\nContent-Type: image/png\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(f.png());
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"minorEdit\"\r\n\r\ntrue\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = request("/wiki/rest/api/content/" + pageId + "/child/attachment")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Atlassian-Token", "no-check")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        answer(r);
    }

    private JsonObject send(String method, String path, JsonObject json) throws CopyFailure {
        HttpRequest.Builder b = request(path).header("Accept", "application/json");
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.toString()));
        }
        JsonElement e = JsonParser.parseString(answer(b.build()));
        if (!e.isJsonObject()) {
            throw new CopyFailure(CopyFailure.Kind.DOWN, "Confluence answered something that is not a page.", null);
        }
        return e.getAsJsonObject();
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(site + path)).timeout(timeout).header("Authorization", "Basic " + basic);
    }

    /** The body of a 2xx; otherwise the failure, in words that quote only Confluence's status and its own message. */
    private String answer(HttpRequest r) throws CopyFailure {
        HttpResponse<String> res;
        try {
            res = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CopyFailure(CopyFailure.Kind.TIMEOUT, "Confluence did not answer in time.", null);
        } catch (IOException e) {
            throw new CopyFailure(CopyFailure.Kind.DOWN, "Confluence could not be reached.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopyFailure(CopyFailure.Kind.TIMEOUT, "stopped while Confluence was answering.", null);
        }
        int status = res.statusCode();
        if (status >= 200 && status < 300) {
            return res.body();
        }
        String said = message(res.body());
        if (status == 429) {
            long seconds = res.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d+"))
                    .map(Long::parseLong).orElse(30L);
            Instant when = clock.instant().plusSeconds(seconds);
            throw new CopyFailure(CopyFailure.Kind.RATE_LIMITED, "Confluence asked us to wait (HTTP 429).", when);
        }
        if (status == 401 || status == 403) {
            throw new CopyFailure(CopyFailure.Kind.REFUSED, "Confluence refused our credentials (HTTP " + status + said
                    + "); check COE_CONFLUENCE_EMAIL and COE_CONFLUENCE_API_TOKEN.", null);
        }
        throw new CopyFailure(status >= 500 ? CopyFailure.Kind.DOWN : CopyFailure.Kind.REFUSED,
                "Confluence answered HTTP " + status + said + ".", null);
    }

    /** Confluence's own words from an error body ({"errors":[{"title":…}]} in v2, {"message":…} in v1), short. */
    private static String message(String body) {
        try {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            String m = null;
            if (o.has("errors") && o.getAsJsonArray("errors").size() > 0) {
                JsonObject first = o.getAsJsonArray("errors").get(0).getAsJsonObject();
                m = first.has("title") ? first.get("title").getAsString() : null;
            } else if (o.has("message")) {
                m = o.get("message").getAsString();
            }
            return m == null || m.isBlank() ? "" : ": " + (m.length() > 200 ? m.substring(0, 199) + "…" : m);
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private String link(JsonObject page, String id) {
        JsonObject links = page.has("_links") ? page.getAsJsonObject("_links") : null;
        String webui = links != null && links.has("webui") ? links.get("webui").getAsString() : null;
        String base = links != null && links.has("base") ? links.get("base").getAsString() : site + "/wiki";
        return webui == null ? site + "/wiki/pages/viewpage.action?pageId=" + enc(id) : base + webui;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
