package io.coebot.service;

import io.coebot.actions.NudgeRun;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.RunningApp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator scrapes GET /metrics (COE_METRICS_ENABLED=true) and reads, in Prometheus's text format: Slack's
 * requests by type with latency histograms, the outbox's Web API calls by method and result, the queues, nudges, the
 * JVM and the database pool — and never a token or anything a person wrote. Where Debian's promtool is installed,
 * it checks the exposition too.
 */
class MetricsEndToEndTest extends EndToEnd {
    /** name{labels} value, as the text format writes a sample. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("micronaut.metrics.enabled", true);
    }

    @Test
    void theScrapeShowsSlackTheQueuesAndTheJvmAndNoSecretOrText() throws Exception {
        Person alice = ws.user("U0ALICE51", "alice", "UTC");
        Channel channel = ws.channel("inc-metrics");
        alice.runs("/coe start Very secret outage title", channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains("Very secret outage title"));
        app.bean(NudgeRun.class).runAsIfSendTimeForEveryone(clock.instant());
        slack.await("everything is sent", () -> app.unsentMessages() == 0);

        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        String text = r.body();
        Map<String, Double> samples = parse(text);

        assertTrue(sum(samples, "coe_slack_requests_seconds_count", "type=\"command\"") >= 1, "the /coe start: " + names(samples).toString());
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("coe_slack_requests_seconds_bucket{")), "a histogram");
        assertTrue(sum(samples, "coe_slack_api_calls_total", "method=\"chat.postMessage\",result=\"ok\"") >= 1, names(samples).toString());
        assertEquals(0.0, samples.get("coe_outbox_unsent"), "nothing left to send");
        assertTrue(samples.containsKey("coe_outbox_oldest_unsent_age_seconds"));
        assertTrue(samples.containsKey("coe_inbox_unhandled"));
        assertTrue(sum(samples, "coe_nudges_queued_total", "kind=\"digest\"") >= 1, "alice's COE to finish: " + names(samples).toString());
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")), "JVM binders");
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("hikaricp_connections")), "the database pool: " + names(samples).toString());

        assertFalse(text.contains(RunningApp.BOT_TOKEN) || text.contains(RunningApp.SIGNING_SECRET), "no secret");
        assertFalse(text.contains("secret outage") || text.contains("U0ALICE51") || text.contains(channel.id()),
                "no text, user or channel in any label");

        Path promtool = Path.of("/usr/bin/promtool");
        if (Files.isExecutable(promtool)) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            // promtool exits 3 for lint warnings (naming advice) and 1 for an exposition it cannot parse
            assertTrue(p.exitValue() == 0 || p.exitValue() == 3, "promtool check metrics: " + p.exitValue() + " " + out);
        } else {
            System.out.println("promtool not installed: the exposition was parsed by this test only");
        }
    }

    @Test
    void readinessSaysTheDatabaseIsReachable() throws Exception {
        HttpResponse<String> ready = get("/health/readiness");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("UP"), ready.body());
        HttpResponse<String> live = get("/health/liveness");
        assertEquals(200, live.statusCode(), live.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Double> parse(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.strip());
            assertTrue(m.matches(), "a sample line: " + line);
            out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return out;
    }

    private static double sum(Map<String, Double> samples, String name, String labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(labels))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static List<String> names(Map<String, Double> samples) {
        return samples.keySet().stream().map(k -> k.replaceAll("\\{.*", "")).distinct().sorted().toList();
    }
}
