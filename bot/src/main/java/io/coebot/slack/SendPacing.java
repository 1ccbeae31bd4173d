package io.coebot.slack;

import io.coebot.store.OutboundMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the outbox may next call Slack for a message. Two reasons to wait, each as narrow as Slack's own rule:
 * <ul>
 *   <li>a 429's Retry-After pauses the method that answered it, in that workspace; chat.postMessage's limit is per
 *   channel, so its pause holds that channel only. The rest of the outbox goes on.</li>
 *   <li>one message is edited at most once a {@link #EDIT_PACE}: a COE card is an overview, not a log, so answers
 *   that arrive within a second become one edit (the newer queued edit replaces the older, see the outbox).</li>
 * </ul>
 * In memory and per instance: a second instance that does not know of a pause gets its own 429 and waits too.
 */
final class SendPacing {
    static final Duration EDIT_PACE = Duration.ofSeconds(1);
    /** Beyond this many remembered waits, those already over are swept out. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Instant> until = new ConcurrentHashMap<>();

    /** The Web API method that delivers this message. */
    static String methodOf(OutboundMessage m) {
        return switch (m.kind()) {
            case POST -> "chat.postMessage";
            case UPDATE -> "chat.update";
            case UPLOAD -> "files.upload";
        };
    }

    /** Reading a conversation to find a message that may already be there (history, replies and opening a DM). */
    static final String LOOKUP = "conversations.history";

    /**
     * The moment before which this message must not be sent, if that is still ahead. {@code lookingFirst}: it will
     * be looked up in Slack before it is sent, so a pause of the lookup methods holds it too.
     */
    Optional<Instant> holdUntil(OutboundMessage m, boolean lookingFirst, Instant now) {
        Instant latest = null;
        for (String key : lookingFirst
                ? new String[]{limitKey(m, methodOf(m)), limitKey(m, LOOKUP), editKey(m)}
                : new String[]{limitKey(m, methodOf(m)), editKey(m)}) {
            Instant t = key == null ? null : until.get(key);
            if (t != null && t.isAfter(now) && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Slack answered 429 to {@code method} (null: the message's own) while this message was being sent. */
    void rateLimited(OutboundMessage m, String method, Instant resumeAt) {
        remember(limitKey(m, method == null ? methodOf(m) : method), resumeAt);
    }

    /** An edit of this message went through at {@code at}; the next waits {@link #EDIT_PACE}. */
    void edited(OutboundMessage m, Instant at) {
        String key = editKey(m);
        if (key != null) {
            remember(key, at.plus(EDIT_PACE));
        }
    }

    private void remember(String key, Instant t) {
        until.merge(key, t, (a, b) -> a.isAfter(b) ? a : b);
        if (until.size() > SWEEP_ABOVE) {
            Instant longOver = t.minus(Duration.ofMinutes(10));
            until.values().removeIf(v -> v.isBefore(longOver));
        }
    }

    private static String limitKey(OutboundMessage m, String method) {
        // Slack: chat.postMessage allows about one message a second per channel; other methods are limited per workspace.
        return "chat.postMessage".equals(method)
                ? "limit|" + m.teamId() + "|" + method + "|" + m.channelId()
                : "limit|" + m.teamId() + "|" + method;
    }

    /** The message an UPDATE edits: a card, a thread's root, or a message by its ts; the same key in every instance. */
    private static String editKey(OutboundMessage m) {
        if (m.kind() != OutboundMessage.Kind.UPDATE) {
            return null;
        }
        return "edit|" + m.teamId() + "|" + m.channelId() + "|" + m.cardOfCoe() + "|" + m.threadOwnerKind() + "|"
                + m.threadOwnerId() + "|" + m.messageTs();
    }
}
