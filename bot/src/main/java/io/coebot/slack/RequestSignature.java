package io.coebot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.RequestHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Slack's signing rule as Slack states it: the HMAC over the exact body, and a timestamp no more than five minutes
 * away from now in either direction. Bolt's own check refuses only old timestamps, so a request signed for the future
 * (a captured signing oracle, a badly set clock) would stay replayable for as long as its timestamp lies ahead.
 */
final class RequestSignature {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    /** @param signingSecret null when none is configured: then no HTTP request is genuine */
    RequestSignature(String signingSecret, Clock clock) {
        this.generator = signingSecret == null ? null : new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    boolean isGenuine(RequestHeaders headers, String body) {
        String timestamp = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = headers.getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (generator == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > WINDOW.toSeconds()) {
            return false;
        }
        String expected = generator.generate(timestamp, body == null ? "" : body);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
