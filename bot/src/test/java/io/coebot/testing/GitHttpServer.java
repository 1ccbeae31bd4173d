package io.coebot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Git's smart HTTP on loopback: Debian's {@code git http-backend} run as a CGI for each request by a small bridge,
 * behind HTTP basic authentication, so the https path of the Git copy (credentials, the smart protocol) is exercised
 * against real Git. Serves the repositories under {@code root} at {@code http://127.0.0.1:<port>/git/<name>}.
 */
public final class GitHttpServer implements AutoCloseable {
    private static final String BACKEND = "/usr/lib/git-core/git-http-backend";

    private final HttpServer server;
    private final Path root;
    private final String user;
    private final String password;

    public GitHttpServer(Path root, String user, String password) throws IOException {
        this.root = root;
        this.user = user;
        this.password = password;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/git/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    public static boolean available() {
        return new java.io.File(BACKEND).canExecute();
    }

    public String url(String repository) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/git/" + repository;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"coes\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            ProcessBuilder pb = new ProcessBuilder(BACKEND);
            Map<String, String> env = pb.environment();
            env.put("GIT_PROJECT_ROOT", root.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("REQUEST_METHOD", ex.getRequestMethod());
            env.put("PATH_INFO", ex.getRequestURI().getPath().substring("/git".length()));
            env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
            env.put("CONTENT_TYPE", ex.getRequestHeaders().getFirst("Content-Type") == null ? "" : ex.getRequestHeaders().getFirst("Content-Type"));
            env.put("CONTENT_LENGTH", String.valueOf(body.length));
            String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null) {
                env.put("HTTP_CONTENT_ENCODING", encoding);
            }
            String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
            if (protocol != null) {
                env.put("GIT_PROTOCOL", protocol);
            }
            // receive-pack is served to an authenticated user only
            env.put("REMOTE_USER", user);
            env.put("REMOTE_ADDR", "127.0.0.1");
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(body);
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            int headersEnd = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            int skip = 4;
            if (headersEnd < 0) {
                headersEnd = indexOf(out, "\n\n".getBytes(StandardCharsets.US_ASCII));
                skip = 2;
            }
            int status = 200;
            for (String line : new String(out, 0, Math.max(headersEnd, 0), StandardCharsets.ISO_8859_1).split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split(" ")[0]);
                } else {
                    ex.getResponseHeaders().add(name, value);
                }
            }
            byte[] content = java.util.Arrays.copyOfRange(out, headersEnd + skip, out.length);
            ex.sendResponseHeaders(status, content.length == 0 ? -1 : content.length);
            if (content.length > 0) {
                ex.getResponseBody().write(content);
            }
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
