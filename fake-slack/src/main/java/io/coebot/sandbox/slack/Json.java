package io.coebot.sandbox.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.Collection;
import java.util.Map;

/** Small Gson helpers shared by the harness; Slack shapes are built as trees, not as classes. */
final class Json {

    /** Slack omits absent fields in Web API answers. */
    static final Gson GSON = new Gson();
    /** Interactivity payloads carry explicit nulls (e.g. an empty select in view state). */
    static final Gson GSON_WITH_NULLS = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }

    /** Builds an object from key/value pairs; a null value leaves the key out. */
    static JsonObject obj(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v != null) {
                o.add((String) keyValues[i], toJson(v));
            }
        }
        return o;
    }

    static JsonArray arr(Object... values) {
        JsonArray a = new JsonArray();
        for (Object v : values) {
            a.add(toJson(v));
        }
        return a;
    }

    static JsonElement toJson(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof JsonElement e) {
            return e;
        }
        if (v instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Collection<?> c) {
            JsonArray a = new JsonArray();
            c.forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> o.add(String.valueOf(k), toJson(x)));
            return o;
        }
        throw new IllegalArgumentException("cannot convert " + v.getClass() + " to JSON");
    }

    static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }

    static JsonObject parseObject(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /** The string at {@code path} (dot separated object keys), or null when absent or not a primitive. */
    static String str(JsonObject o, String path) {
        JsonElement e = at(o, path);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static JsonObject objAt(JsonObject o, String path) {
        JsonElement e = at(o, path);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static JsonArray arrAt(JsonObject o, String path) {
        JsonElement e = at(o, path);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    static JsonElement at(JsonObject o, String path) {
        if (o == null) {
            return null;
        }
        JsonElement cur = o;
        for (String key : path.split("\\.")) {
            if (cur == null || !cur.isJsonObject()) {
                return null;
            }
            cur = cur.getAsJsonObject().get(key);
        }
        return cur == null || cur.isJsonNull() ? null : cur;
    }

    static boolean bool(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? p.getAsBoolean() : "true".equalsIgnoreCase(p.getAsString());
    }

    static String truncate(String s, int max) {
        if (s == null) {
            return "null";
        }
        String flat = s.replace("\n", "⏎");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + " chars)";
    }
}
