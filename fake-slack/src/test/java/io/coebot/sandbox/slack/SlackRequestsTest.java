package io.coebot.sandbox.slack;

import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests are signed exactly as Slack signs them, checked against an independent HMAC and the Slack SDK's verifier. */
class SlackRequestsTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    record Captured(String method, String path, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private HttpServer server;
    private final List<Captured> captured = new CopyOnWriteArrayList<>();
    private SlackRequests requests;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", ex -> {
            captured.add(new Captured(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders(),
                    ex.getRequestBody().readAllBytes()));
            byte[] answer = "{\"response_type\":\"ephemeral\",\"text\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("X-Answer", "42");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        requests = new SlackRequests("http://127.0.0.1:" + server.getAddress().getPort() + "/", SECRET);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String hmacHex(String secret, String baseString) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    }

    private static SlackSignature.Verifier sdkVerifier() {
        return new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
    }

    @Test
    void signatureMatchesAVectorComputedByAnotherImplementation() {
        // computed independently with Python's hmac module over Slack's documentation sample request
        String body = "token=xyzz0WbapA4vBCDEbOTR1RRC&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        String signature = SlackRequests.signature(SECRET, "1531420618", body);

        assertEquals("v0=fa6515e2a74294f2ccb97cef8299266e4bb800b40e04ddd722df1382560a42a1", signature);
        assertEquals(new SlackSignature.Generator(SECRET).generate("1531420618", body), signature);
    }

    @Test
    void slashCommandsAreFormEncodedAndSignedOverTheExactBytes() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "fake-verification-token");
        fields.put("team_id", "T0001");
        fields.put("channel_id", "C0001");
        fields.put("user_id", "U_ALICE");
        fields.put("command", "/coe");
        fields.put("text", "start Base de données en panne ✓ & more");
        fields.put("response_url", "http://127.0.0.1:1/response/1");

        SlackResponse r = requests.slashCommand(fields);

        Captured c = captured.get(0);
        assertEquals("POST", c.method());
        assertEquals("/slack/events", c.path());
        assertEquals("application/x-www-form-urlencoded", c.header("Content-Type"));
        String ts = c.header("X-Slack-Request-Timestamp");
        assertTrue(Math.abs(Long.parseLong(ts) - Instant.now().getEpochSecond()) <= 2, ts);
        String expected = "v0=" + hmacHex(SECRET, "v0:" + ts + ":" + c.bodyText());
        assertEquals(expected, c.header("X-Slack-Signature"));
        assertTrue(sdkVerifier().isValid(ts, c.bodyText(), c.header("X-Slack-Signature")));
        Map<String, String> decoded = new LinkedHashMap<>();
        FakeSlack.parseForm(c.bodyText(), decoded);
        assertEquals(fields, decoded);
        assertEquals(List.copyOf(fields.keySet()), List.copyOf(decoded.keySet()), "field order is kept");
        assertEquals(200, r.status());
        assertEquals("42", r.header("x-answer"));
        assertEquals("ok", Json.str(r.json(), "text"));
    }

    @Test
    void eventsAreJsonWithRetryHeaders() throws Exception {
        String envelope = "{\"type\":\"event_callback\",\"event_id\":\"Ev0000000001\",\"event\":{\"type\":\"message\",\"text\":\"héllo\"}}";

        requests.event(envelope, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"));

        Captured c = captured.get(0);
        assertEquals("application/json", c.header("Content-Type"));
        assertArrayEquals(envelope.getBytes(StandardCharsets.UTF_8), c.body());
        assertEquals("2", c.header("X-Slack-Retry-Num"));
        assertEquals("http_timeout", c.header("X-Slack-Retry-Reason"));
        assertTrue(sdkVerifier().isValid(c.header("X-Slack-Request-Timestamp"), c.bodyText(), c.header("X-Slack-Signature")));
    }

    @Test
    void interactivityIsAFormWithAPayloadField() throws Exception {
        String payload = "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"interview_skip\",\"value\":\"q & a = ✓\"}]}";

        requests.interactivity(payload);

        Captured c = captured.get(0);
        assertEquals("application/x-www-form-urlencoded", c.header("Content-Type"));
        assertTrue(c.bodyText().startsWith("payload="));
        assertEquals(payload, URLDecoder.decode(c.bodyText().substring("payload=".length()), StandardCharsets.UTF_8));
        assertTrue(sdkVerifier().isValid(c.header("X-Slack-Request-Timestamp"), c.bodyText(), c.header("X-Slack-Signature")));
    }

    @Test
    void urlVerificationCarriesTheChallenge() {
        requests.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

        var body = Json.parseObject(captured.get(0).bodyText());
        assertEquals("url_verification", Json.str(body, "type"));
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", Json.str(body, "challenge"));
    }

    @Test
    void unsignedRequestsCarryNoSignatureHeaders() {
        requests.unsigned().event("{}");

        assertNull(captured.get(0).header("X-Slack-Signature"));
        assertNull(captured.get(0).header("X-Slack-Request-Timestamp"));
    }

    @Test
    void aWrongSignatureIsWellFormedButInvalid() {
        requests.withWrongSignature().event("{\"type\":\"event_callback\"}");

        Captured c = captured.get(0);
        String sig = c.header("X-Slack-Signature");
        assertTrue(sig.matches("v0=[0-9a-f]{64}"), sig);
        assertFalse(sdkVerifier().isValid(c.header("X-Slack-Request-Timestamp"), c.bodyText(), sig));
    }

    @Test
    void aStaleTimestampIsSixMinutesOldAndCorrectlySignedForIt() {
        requests.withStaleTimestamp().interactivity("{\"type\":\"block_actions\"}");

        Captured c = captured.get(0);
        String ts = c.header("X-Slack-Request-Timestamp");
        long age = Instant.now().getEpochSecond() - Long.parseLong(ts);
        assertTrue(age >= 359 && age <= 362, "age " + age);
        long signedAtMillis = Long.parseLong(ts) * 1000;
        assertTrue(sdkVerifier().isValid(ts, c.bodyText(), c.header("X-Slack-Signature"), signedAtMillis),
                "the signature itself is right");
        assertFalse(sdkVerifier().isValid(ts, c.bodyText(), c.header("X-Slack-Signature")), "but it is too old now");
        assertFalse(SlackSignature.TimestampVerifier.isValidTimestamp(ts));
    }
}
