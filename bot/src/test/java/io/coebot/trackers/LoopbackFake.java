package io.coebot.trackers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * What every fake tracker on loopback shares: the server, the record of calls, the scripted faults (an error status
 * with headers such as Retry-After, or an answer that comes only after the work is done and the client gave up) and
 * being down (each connection dropped without an answer). Subclasses check the credentials and answer per the
 * service's contract.
 */
abstract class LoopbackFake implements AutoCloseable {
    /** One call as received. */
    record Call(String method, String path, String query, String body) {}

    private record Fault(Predicate<Call> when, int status, Map<String, String> headers, String body, long delayAfterWorkMillis) {}

    protected record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private volatile boolean down;

    protected LoopbackFake(String name) {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The next {@code n} calls matching {@code when} get {@code status}, the headers and {@code body}. */
    void failNext(int n, Predicate<Call> when, int status, Map<String, String> headers, String body) {
        for (int i = 0; i < n; i++) {
            faults.add(new Fault(when, status, headers, body, 0));
        }
    }

    /** The next matching call is done, but its answer comes only after {@code millis} (past the client's timeout). */
    void slowAfterWork(Predicate<Call> when, long millis) {
        faults.add(new Fault(when, 0, Map.of(), null, millis));
    }

    /** Down: every connection is dropped without an answer. */
    void down(boolean down) {
        this.down = down;
    }

    protected abstract boolean authorized(HttpExchange ex);

    protected abstract Answer unauthorized();

    protected abstract Answer answer(Call call) throws IOException;

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (down) {
                return; // closed without a status line: the client sees the connection end
            }
            URI uri = ex.getRequestURI();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Call call = new Call(ex.getRequestMethod(), uri.getPath(), uri.getRawQuery(), body);
            calls.add(call);
            if (!authorized(ex)) {
                send(ex, unauthorized());
                return;
            }
            Fault fault = takeFault(call);
            if (fault != null && fault.status() > 0) {
                send(ex, new Answer(fault.status(), fault.body(), fault.headers()));
                return;
            }
            Answer a;
            synchronized (this) {
                a = answer(call);
            }
            if (fault != null && fault.delayAfterWorkMillis() > 0) {
                try {
                    Thread.sleep(fault.delayAfterWorkMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            send(ex, a);
        } catch (RuntimeException e) {
            send(ex, new Answer(500, "{\"message\":\"Server Error\"}", Map.of()));
        }
    }

    private Fault takeFault(Call call) {
        for (Fault f : faults) {
            if (f.when().test(call) && faults.remove(f)) {
                return f;
            }
        }
        return null;
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        byte[] bytes = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), a.status() == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && a.status() != 204) {
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
