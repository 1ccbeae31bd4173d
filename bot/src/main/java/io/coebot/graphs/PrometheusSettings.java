package io.coebot.graphs;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the graphs' data comes from (README, Configuration): {@code COE_PROMETHEUS_URL}, the base address of any
 * server speaking the Prometheus HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics; a path prefix such as
 * {@code /prometheus} is kept), and {@code COE_PROMETHEUS_HEADERS}, sent with every query (auth, a tenant id).
 *
 * <p>The headers are a secret: they are only ever handed to the HTTP client, never to a log line, an answer, the
 * database, or {@link #toString()}. The server is shown and stored as {@link #server()}, which drops any
 * {@code user:password@} and query string the URL may carry.
 */
@Singleton
class PrometheusSettings {
    private final URI base;
    private final String problem;
    private final List<Header> headers;
    private final String headersProblem;
    private final Duration timeout;

    /** One header to send; its value never leaves this class except into a request. */
    record Header(String name, String value) {
        @Override
        public String toString() {
            return name + ": (hidden)";
        }
    }

    public PrometheusSettings(@Value("${coe.prometheus.url:}") String url,
                              @Value("${coe.prometheus.headers:}") String headers,
                              @Value("${coe.prometheus.timeout-millis:10000}") long timeoutMillis) {
        URI parsed = null;
        String why = null;
        if (url != null && !url.isBlank()) {
            try {
                parsed = new URI(url.strip());
                String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
                    why = "COE_PROMETHEUS_URL must be an http:// or https:// address, such as http://prometheus:9090";
                    parsed = null;
                }
            } catch (URISyntaxException e) {
                why = "COE_PROMETHEUS_URL is not a web address (" + e.getReason() + ")";
            }
        }
        this.base = parsed;
        this.problem = why;
        List<Header> read = new ArrayList<>();
        String headersWhy = null;
        if (headers != null && !headers.isBlank()) {
            for (String line : headers.split("[;\\n]")) {
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                String name = colon <= 0 ? "" : line.substring(0, colon).strip();
                if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                    // which header is malformed may be said; its value may not
                    headersWhy = "COE_PROMETHEUS_HEADERS must be `Name: value` pairs separated by `;` (entry "
                            + (read.size() + 1) + " is not)";
                    break;
                }
                read.add(new Header(name, line.substring(colon + 1).strip()));
            }
        }
        this.headers = headersWhy == null ? List.copyOf(read) : List.of();
        this.headersProblem = headersWhy;
        this.timeout = Duration.ofMillis(Math.max(100, timeoutMillis));
    }

    /** Whether graphs can be drawn at all. */
    public boolean configured() {
        return base != null && headersProblem == null;
    }

    /** Why graphs cannot be drawn, as a sentence for the person who asked; null when they can. */
    public String notConfigured() {
        if (problem != null) {
            return problem + ".";
        }
        if (base == null) {
            return "Graphs need a Prometheus: ask whoever runs coe-bot to set COE_PROMETHEUS_URL (any server speaking "
                    + "the Prometheus HTTP API: Prometheus, Thanos, Mimir, VictoriaMetrics).";
        }
        return headersProblem == null ? null : headersProblem + ".";
    }

    /** The API's address for {@code path} ("api/v1/query_range"), under the configured prefix. */
    URI api(String path) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        try {
            return new URI(base.getScheme(), null, base.getHost(), base.getPort(), prefix + "/" + path,
                    null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** user:password in the URL, which the JDK client does not send by itself: as Basic auth. */
    String userInfo() {
        return base.getUserInfo();
    }

    List<Header> headers() {
        return headers;
    }

    Duration timeout() {
        return timeout;
    }

    /** The server as people may see it and as it is stored: scheme, host, port and path, no credentials. */
    public String server() {
        if (base == null) {
            return null;
        }
        String port = base.getPort() < 0 ? "" : ":" + base.getPort();
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return base.getScheme() + "://" + base.getHost() + port + path;
    }

    @Override
    public String toString() {
        return "PrometheusSettings[" + server() + ", " + headers.size() + " header(s), timeout " + timeout.toMillis() + " ms]";
    }
}
