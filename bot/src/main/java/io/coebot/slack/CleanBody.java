package io.coebot.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A request body with {@link SlackText#clean} applied to every string in it, before Bolt parses it into the objects
 * features read. Working on the wire format (a JSON document, or form fields of which {@code payload} is JSON) rather
 * than on Bolt's payload classes covers every kind of request and every field, including ones no feature reads
 * yet, with nothing to keep in step when Slack or Bolt add fields. A body that is not what it claims to be is left
 * as it is: Bolt refuses it as before.
 */
final class CleanBody {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private CleanBody() {}

    static String of(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return json(body);
        }
        return form(body);
    }

    private static String json(String body) {
        try {
            JsonElement tree = JsonParser.parseString(body);
            JsonElement clean = clean(tree);
            return clean == tree ? body : GSON.toJson(clean);
        } catch (JsonParseException | IllegalStateException e) {
            return body;
        }
    }

    /** {@code a=b&c=d}: every value decoded, cleaned (as JSON when it is the interactivity payload), encoded again. */
    private static String form(String body) {
        if (!body.contains("=")) {
            return body;
        }
        StringJoiner out = new StringJoiner("&");
        boolean changed = false;
        try {
            for (String pair : body.split("&", -1)) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                String cleanKey = SlackText.clean(key);
                String cleanValue = value == null ? null : key.equals("payload") ? json(value) : SlackText.clean(value);
                changed |= !cleanKey.equals(key) || (value != null && !cleanValue.equals(value));
                out.add(encode(cleanKey) + (cleanValue == null ? "" : "=" + encode(cleanValue)));
            }
        } catch (IllegalArgumentException e) {
            return body;
        }
        return changed ? out.toString() : body;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The same tree where nothing needed cleaning, so a clean body is passed on byte for byte. */
    private static JsonElement clean(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            String c = SlackText.clean(s);
            return c.equals(s) ? e : new JsonPrimitive(c);
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            boolean changed = false;
            for (JsonElement x : e.getAsJsonArray()) {
                JsonElement c = clean(x);
                changed |= c != x;
                out.add(c);
            }
            return changed ? out : e;
        }
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            boolean changed = false;
            for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
                String key = SlackText.clean(x.getKey());
                JsonElement c = clean(x.getValue());
                changed |= c != x.getValue() || !key.equals(x.getKey());
                out.add(key, c);
            }
            return changed ? out : e;
        }
        return e;
    }
}
