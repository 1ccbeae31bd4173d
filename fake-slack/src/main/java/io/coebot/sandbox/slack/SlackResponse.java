package io.coebot.sandbox.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The app's HTTP answer to a request Slack sent (the "ack").
 *
 * @param status  HTTP status
 * @param body    response body, "" when empty
 * @param headers response headers (names as the server sent them)
 * @param elapsed time from sending to the full answer; Slack gives up after 3 s
 */
public record SlackResponse(int status, String body, Map<String, List<String>> headers, Duration elapsed) {

    public boolean isOk() {
        return status == 200;
    }

    /** First value of a header, case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The body as a JSON object, or null when it is empty or not a JSON object. */
    public JsonObject json() {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonElement e = Json.parse(body);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /**
     * What the person who sent the command reads: the ack's {@code text} and the text of its blocks
     * when the body is a Slack message, else the raw body.
     */
    public String visibleText() {
        JsonObject o = json();
        if (o == null) {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        if (o.has("text") && o.get("text").isJsonPrimitive()) {
            sb.append(o.get("text").getAsString());
        }
        if (o.has("blocks") && o.get("blocks").isJsonArray()) {
            String blocks = BlockKitText.visibleText(null, o.get("blocks").getAsJsonArray(), null);
            if (!blocks.isEmpty()) {
                sb.append(sb.length() > 0 ? "\n" : "").append(blocks);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "HTTP " + status + " in " + elapsed.toMillis() + " ms: " + Json.truncate(body, 300);
    }
}
