package io.coebot.timeline;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import io.coebot.slack.MessageTs;
import io.coebot.slack.SlackGateway;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The timeline's reads of channel history through the Web API: one message (for a reaction on a message the bot
 * did not see), and pages of history and thread replies (for an import). Slack's refusals come back as
 * {@link ReadFailure}s that say whether and when to try again.
 */
@Singleton
class ChannelReader {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelReader.class);

    private final SlackGateway gateway;

    public ChannelReader(SlackGateway gateway) {
        this.gateway = gateway;
    }

    /** Why a read did not work: {@code retryAfterSeconds} for a 429, {@code transientFailure} for 5xx and I/O. */
    public static final class ReadFailure extends Exception {
        public final String error;
        public final long retryAfterSeconds;
        public final boolean transientFailure;

        ReadFailure(String error, long retryAfterSeconds, boolean transientFailure) {
            super(error, null, false, false);
            this.error = error;
            this.retryAfterSeconds = retryAfterSeconds;
            this.transientFailure = transientFailure;
        }

        public boolean rateLimited() {
            return retryAfterSeconds > 0;
        }
    }

    /** One page of messages and the cursor of the next (null when this was the last). */
    public record Page(List<Message> messages, String nextCursor) {
    }

    /**
     * The message with this ts: a top-level message through conversations.history, else a thread reply through
     * conversations.replies (which accepts the ts of any message of a thread). Empty when it no longer exists.
     */
    public Optional<TimelineStore.SeenMessage> message(String teamId, String channelId, String ts) throws ReadFailure {
        Optional<MessageTs> wanted = MessageTs.parse(ts);
        if (wanted.isEmpty()) {
            return Optional.empty(); // no message is written at a time that is not one
        }
        MethodsClient api = api(teamId);
        ConversationsHistoryResponse h = call(() -> api.conversationsHistory(r -> r.channel(channelId).latest(ts).oldest(ts)
                .inclusive(true).limit(1)));
        if (h.isOk() && h.getMessages() != null) {
            for (Message m : h.getMessages()) {
                if (MessageTs.parse(m.getTs()).equals(wanted)) {
                    return Optional.of(seen(channelId, m));
                }
            }
        } else if (!h.isOk()) {
            throw refusal(h.getError());
        }
        ConversationsRepliesResponse rr = call(() -> api.conversationsReplies(r -> r.channel(channelId).ts(ts).latest(ts)
                .oldest(ts).inclusive(true)));
        if (!rr.isOk()) {
            if ("thread_not_found".equals(rr.getError()) || "message_not_found".equals(rr.getError())) {
                return Optional.empty();
            }
            throw refusal(rr.getError());
        }
        return rr.getMessages() == null ? Optional.empty() : rr.getMessages().stream()
                .filter(m -> MessageTs.parse(m.getTs()).equals(wanted)).findFirst().map(m -> seen(channelId, m));
    }

    public Page history(String teamId, String channelId, String oldest, String latest, String cursor, int limit) throws ReadFailure {
        MethodsClient api = api(teamId);
        ConversationsHistoryResponse h = call(() -> api.conversationsHistory(r -> r.channel(channelId).oldest(oldest)
                .latest(latest).inclusive(true).limit(limit).cursor(cursor)));
        if (!h.isOk()) {
            throw refusal(h.getError());
        }
        String next = h.isHasMore() && h.getResponseMetadata() != null ? blankToNull(h.getResponseMetadata().getNextCursor()) : null;
        return new Page(h.getMessages() == null ? List.of() : h.getMessages(), next);
    }

    public Page replies(String teamId, String channelId, String threadTs, String oldest, String latest, String cursor, int limit)
            throws ReadFailure {
        MethodsClient api = api(teamId);
        ConversationsRepliesResponse r = call(() -> api.conversationsReplies(q -> q.channel(channelId).ts(threadTs)
                .oldest(oldest).latest(latest).inclusive(true).limit(limit).cursor(cursor)));
        if (!r.isOk()) {
            if ("thread_not_found".equals(r.getError())) {
                return new Page(List.of(), null);
            }
            throw refusal(r.getError());
        }
        String next = r.isHasMore() && r.getResponseMetadata() != null ? blankToNull(r.getResponseMetadata().getNextCursor()) : null;
        return new Page(r.getMessages() == null ? List.of() : r.getMessages(), next);
    }

    /** chat.getPermalink, or null when Slack cannot give one (the caller falls back to a built link). */
    public String permalink(String teamId, String channelId, String ts) {
        try {
            var r = gateway.methods(teamId).chatGetPermalink(b -> b.channel(channelId).messageTs(ts));
            if (r.isOk()) {
                return r.getPermalink();
            }
            LOG.info("chat.getPermalink failed: {}", r.getError());
        } catch (IOException | SlackApiException | io.coebot.slack.NotInstalled e) {
            LOG.info("chat.getPermalink failed: {}", e.getClass().getSimpleName());
        }
        return null;
    }

    static TimelineStore.SeenMessage seen(String channelId, Message m) {
        return new TimelineStore.SeenMessage(channelId, m.getTs(), m.getThreadTs(), m.getUser(),
                m.getBotId() != null || m.getBotProfile() != null, m.getText());
    }

    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** The workspace's client; one that uninstalled the app cannot be read, for good (nothing is asked of Slack). */
    private MethodsClient api(String teamId) throws ReadFailure {
        try {
            return gateway.methods(teamId);
        } catch (io.coebot.slack.NotInstalled e) {
            throw new ReadFailure(io.coebot.slack.NotInstalled.REASON, 0, false);
        }
    }

    private static <T> T call(Call<T> call) throws ReadFailure {
        try {
            return call.run();
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                throw new ReadFailure("ratelimited", parseSeconds(e.getResponse().header("Retry-After")), true);
            }
            if (code >= 500) {
                throw new ReadFailure("http_" + code, 0, true);
            }
            throw new ReadFailure(e.getError() != null ? e.getError().getError() : "http_" + code, 0, false);
        } catch (IOException e) {
            throw new ReadFailure(e.getClass().getSimpleName(), 0, true);
        }
    }

    private static ReadFailure refusal(String error) {
        boolean again = "ratelimited".equals(error) || "internal_error".equals(error) || "fatal_error".equals(error)
                || "service_unavailable".equals(error) || "request_timeout".equals(error);
        return new ReadFailure(error == null ? "unknown_error" : error, "ratelimited".equals(error) ? 1 : 0, again);
    }

    private static long parseSeconds(String header) {
        try {
            return header == null ? 1 : Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
