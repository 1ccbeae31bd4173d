package io.coebot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for a Prometheus HTTP API server, for what a real one cannot be made to do on demand: be slow,
 * answer a proxy's HTML error page, refuse credentials, or answer more series than a graph can hold. It follows the
 * API's contract for {@code POST /api/v1/query_range} (a form with query, start, end, step; a JSON envelope with
 * {@code status}, {@code data.resultType = "matrix"}, {@code data.result[].metric/values}; errors as
 * {@code {"status":"error","errorType":…,"error":…}}), and records every call with its headers.
 */
public final class FakePrometheus implements AutoCloseable {
    /** How the next queries are answered. */
    public enum Mode { DATA, SLOW, HTML_ERROR, BAD_QUERY, EMPTY, UNAUTHORIZED }

    /** One query as received. */
    public record Call(Map<String, String> form, Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Mode mode = Mode.DATA;
    private volatile int series = 2;
    private volatile long slowMillis = 5_000;

    private FakePrometheus() throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-prometheus");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/v1/query_range", this::queryRange);
        server.start();
    }

    public static FakePrometheus start() {
        try {
            return new FakePrometheus();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loopback address where nothing listens: a server that is down. */
    public static String downUrl() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakePrometheus answering(Mode m) {
        mode = m;
        return this;
    }

    public FakePrometheus withSeries(int n) {
        series = n;
        return this;
    }

    public FakePrometheus slowFor(long millis) {
        slowMillis = millis;
        return this;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void queryRange(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST") && !ex.getRequestMethod().equals("GET")) {
                send(ex, 405, "application/json", "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"method\"}");
                return;
            }
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body.isEmpty() ? ex.getRequestURI().getRawQuery() : body);
            calls.add(new Call(form, Map.copyOf(ex.getRequestHeaders())));
            switch (mode) {
                case SLOW -> {
                    try {
                        Thread.sleep(slowMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(ex, 200, "application/json", matrix(form));
                }
                case HTML_ERROR -> send(ex, 502, "text/html; charset=utf-8",
                        "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
                case BAD_QUERY -> send(ex, 400, "application/json",
                        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:6: parse error: unclosed left parenthesis\"}");
                case UNAUTHORIZED -> send(ex, 401, "text/plain; charset=utf-8", "Unauthorized\n");
                case EMPTY -> send(ex, 200, "application/json",
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
                default -> send(ex, 200, "application/json", matrix(form));
            }
        }
    }

    /** {@link #series} series over the asked window, one point a step, as Prometheus answers (values as strings). */
    private String matrix(Map<String, String> form) {
        double start = Double.parseDouble(form.getOrDefault("start", "0"));
        double end = Double.parseDouble(form.getOrDefault("end", "0"));
        double step = Double.parseDouble(form.getOrDefault("step", "60").replace("s", ""));
        StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        for (int s = 0; s < series; s++) {
            sb.append(s == 0 ? "" : ",").append("{\"metric\":{\"__name__\":\"checkout_errors\",\"instance\":\"host-").append(s)
                    .append("\"},\"values\":[");
            int i = 0;
            for (double t = start; t <= end; t += step, i++) {
                sb.append(i == 0 ? "" : ",").append('[').append((long) t).append(",\"").append(s + (i % 7)).append("\"]");
            }
            sb.append("]}");
        }
        return sb.append("]}}").toString();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        try {
            ex.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException closedByClient) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
