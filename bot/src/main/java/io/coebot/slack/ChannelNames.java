package io.coebot.slack;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A channel's name (conversations.info), for text read outside Slack, where "#C00017WZ7CK" names nothing. Kept in
 * memory for a day: channels are few, renamed rarely, and a wrong name for a day in an export is harmless. Asks
 * Slack, so call it outside transactions.
 */
@Singleton
public class ChannelNames {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelNames.class);
    private static final Duration FRESH = Duration.ofDays(1);

    private record Known(String name, Instant fetchedAt) {}

    private final SlackGateway slack;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private final Clock clock;

    public ChannelNames(SlackGateway slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    /** "inc-checkout" without the "#"; empty when Slack cannot tell (and asked again next time). */
    public Optional<String> nameOf(String teamId, String channelId) {
        Instant now = clock.instant();
        String key = teamId + "/" + channelId;
        Known k = known.get(key);
        if (k != null && k.fetchedAt().plus(FRESH).isAfter(now)) {
            return Optional.of(k.name());
        }
        try {
            var info = slack.methods(teamId).conversationsInfo(b -> b.channel(channelId));
            if (info.isOk() && info.getChannel() != null && info.getChannel().getName() != null) {
                known.put(key, new Known(info.getChannel().getName(), now));
                return Optional.of(info.getChannel().getName());
            }
            LOG.info("conversations.info for a channel's name failed: {}", info.getError());
        } catch (Exception e) {
            LOG.info("conversations.info failed: {}", e.toString());
        }
        return Optional.empty();
    }
}
