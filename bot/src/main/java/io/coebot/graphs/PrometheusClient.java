package io.coebot.graphs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.TimelineTime;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the configured server for {@code /api/v1/query_range} (POSTed as a form, which every Prometheus-compatible
 * server takes, so a long query never meets a URL length limit) and reads the matrix it answers. Every way it can go
 * wrong ends as a {@link QueryAnswer.Refused} with a sentence saying what happened, never an exception: the server's
 * own error text for a bad query, no data, too many points, a timeout, a server that is down, a web page where JSON
 * was expected.
 *
 * <p>The answer is read as a stream and counted as it comes: past {@link #MAX_POINTS} points (Prometheus's own limit
 * per series, here over the whole answer, which is what one image can hold) reading stops, so a query matching
 * thousands of series cannot fill the heap.
 */
@Singleton
class PrometheusClient {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusClient.class);
    static final int MAX_POINTS = 11_000;
    /** Of an error body shown to people: Prometheus's messages are one line; a proxy's page can be anything. */
    private static final int ERROR_TEXT_MAX = 400;

    private final PrometheusSettings settings;
    private final HttpClient http;

    public PrometheusClient(PrometheusSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @param deadline how long the whole exchange may take (the slash command waits longer than a modal can) */
    QueryAnswer queryRange(String query, IncidentWindow window, Duration deadline) {
        if (!settings.configured()) {
            return new QueryAnswer.Refused(settings.notConfigured());
        }
        String server = settings.server();
        String form = "query=" + enc(query) + "&start=" + seconds(window.from()) + "&end=" + seconds(window.to())
                + "&step=" + window.step().getSeconds() + "s"
                // the server's own limit, so a query slower than our wait is cut short there too
                + "&timeout=" + Math.max(1, deadline.toSeconds()) + "s";
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.api("api/v1/query_range"))
                .timeout(deadline)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (settings.userInfo() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    settings.userInfo().getBytes(StandardCharsets.UTF_8)));
        }
        for (PrometheusSettings.Header h : settings.headers()) {
            try {
                request.setHeader(h.name(), h.value());
            } catch (IllegalArgumentException e) {
                // the JDK refuses some names (Host, Connection…): say which, never the value
                return new QueryAnswer.Refused("COE_PROMETHEUS_HEADERS sets `" + h.name() + "`, a header that cannot be "
                        + "sent from here. Nothing was stored.");
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new QueryAnswer.Refused("Prometheus at " + server + " did not answer within "
                    + String.format(java.util.Locale.ROOT, "%.1f s", deadline.toMillis() / 1000.0)
                    + ". Nothing was stored: try again, or a lighter query (fewer series, a shorter range in `rate()`).");
        } catch (ConnectException e) {
            return new QueryAnswer.Refused("Prometheus at " + server + " cannot be reached (the connection was refused): "
                    + "is it running, and is COE_PROMETHEUS_URL right? Nothing was stored.");
        } catch (IOException e) {
            LOG.info("Prometheus query failed: {}", e.getClass().getSimpleName());
            return new QueryAnswer.Refused("Prometheus at " + server + " did not answer (" + e.getClass().getSimpleName()
                    + "). Nothing was stored: try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QueryAnswer.Refused("The query was stopped before Prometheus answered. Nothing was stored.");
        }
        try (InputStream body = response.body()) {
            return read(response, body, query, window, server);
        } catch (IOException e) {
            return new QueryAnswer.Refused("Prometheus at " + server + " stopped answering halfway ("
                    + e.getClass().getSimpleName() + "). Nothing was stored: try again.");
        }
    }

    private QueryAnswer read(HttpResponse<InputStream> response, InputStream body, String query, IncidentWindow window,
                             String server) throws IOException {
        int code = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (!type.contains("json")) {
            String what = type.contains("html") ? "a web page" : type.isEmpty() ? "something that is not JSON" : "`" + type + "`";
            return new QueryAnswer.Refused("The server at " + server + " answered HTTP " + code + " with " + what
                    + ", not the Prometheus API's JSON" + (code == 401 || code == 403 ? " (it refused our credentials: check "
                    + "COE_PROMETHEUS_HEADERS)" : "") + ". Is COE_PROMETHEUS_URL the address of the Prometheus API? "
                    + "Nothing was stored.");
        }
        if (code >= 300 || code < 200) {
            // Prometheus explains a bad query (400), a failed evaluation (422), a timeout or overload (503) in JSON
            return new QueryAnswer.Refused(errorOf(body, code, server));
        }
        List<Series> series = new ArrayList<>();
        try (JsonReader json = new JsonReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String status = null;
            String resultType = null;
            String error = null;
            int points = 0;
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                switch (name) {
                    case "status" -> status = json.nextString();
                    case "error" -> error = json.nextString();
                    case "data" -> {
                        json.beginObject();
                        while (json.hasNext()) {
                            String field = json.nextName();
                            if (field.equals("resultType")) {
                                resultType = json.nextString();
                            } else if (field.equals("result") && json.peek() == JsonToken.BEGIN_ARRAY
                                    && (resultType == null || resultType.equals("matrix"))) {
                                json.beginArray();
                                while (json.hasNext()) {
                                    Series s = series(json, MAX_POINTS - points);
                                    if (s == null) {
                                        return tooMany(series.size() + 1);
                                    }
                                    points += s.size();
                                    series.add(s);
                                }
                                json.endArray();
                            } else {
                                json.skipValue();
                            }
                        }
                        json.endObject();
                    }
                    default -> json.skipValue();
                }
            }
            if (!"success".equals(status)) {
                return new QueryAnswer.Refused("Prometheus could not run that query: " + shown(error == null ? "(no reason given)" : error));
            }
            if (resultType != null && !resultType.equals("matrix")) {
                return new QueryAnswer.Refused("That query gives a " + resultType + ", not series over time. "
                        + "Graph an instant vector expression, e.g. `sum(rate(http_requests_total[5m]))`. Nothing was stored.");
            }
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            return new QueryAnswer.Refused("The server at " + server + " answered with JSON that is not a Prometheus "
                    + "query result. Is COE_PROMETHEUS_URL the address of the Prometheus API? Nothing was stored.");
        }
        if (series.isEmpty() || series.stream().allMatch(s -> s.size() == 0)) {
            return new QueryAnswer.Refused("No data: `" + EchoedText.typed(query) + "` has no samples from "
                    + TimelineTime.utc(window.from()) + " to " + TimelineTime.utc(window.to()) + " on " + server
                    + ". Check the metric's name and labels (Prometheus's own page shows what exists), or the COE's "
                    + "trigger and resolution times. Nothing was stored.");
        }
        return new QueryAnswer.Data(series);
    }

    /** One {@code {"metric": {...}, "values": [[t, "v"], ...]}}; null once it would pass {@code room} points. */
    private static Series series(JsonReader json, int room) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        long[] times = new long[64];
        double[] values = new double[64];
        int n = 0;
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (name.equals("metric")) {
                json.beginObject();
                while (json.hasNext()) {
                    labels.put(json.nextName(), json.nextString());
                }
                json.endObject();
            } else if (name.equals("values")) {
                json.beginArray();
                while (json.hasNext()) {
                    if (n >= room) {
                        return null;
                    }
                    json.beginArray();
                    double t = json.nextDouble();
                    String v = json.nextString();
                    json.endArray();
                    if (n == times.length) {
                        times = java.util.Arrays.copyOf(times, n * 2);
                        values = java.util.Arrays.copyOf(values, n * 2);
                    }
                    times[n] = Math.round(t * 1000);
                    values[n] = parse(v);
                    n++;
                }
                json.endArray();
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return new Series(labels, java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
    }

    private static double parse(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    private static QueryAnswer tooMany(int seriesSoFar) {
        return new QueryAnswer.Refused("That query returns more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_POINTS)
                + " points (" + seriesSoFar + "+ series over the incident), more than one graph can show. Narrow it with "
                + "labels or aggregate it, e.g. `sum by (code) (rate(http_requests_total[5m]))`. Nothing was stored.");
    }

    private static String errorOf(InputStream body, int code, String server) throws IOException {
        byte[] bytes = body.readNBytes(64 * 1024);
        try {
            JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                String error = o.has("error") && o.get("error").isJsonPrimitive() ? o.get("error").getAsString() : null;
                String type = o.has("errorType") && o.get("errorType").isJsonPrimitive() ? o.get("errorType").getAsString() : null;
                if (error != null) {
                    String prefix = "timeout".equals(type) ? "Prometheus gave up on that query (too slow): "
                            : code == 401 || code == 403 ? "Prometheus at " + server + " refused our credentials (check "
                            + "COE_PROMETHEUS_HEADERS): "
                            : "Prometheus could not run that query: ";
                    return prefix + shown(error) + " Nothing was stored.";
                }
            }
        } catch (JsonParseException ignored) {
            // fall through: not the API's JSON
        }
        return "The server at " + server + " answered HTTP " + code + " without a Prometheus error. Nothing was stored.";
    }

    /** The server's words, escaped for Slack and cut to a readable length. */
    private static String shown(String error) {
        String oneLine = error.replaceAll("\\s+", " ").strip();
        String cut = oneLine.length() > ERROR_TEXT_MAX ? oneLine.substring(0, ERROR_TEXT_MAX - 1) + "…" : oneLine;
        return "`" + EchoedText.typed(cut).replace("`", "'") + "`";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String seconds(Instant t) {
        return String.valueOf(t.getEpochSecond());
    }
}
