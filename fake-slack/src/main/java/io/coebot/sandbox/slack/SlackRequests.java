package io.coebot.sandbox.slack;

import com.google.gson.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests to the app the way Slack does: {@code POST {baseUrl}/slack/events}, signed with
 * {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:ts:body"))}.
 * Variants ({@link #unsigned()}, {@link #withWrongSignature()}, {@link #withStaleTimestamp()}) are for
 * the security tests. Immutable and thread-safe.
 */
public final class SlackRequests {

    public static final String EVENTS_PATH = "/slack/events";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    /** How a request is signed. */
    public enum Signing { VALID, UNSIGNED, WRONG_SIGNATURE, STALE_TIMESTAMP }

    private final String baseUrl;
    private final String signingSecret;
    private final HttpClient http;
    private final Signing signing;
    private final Duration staleBy;
    private final Duration timeout;
    private final Clock clock;

    /** @param baseUrl the app, e.g. "http://127.0.0.1:8080" */
    public SlackRequests(String baseUrl, String signingSecret) {
        this(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl, signingSecret,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build(),
                Signing.VALID, Duration.ofMinutes(6), Duration.ofSeconds(10), Clock.systemUTC());
    }

    private SlackRequests(String baseUrl, String signingSecret, HttpClient http, Signing signing, Duration staleBy,
                          Duration timeout, Clock clock) {
        this.baseUrl = baseUrl;
        this.signingSecret = signingSecret;
        this.http = http;
        this.signing = signing;
        this.staleBy = staleBy;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Same requests without X-Slack-Signature / X-Slack-Request-Timestamp. */
    public SlackRequests unsigned() {
        return with(Signing.UNSIGNED, staleBy);
    }

    /** Same requests signed with another secret (well-formed, wrong). */
    public SlackRequests withWrongSignature() {
        return with(Signing.WRONG_SIGNATURE, staleBy);
    }

    /** Same requests with a timestamp 6 minutes old, correctly signed for that timestamp. */
    public SlackRequests withStaleTimestamp() {
        return with(Signing.STALE_TIMESTAMP, Duration.ofMinutes(6));
    }

    public SlackRequests withStaleTimestamp(Duration age) {
        return with(Signing.STALE_TIMESTAMP, age);
    }

    /** Same requests with another client timeout (default 10 s). */
    public SlackRequests withTimeout(Duration timeout) {
        return new SlackRequests(baseUrl, signingSecret, http, signing, staleBy, timeout, clock);
    }

    /** Same requests stamped with another clock (the signature follows the timestamp). */
    public SlackRequests withClock(Clock clock) {
        return new SlackRequests(baseUrl, signingSecret, http, signing, staleBy, timeout, clock);
    }

    private SlackRequests with(Signing s, Duration age) {
        return new SlackRequests(baseUrl, signingSecret, http, s, age, timeout, clock);
    }

    public String eventsUrl() {
        return baseUrl + EVENTS_PATH;
    }

    public Signing signing() {
        return signing;
    }

    /** A slash command, form-encoded with the given fields (see SlashCommandPayload: token, team_id, command, text…). */
    public SlackResponse slashCommand(Map<String, String> fields) {
        return post(FORM, formEncode(fields), Map.of());
    }

    /** An Events API envelope ({@code event_callback}) as JSON. */
    public SlackResponse event(String eventCallbackJson) {
        return event(eventCallbackJson, Map.of());
    }

    /** An Events API envelope with extra headers such as X-Slack-Retry-Num / X-Slack-Retry-Reason. */
    public SlackResponse event(String eventCallbackJson, Map<String, String> extraHeaders) {
        return post(JSON, eventCallbackJson, extraHeaders);
    }

    /** An interactivity payload (block_actions, view_submission, message_action…): form body {@code payload=<json>}. */
    public SlackResponse interactivity(String payloadJson) {
        return post(FORM, "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8), Map.of());
    }

    /** The Events API handshake; the app must answer with the challenge. */
    public SlackResponse urlVerification(String challenge) {
        JsonObject body = Json.obj("token", "fake-verification-token", "challenge", challenge, "type", "url_verification");
        return post(JSON, body.toString(), Map.of());
    }

    /** Any body, signed according to this instance's {@link Signing}. */
    public SlackResponse post(String contentType, String body, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(eventsUrl()))
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        long now = clock.instant().getEpochSecond();
        switch (signing) {
            case VALID -> sign(request, String.valueOf(now), body, signingSecret);
            case WRONG_SIGNATURE -> sign(request, String.valueOf(now), body, signingSecret + "-not-the-secret");
            case STALE_TIMESTAMP -> sign(request, String.valueOf(now - staleBy.getSeconds()), body, signingSecret);
            case UNSIGNED -> {
                // no signature headers at all
            }
        }
        extraHeaders.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new SlackResponse(response.statusCode(), response.body() == null ? "" : response.body(),
                    response.headers().map(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + eventsUrl() + " failed after "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sign(HttpRequest.Builder request, String timestamp, String body, String secret) {
        request.header("X-Slack-Request-Timestamp", timestamp);
        request.header("X-Slack-Signature", signature(secret, timestamp, body));
    }

    /** {@code v0=} + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)), over the body's UTF-8 bytes. */
    public static String signature(String signingSecret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** application/x-www-form-urlencoded, in the map's order, as Slack encodes slash commands. */
    public static String formEncode(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
