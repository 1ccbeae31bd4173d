package io.coebot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.MessageEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The baseline of the load benchmark: a Bolt {@link App} that only acks (signature checked, payload
 * parsed, listener matched, nothing stored), behind the JDK's HTTP server with a pool as large as
 * Micronaut's blocking executor would use. Same environment variables as the bot.
 */
public final class BareBoltApp {
    public static void main(String[] args) throws IOException {
        SlackConfig sc = new SlackConfig();
        sc.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
        sc.setStatsEnabled(false);
        App app = new App(AppConfig.builder().slack(Slack.getInstance(sc))
                .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
                .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
                .subtypedMessageEventsAutoAckEnabled(true).allEventsApiAutoAckEnabled(true).build());
        app.event(MessageEvent.class, (p, ctx) -> ctx.ack());
        app.blockAction(Pattern.compile(".*"), (r, ctx) -> ctx.ack());
        app.command("/coe", (r, ctx) -> ctx.ack());
        SlackRequestParser parser = new SlackRequestParser(app.config());

        int port = Integer.parseInt(System.getenv().getOrDefault("MICRONAUT_SERVER_PORT", "8081"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Math.max(8, 2 * Runtime.getRuntime().availableProcessors())));
        server.createContext("/health", ex -> answer(ex, 200, "{\"status\":\"UP\"}", "application/json"));
        server.createContext("/slack/events", ex -> {
            try {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                Request<?> req = parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events").headers(new RequestHeaders(headers)).requestBody(body)
                        .remoteAddress(ex.getRemoteAddress().getHostString()).build());
                if (req == null) {
                    answer(ex, 400, "Not a Slack request", "text/plain");
                    return;
                }
                Response r = app.run(req);
                answer(ex, r.getStatusCode(), r.getBody() == null ? "" : r.getBody(),
                        r.getContentType() == null ? "text/plain" : r.getContentType());
            } catch (Exception e) {
                answer(ex, 500, "error", "text/plain");
            }
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    private static void answer(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
