package io.coebot.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.coebot.store.ThreadRoutes;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the outbox to Slack after commit: one message at a time, in order per channel,
 * honouring 429 Retry-After and backing off on server errors. A message Slack refuses for good
 * (bot not in the channel…) is marked failed and explained to whoever asked, through the
 * command's response_url. Sending never touches the state that decided the message.
 */
@Singleton
public class SlackGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SlackGateway.class);
    /** Server errors back off to one try a minute; this is about an hour of Slack trouble. */
    private static final int MAX_ATTEMPTS = 60;

    private final Slack slack;
    private final SlackSettings settings;
    private final Outbox outbox;
    private final TransactionOperations<Connection> tx;
    private final CardAnchors anchors;
    private final ThreadRoutes routes;
    private final BeanProvider<Outbox.SentListener> listeners;
    private final Duration pollEvery;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slack-outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    /** The last error of a POST whose answer never came: Slack may have it. */
    static final String MAYBE_POSTED = "maybe_posted";
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile boolean running;

    public SlackGateway(Slack slack, SlackSettings settings, Outbox outbox, TransactionOperations<Connection> tx,
                        CardAnchors anchors, ThreadRoutes routes, BeanProvider<Outbox.SentListener> listeners,
                        @Value("${coe.outbox.poll-millis:500}") long pollMillis) {
        this.slack = slack;
        this.settings = settings;
        this.outbox = outbox;
        this.tx = tx;
        this.anchors = anchors;
        this.routes = routes;
        this.listeners = listeners;
        this.pollEvery = Duration.ofMillis(pollMillis);
    }

    /** The bot's Web API client, for the few calls that must happen while a person waits (views.open, users.info). */
    public MethodsClient methods() {
        return slack.methods(settings.botToken());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.ready()) {
            return;
        }
        running = true;
        // Polling also picks up what a previous run committed but never sent, and retries that fell due.
        worker.scheduleWithFixedDelay(this::wake, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onEnqueued(Outbox.Enqueued event) {
        if (running) {
            wake();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void wake() {
        if (drainQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                drainQueued.set(false);
            }
        }
    }

    private void drain() {
        drainQueued.set(false);
        try {
            while (running && Instant.now().isAfter(pausedUntil) && tx.executeWrite(status -> sendOne())) {
                // keep going while there is work
            }
        } catch (Exception e) {
            if (running) {
                // The class only: a database error's text can quote the row (answers, response_url).
                LOG.warn("Outbox paused until the next poll: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** @return whether a message was handled (sent, failed or rescheduled) */
    private boolean sendOne() {
        Instant now = Instant.now();
        var claimed = outbox.claimNext(now);
        if (claimed.isEmpty()) {
            return false;
        }
        Outbox.PendingMessage pending = claimed.get();
        OutboundMessage m = pending.message();
        String ts;
        try {
            ts = alreadyPosted(pending).orElse(null);
            if (ts == null) {
                ts = deliver(m);
            }
        } catch (SlackRefusal refusal) {
            return handleRefusal(pending, refusal, now);
        } catch (RuntimeException e) {
            return handleRefusal(pending, SlackRefusal.transientFailure(e.getClass().getSimpleName()), now);
        }
        // Slack has the message: from here on nothing may undo "sent", or it would be posted again.
        outbox.markSent(pending.id(), ts);
        afterSend(pending, ts);
        return true;
    }

    /** The features record what became of a posted message; "sent" itself is already written. */
    private void afterSend(Outbox.PendingMessage pending, String ts) {
        OutboundMessage m = pending.message();
        boolean isCard = m.cardOfCoe() != null && m.kind() == OutboundMessage.Kind.POST;
        if (m.onSent() == null && !isCard) {
            return;
        }
        behindSavepoint(pending, "posted", () -> {
            if (isCard) {
                anchors.cardPosted(m.cardOfCoe(), m.channelId(), ts);
            }
            if (m.onSent() != null) {
                listeners.forEach(l -> l.sent(m.onSent(), pending, ts));
            }
        });
    }

    private void notifyFailed(Outbox.PendingMessage pending) {
        String tag = pending.message().onSent();
        if (tag != null) {
            behindSavepoint(pending, "failed", () -> listeners.forEach(l -> l.failed(tag, pending)));
        }
    }

    /**
     * Runs what the features record behind a savepoint: if it fails, it is logged and rolled back
     * alone, and the outbox row keeps its status, so a sent message is never posted again.
     */
    private void behindSavepoint(Outbox.PendingMessage pending, String outcome, Runnable work) {
        Connection connection = tx.getConnection();
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            work.run();
            connection.releaseSavepoint(savepoint);
        } catch (Exception e) {
            LOG.error("Recording outbox message {} as {} failed: {}", pending.id(), outcome, e.getClass().getSimpleName());
            if (savepoint != null) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException rollback) {
                    LOG.warn("Rolling back to the savepoint failed: {}", rollback.getSQLState());
                }
            }
        }
    }

    private boolean handleRefusal(Outbox.PendingMessage pending, SlackRefusal refusal, Instant now) {
        OutboundMessage m = pending.message();
        switch (refusal.kind) {
            case RATE_LIMITED -> {
                // Waiting is Slack's instruction, not a failed attempt.
                Instant until = now.plusSeconds(refusal.retryAfterSeconds);
                outbox.retryAt(pending.id(), until, "ratelimited", false);
                pausedUntil = until;
                LOG.info("Slack asked us to wait {} s (429); outbox resumes then", refusal.retryAfterSeconds);
                return false;
            }
            case TRANSIENT -> {
                if (pending.attempts() + 1 >= MAX_ATTEMPTS) {
                    outbox.markFailed(pending.id(), refusal.error);
                    LOG.warn("Gave up on outbox message {} after {} attempts: {}", pending.id(), MAX_ATTEMPTS, refusal.error);
                    notifyFailed(pending);
                    return true;
                }
                long backoff = Math.min(60, 1L << Math.min(pending.attempts(), 6));
                outbox.retryAt(pending.id(), now.plusSeconds(backoff), refusal.error, true);
                return false;
            }
            default -> {
                outbox.markFailed(pending.id(), refusal.error);
                LOG.warn("Slack refused outbox message {} ({} in {}): {}", pending.id(), m.kind(), m.channelId(), refusal.error);
                notifyFailed(pending);
                if (m.responseUrl() != null) {
                    explain(m.responseUrl(), refusal.explanation());
                }
                return true;
            }
        }
    }

    private String deliver(OutboundMessage m) throws SlackRefusal {
        MethodsClient api = methods();
        try {
            return switch (m.kind()) {
                case POST -> {
                    String threadTs = m.threadOwnerKind() == null ? null : threadTs(m);
                    var r = api.chatPostMessage(b -> b.channel(m.channelId()).threadTs(threadTs).text(m.text())
                            .blocksAsString(m.blocksJson()).unfurlLinks(false));
                    yield ok(r).getTs();
                }
                case UPLOAD -> {
                    // files upload v2: Slack's three steps (get an upload URL, upload, complete) in one SDK call
                    var r = api.filesUploadV2(b -> b.channel(m.channelId()).filename(m.fileName()).title(m.fileName())
                            .content(m.text()).initialComment(m.blocksJson()));
                    ok(r);
                    yield r.getFile() == null ? null : r.getFile().getId();
                }
                case UPDATE -> {
                    String ts = m.cardOfCoe() != null
                            ? anchors.cardTs(m.cardOfCoe()).orElseThrow(() -> SlackRefusal.permanent("card_not_posted"))
                            : threadTs(m);
                    var r = api.chatUpdate(b -> b.channel(m.channelId()).ts(ts).text(m.text()).blocksAsString(m.blocksJson()));
                    yield ok(r).getTs();
                }
            };
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                String after = e.getResponse().header("Retry-After");
                throw SlackRefusal.rateLimited(parseSeconds(after));
            }
            if (code >= 500) {
                throw SlackRefusal.transientFailure("http_" + code);
            }
            throw SlackRefusal.fromError(e.getError() != null ? e.getError().getError() : "http_" + code);
        } catch (InterruptedIOException e) {
            // Slack may have posted it and only the answer was lost: the retry looks before posting again.
            throw SlackRefusal.transientFailure(m.kind() == OutboundMessage.Kind.POST ? MAYBE_POSTED : e.getClass().getSimpleName());
        } catch (IOException e) {
            throw SlackRefusal.transientFailure(e.getClass().getSimpleName());
        }
    }

    /**
     * After a POST timed out, the message may be in Slack already. chat.postMessage has no idempotency key, so the
     * retry first reads the conversation (or the thread) since the message was queued, for the bot's own message
     * with the same text: found, it is taken as sent, and nothing is posted twice.
     */
    private java.util.Optional<String> alreadyPosted(Outbox.PendingMessage pending) throws SlackRefusal {
        OutboundMessage m = pending.message();
        if (m.kind() != OutboundMessage.Kind.POST || !MAYBE_POSTED.equals(pending.lastError())) {
            return java.util.Optional.empty();
        }
        String oldest = pending.createdAt().minusSeconds(1).getEpochSecond() + ".000000";
        try {
            List<com.slack.api.model.Message> recent;
            if (m.threadOwnerKind() == null) {
                var r = methods().conversationsHistory(b -> b.channel(m.channelId()).oldest(oldest).limit(100));
                recent = r.isOk() ? r.getMessages() : List.of();
            } else {
                String threadTs = threadTs(m);
                var r = methods().conversationsReplies(b -> b.channel(m.channelId()).ts(threadTs).oldest(oldest).limit(200));
                recent = r.isOk() ? r.getMessages() : List.of();
            }
            return recent == null ? java.util.Optional.empty() : recent.stream()
                    .filter(x -> x.getBotId() != null && java.util.Objects.equals(x.getText(), m.text()))
                    .map(com.slack.api.model.Message::getTs).findFirst();
        } catch (IOException | SlackApiException e) {
            // cannot tell: posting again is better than never posting
            return java.util.Optional.empty();
        }
    }

    /** The ts of the thread the message goes into (or whose root it edits), known only once its root was posted. */
    private String threadTs(OutboundMessage m) throws SlackRefusal {
        var ts = ThreadRoutes.COE_CARD.equals(m.threadOwnerKind())
                ? anchors.cardTs(m.threadOwnerId())
                : routes.threadTsOf(m.teamId(), m.channelId(), m.threadOwnerKind(), m.threadOwnerId());
        return ts.orElseThrow(() -> SlackRefusal.permanent(ThreadRoutes.COE_CARD.equals(m.threadOwnerKind())
                ? "card_not_posted" : "thread_not_posted"));
    }

    /**
     * Tells whoever ran the command why their message could not be posted. Best effort: a
     * response_url lasts 30 minutes and 5 uses, and there is nothing to retry once it is gone.
     */
    private void explain(String url, String text) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", false);
        body.addProperty("text", text);
        try {
            WebhookResponse r = slack.send(url, body.toString());
            if (r.getCode() >= 300) {
                LOG.info("Could not explain a refused message through response_url (HTTP {})", r.getCode());
            }
        } catch (IOException e) {
            LOG.info("Could not explain a refused message through response_url ({})", e.getClass().getSimpleName());
        }
    }

    private static <T extends SlackApiTextResponse> T ok(T response) throws SlackRefusal {
        if (!response.isOk()) {
            throw SlackRefusal.fromError(response.getError());
        }
        return response;
    }

    private static long parseSeconds(String header) {
        try {
            return header == null ? 1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
