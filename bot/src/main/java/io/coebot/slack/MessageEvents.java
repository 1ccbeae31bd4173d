package io.coebot.slack;

import com.slack.api.model.File;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import io.coebot.store.OwnerKind;
import io.coebot.store.Durability;
import io.coebot.store.ThreadRoutes;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one listener for message events. Each becomes one {@link ThreadMessage}, committed to the {@link MessageInbox}
 * before Slack gets its ack (one INSERT: the ack is as quick as a durable write can be, and nothing acknowledged is
 * lost). The inbox's workers then take the messages in order per channel: the thread is looked up once in
 * {@link ThreadRoutes}, and the message goes to the conversation that owns the thread, if any, and then to the
 * channel listeners (the timeline's capture, which follows every message of the channel). A feature never registers
 * for message events itself, so no two of them read one message in an order nobody chose, and a new conversation
 * only implements {@link Conversation}.
 */
@Singleton
final class MessageEvents implements SlackFeature {
    private static final Logger LOG = LoggerFactory.getLogger(MessageEvents.class);
    /** Longer than handling one message takes (a few Slack reads at most); a dead worker's message waits this long. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final ThreadRoutes routes;
    private final Map<OwnerKind, Conversation> conversations = new EnumMap<>(OwnerKind.class);
    private final List<ChannelListener> channelListeners;
    private final MessageInbox inbox;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final QueueWorkers workers;
    private final Duration pollEvery;
    /**
     * Per worker thread, the message it handled last, deleted with its next claim; those left are deleted at a clean
     * stop, so that a restart does not wait out their lease.
     */
    private final Map<Thread, Long> handledNotDeleted = new java.util.concurrent.ConcurrentHashMap<>();

    MessageEvents(ThreadRoutes routes, List<Conversation> conversations, List<ChannelListener> channelListeners,
                  MessageInbox inbox, TransactionOperations<Connection> tx, Clock clock,
                  @Value("${coe.inbox.workers:4}") int workerCount,
                  @Value("${coe.inbox.poll-millis:1000}") long pollMillis) {
        this.inbox = inbox;
        this.tx = tx;
        this.clock = clock;
        this.workers = new QueueWorkers("message-inbox", workerCount, this::handleNext);
        this.pollEvery = Duration.ofMillis(pollMillis);
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
            return accept(ctx, new ThreadMessage(ThreadMessage.Change.POSTED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    e.getUser(), e.getBotId() == null && isPerson(e.getUser(), ctx.getBotUserId()), e.getBotId() != null,
                    e.getTs(), e.getThreadTs(), e.getText(), ctx.getBotUserId()));
        });
        // "Also send to #channel" is a reply too.
        slack.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            return accept(ctx, new ThreadMessage(ThreadMessage.Change.POSTED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    e.getUser(), isPerson(e.getUser(), ctx.getBotUserId()), false, e.getTs(), e.getThreadTs(), e.getText(),
                    ctx.getBotUserId()));
        });
        slack.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            return accept(ctx, new ThreadMessage(ThreadMessage.Change.POSTED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    e.getUser(), isPerson(e.getUser(), ctx.getBotUserId()), false, e.getTs(), e.getThreadTs(),
                    withFiles(e.getText(), e.getFiles()), ctx.getBotUserId()));
        });
        slack.event(MessageChangedEvent.class, (payload, ctx) -> {
            MessageChangedEvent e = payload.getEvent();
            var m = e.getMessage();
            if (m == null || m.getTs() == null) {
                return ctx.ack();
            }
            return accept(ctx, new ThreadMessage(ThreadMessage.Change.EDITED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    m.getUser(), m.getBotId() == null && isPerson(m.getUser(), ctx.getBotUserId()), m.getBotId() != null,
                    m.getTs(), m.getThreadTs(), m.getText(), ctx.getBotUserId()));
        });
        slack.event(MessageDeletedEvent.class, (payload, ctx) -> {
            MessageDeletedEvent e = payload.getEvent();
            var previous = e.getPreviousMessage();
            if (e.getDeletedTs() == null) {
                return ctx.ack();
            }
            // Slack names the author of a deleted message only through the message as it was.
            boolean byBot = previous == null || previous.getBotId() != null;
            return accept(ctx, new ThreadMessage(ThreadMessage.Change.DELETED, payload.getTeamId(), e.getChannel(), payload.getEventId(),
                    previous == null ? null : previous.getUser(), !byBot, byBot, e.getDeletedTs(),
                    previous == null ? null : previous.getThreadTs(), null, ctx.getBotUserId()));
        });
    }

    @EventListener
    void onStartup(StartupEvent event) {
        // also what a previous run acknowledged and never handled
        workers.start(pollEvery);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.stop();
        if (!handledNotDeleted.isEmpty()) {
            try {
                tx.executeWrite(status -> {
                    handledNotDeleted.values().forEach(inbox::handled);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.info("Could not tidy the inbox at stop ({}); those messages are looked at again after their lease",
                        e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Committed, then acknowledged. Should the database refuse, Slack gets an error instead of the ack and delivers the
     * event again; a copy that arrives while the first is still queued is dropped at the door.
     */
    private Response accept(EventContext ctx, ThreadMessage m) {
        if (m.channelId() != null && m.ts() != null) {
            tx.executeWrite(status -> inbox.accept(m, clock.instant()));
            workers.wake();
        }
        return ctx.ack();
    }

    /**
     * One message from the inbox, handled; false when none is ready. The message this worker handled before is
     * deleted in the same commit as the next claim (one commit fewer per message; until then it holds its channel,
     * and this worker is the one that moves on). A worker that dies in between leaves it to be handled again after
     * its lease, which the features' event record makes a no-op.
     */
    private boolean handleNext(Runnable whenClaimed) {
        Thread worker = Thread.currentThread();
        Long handledBefore = handledNotDeleted.get(worker);
        var claimed = tx.executeWrite(status -> {
            if (handledBefore != null) {
                inbox.handled(handledBefore);
            }
            var next = inbox.claimNext(clock.instant(), LEASE);
            if (handledBefore != null || next.isPresent()) {
                // applies at the commit; a look that found nothing and deleted nothing writes nothing to flush
                Durability.flushLater(status.getConnection());
            }
            return next;
        });
        handledNotDeleted.remove(worker);
        if (claimed.isEmpty()) {
            return false;
        }
        MessageInbox.Claimed c = claimed.get();
        whenClaimed.run();
        try {
            // one transaction for the whole message: the conversation's change and the timeline's capture commit
            // together, and without waiting for the disk (see Durability)
            tx.executeWrite(status -> {
                Durability.flushLater(status.getConnection());
                route(c.message());
                return null;
            });
        } catch (RuntimeException e) {
            // The class only: the message's text may be in the exception's.
            Instant now = clock.instant();
            var again = tx.executeWrite(status -> inbox.failed(c, now, e.getClass().getSimpleName()));
            if (again.isEmpty()) {
                LOG.error("Gave up on message {} of channel {} after {} attempts ({}); it is kept as FAILED in message_inbox",
                        c.message().ts(), c.message().channelId(), c.attempts(), e.getClass().getSimpleName());
            } else {
                LOG.warn("Handling message {} of channel {} failed ({}); trying again shortly", c.message().ts(),
                        c.message().channelId(), e.getClass().getSimpleName());
                workers.wakeAfter(Duration.between(now, again.get()));
            }
            return true;
        }
        handledNotDeleted.put(worker, c.id());
        return true;
    }

    /** A message from the inbox always has its channel and ts ({@link #accept} stores no other). */
    private void route(ThreadMessage m) {
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
