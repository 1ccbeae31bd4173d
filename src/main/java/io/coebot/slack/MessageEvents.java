package io.coebot.slack;

import com.slack.api.model.File;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import io.coebot.store.OwnerKind;
import io.coebot.store.ThreadRoutes;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one listener for message events. Each becomes one {@link ThreadMessage}, its thread is looked up once in
 * {@link ThreadRoutes}, and it goes to the conversation that owns the thread, if any, and then to the channel
 * listeners (the timeline's capture, which follows every message of the channel). A feature never registers for
 * message events itself, so no two of them read one message in an order nobody chose, and a new conversation only
 * implements {@link Conversation}.
 */
@Singleton
final class MessageEvents implements SlackFeature {
    private final ThreadRoutes routes;
    private final Map<OwnerKind, Conversation> conversations = new EnumMap<>(OwnerKind.class);
    private final List<ChannelListener> channelListeners;

    MessageEvents(ThreadRoutes routes, List<Conversation> conversations, List<ChannelListener> channelListeners) {
        this.routes = routes;
        for (Conversation c : conversations) {
            if (this.conversations.put(c.kind(), c) != null) {
                throw new IllegalStateException("Two conversations own " + c.kind() + " threads");
            }
        }
        this.channelListeners = List.copyOf(channelListeners);
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            route(new ThreadMessage(ThreadMessage.Change.POSTED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    e.getUser(), e.getBotId() == null && isPerson(e.getUser(), ctx.getBotUserId()), e.getBotId() != null,
                    e.getTs(), e.getThreadTs(), e.getText(), ctx.getBotUserId()));
            return ctx.ack();
        });
        // "Also send to #channel" is a reply too.
        slack.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            route(new ThreadMessage(ThreadMessage.Change.POSTED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    e.getUser(), isPerson(e.getUser(), ctx.getBotUserId()), false, e.getTs(), e.getThreadTs(), e.getText(),
                    ctx.getBotUserId()));
            return ctx.ack();
        });
        slack.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            route(new ThreadMessage(ThreadMessage.Change.POSTED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    e.getUser(), isPerson(e.getUser(), ctx.getBotUserId()), false, e.getTs(), e.getThreadTs(),
                    withFiles(e.getText(), e.getFiles()), ctx.getBotUserId()));
            return ctx.ack();
        });
        slack.event(MessageChangedEvent.class, (payload, ctx) -> {
            MessageChangedEvent e = payload.getEvent();
            var m = e.getMessage();
            if (m != null && m.getTs() != null) {
                route(new ThreadMessage(ThreadMessage.Change.EDITED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                        m.getUser(), m.getBotId() == null && isPerson(m.getUser(), ctx.getBotUserId()), m.getBotId() != null,
                        m.getTs(), m.getThreadTs(), m.getText(), ctx.getBotUserId()));
            }
            return ctx.ack();
        });
        slack.event(MessageDeletedEvent.class, (payload, ctx) -> {
            MessageDeletedEvent e = payload.getEvent();
            var previous = e.getPreviousMessage();
            if (e.getDeletedTs() != null) {
                // Slack names the author of a deleted message only through the message as it was.
                boolean byBot = previous == null || previous.getBotId() != null;
                route(new ThreadMessage(ThreadMessage.Change.DELETED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                        previous == null ? null : previous.getUser(), !byBot, byBot, e.getDeletedTs(),
                        previous == null ? null : previous.getThreadTs(), null, ctx.getBotUserId()));
            }
            return ctx.ack();
        });
    }

    void route(ThreadMessage m) {
        if (m.channelId() == null || m.ts() == null) {
            return;
        }
        if (isTurn(m)) {
            Optional<ThreadRoutes.Owner> owner = routes.ownerOf(m.teamId(), m.channelId(), m.threadTs());
            Conversation conversation = owner.map(o -> conversations.get(o.kind())).orElse(null);
            if (conversation != null) {
                conversation.onMessage(owner.get().id(), m);
            }
        }
        // Channel listeners hear every message, in owned threads too: any message can be pinned to the timeline, and
        // a pinned answer that is edited or deleted must change its entry as well (the timeline's capture is the
        // one exception to "routed once", as before).
        for (ChannelListener l : channelListeners) {
            l.onMessage(m);
        }
    }

    /**
     * What a conversation hears: a person's reply in a thread, or its edit or deletion. The bot's own messages (Slack
     * sends each back as an event), other bots' and top-level messages are no one's turn, and cost no lookup.
     */
    private static boolean isTurn(ThreadMessage m) {
        return m.human() && m.threadTs() != null && (m.change() != ThreadMessage.Change.POSTED || m.isReply());
    }

    private static boolean isPerson(String user, String ourBotUserId) {
        return user != null && !user.equals(ourBotUserId);
    }

    /** A screenshot of a graph is an answer too: its links join (or stand for) the text. */
    private static String withFiles(String text, List<File> files) {
        String links = files == null ? "" : files.stream()
                .filter(f -> f.getPermalink() != null)
                .map(f -> "<" + f.getPermalink() + "|" + (f.getName() == null ? "file" : EchoedText.typed(f.getName())) + ">")
                .collect(Collectors.joining(" "));
        if (links.isEmpty()) {
            return text;
        }
        return text == null || text.isBlank() ? links : text + "\n" + links;
    }
}
