package io.coebot.graphs;

import io.coebot.testing.FakePrometheus;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.MilestoneTimes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults a real Prometheus cannot produce on demand, against a loopback fake that follows the API's contract:
 * each ends in a sentence saying what happened, and the credentials never appear in one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusClientTest {
    static final Instant TRIGGER = Instant.parse("2026-11-19T14:00:00Z");
    static final IncidentWindow WINDOW = IncidentWindow.of(MilestoneTimes.of(Map.of(Milestone.TRIGGER, TRIGGER,
            Milestone.RESOLVED, TRIGGER.plusSeconds(3600))), TRIGGER.plusSeconds(86_400)).orElseThrow();
    static final String SECRET = "Bearer s3cr3t-t0ken-never-shown";

    private final FakePrometheus fake = FakePrometheus.start();

    @AfterAll
    void stop() {
        fake.close();
    }

    private PrometheusClient client(String url) {
        return new PrometheusClient(new PrometheusSettings(url, "Authorization: " + SECRET + "; X-Scope-OrgID: team-a", 10_000));
    }

    @Test
    void seriesComeBackWithTheQueryTheWindowTheStepAndTheHeadersSent() {
        fake.answering(FakePrometheus.Mode.DATA).withSeries(3);
        QueryAnswer a = client(fake.url()).queryRange("sum by (instance) (rate(checkout_errors_total[5m]))", WINDOW, Duration.ofSeconds(5));
        QueryAnswer.Data data = assertInstanceOf(QueryAnswer.Data.class, a);
        assertEquals(3, data.series().size());
        assertEquals(301, data.series().get(0).size(), "about 300 points over the window, both ends included");
        FakePrometheus.Call call = fake.calls().get(fake.calls().size() - 1);
        assertEquals("sum by (instance) (rate(checkout_errors_total[5m]))", call.form().get("query"));
        assertEquals(String.valueOf(WINDOW.from().getEpochSecond()), call.form().get("start"));
        assertEquals(WINDOW.step().getSeconds() + "s", call.form().get("step"));
        assertEquals(SECRET, call.headers().get("Authorization").get(0));
        assertEquals("team-a", call.headers().get("X-scope-orgid").get(0));
    }

    @Test
    void aSlowServerIsATimeoutSaidInWords() {
        fake.answering(FakePrometheus.Mode.SLOW).slowFor(3_000);
        long start = System.nanoTime();
        QueryAnswer a = client(fake.url()).queryRange("up", WINDOW, Duration.ofMillis(700));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String why = refused(a);
        assertTrue(why.contains("did not answer within 0.7 s"), why);
        assertTrue(took < 2_500, "gave up after the deadline, not after the server: " + took + " ms");
    }

    @Test
    void anHtmlErrorPageIsNotTakenForTheApi() {
        fake.answering(FakePrometheus.Mode.HTML_ERROR);
        String why = refused(client(fake.url()).queryRange("up", WINDOW, Duration.ofSeconds(5)));
        assertTrue(why.contains("answered HTTP 502 with a web page, not the Prometheus API's JSON"), why);
    }

    @Test
    void aServerThatIsDownIsSaidToBeUnreachable() {
        String why = refused(client(FakePrometheus.downUrl()).queryRange("up", WINDOW, Duration.ofSeconds(5)));
        assertTrue(why.contains("cannot be reached"), why);
    }

    @Test
    void theServersOwnErrorTextIsShownForABadQuery() {
        fake.answering(FakePrometheus.Mode.BAD_QUERY);
        String why = refused(client(fake.url()).queryRange("rate(", WINDOW, Duration.ofSeconds(5)));
        assertTrue(why.contains("Prometheus could not run that query: `1:6: parse error: unclosed left parenthesis`"), why);
    }

    @Test
    void refusedCredentialsNameTheSettingNotTheSecret() {
        fake.answering(FakePrometheus.Mode.UNAUTHORIZED);
        String why = refused(client(fake.url()).queryRange("up", WINDOW, Duration.ofSeconds(5)));
        assertTrue(why.contains("COE_PROMETHEUS_HEADERS"), why);
        assertFalse(why.contains("s3cr3t"), why);
    }

    @Test
    void noSeriesIsNoData() {
        fake.answering(FakePrometheus.Mode.EMPTY);
        String why = refused(client(fake.url()).queryRange("checkout_errors{job=\"nope\"}", WINDOW, Duration.ofSeconds(5)));
        assertTrue(why.startsWith("No data: `checkout_errors{job=\"nope\"}` has no samples from Thu 19 Nov 2026 13:30 UTC"), why);
    }

    @Test
    void moreThanElevenThousandPointsAreRefusedWhileReading() {
        fake.answering(FakePrometheus.Mode.DATA).withSeries(40); // 40 × 301 points
        String why = refused(client(fake.url()).queryRange("checkout_errors", WINDOW, Duration.ofSeconds(5)));
        assertTrue(why.contains("more than 11,000 points"), why);
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndNeverShown() {
        fake.answering(FakePrometheus.Mode.DATA).withSeries(1);
        String url = fake.url().replace("http://", "http://grafana:pa55word@") + "/";
        PrometheusSettings settings = new PrometheusSettings(url, "", 5_000);
        assertEquals(fake.url(), settings.server());
        assertFalse(settings.toString().contains("pa55word"));
        assertInstanceOf(QueryAnswer.Data.class, new PrometheusClient(settings).queryRange("up", WINDOW, Duration.ofSeconds(5)));
        String auth = fake.calls().get(fake.calls().size() - 1).headers().get("Authorization").get(0);
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("grafana:pa55word".getBytes()), auth);
        PrometheusSettings withHeaders = new PrometheusSettings(fake.url(), "Authorization: " + SECRET, 5_000);
        assertFalse(withHeaders.toString().contains("s3cr3t"), withHeaders.toString());
    }

    @Test
    void settingsThatCannotWorkSaySoWithoutTheSecret() {
        assertEquals(false, new PrometheusSettings("", "", 1000).configured());
        assertTrue(new PrometheusSettings("", "", 1000).notConfigured().contains("COE_PROMETHEUS_URL"));
        assertTrue(new PrometheusSettings("ftp://x", "", 1000).notConfigured().contains("http:// or https://"));
        PrometheusSettings badHeaders = new PrometheusSettings("http://x:9090", "no colon s3cr3t", 1000);
        assertFalse(badHeaders.configured());
        assertTrue(badHeaders.notConfigured().contains("`Name: value`"), badHeaders.notConfigured());
        assertFalse(badHeaders.notConfigured().contains("s3cr3t"));
    }

    private static String refused(QueryAnswer a) {
        return assertInstanceOf(QueryAnswer.Refused.class, a, () -> "expected a refusal, got " + a).reason();
    }
}
