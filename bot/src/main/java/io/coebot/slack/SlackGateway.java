package io.coebot.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import io.coebot.store.Durability;
import io.coebot.store.MessageOwner;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends the outbox to Slack after commit: a pool of senders, in parallel across channels and in order within one,
 * honouring 429 Retry-After (for the method, or the channel, that got it) and backing off on server errors. A message Slack refuses for good
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
    private final BeanProvider<Outbox.Owner> owners;
    private final Duration pollEvery;
    private final QueueWorkers senders;
    private final SendPacing pacing = new SendPacing();
    /** Per sender thread: the channel it sent in last, whose next message it tries first. */
    private final ThreadLocal<OutboundMessage> lastSent = new ThreadLocal<>();
    private final Duration lease;
    /** Marks the bot's messages so that one whose fate is unknown can be found again (Slack's message metadata). */
    static final String METADATA_TYPE = "coe_bot_outbox";
    /** Pages of history read when looking for a message that may have been sent (200 messages each). */
    private static final int LOOKUP_CALLS = 4;
    private volatile boolean running;
    private final Clock clock;
    private final WorkspaceTokens tokens;

    public SlackGateway(Slack slack, SlackSettings settings, WorkspaceTokens tokens, Outbox outbox, TransactionOperations<Connection> tx,
                        CardAnchors anchors, ThreadRoutes routes, BeanProvider<Outbox.Owner> owners,
                        @Value("${coe.outbox.poll-millis:500}") long pollMillis,
                        @Value("${coe.slack.read-timeout-millis:8000}") long readTimeoutMillis,
                        @Value("${coe.outbox.lease-millis:0}") long leaseMillis,
                        @Value("${coe.outbox.senders:8}") int senderCount, SlackMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.slack = slack;
        this.clock = clock;
        this.settings = settings;
        this.tokens = tokens;
        this.outbox = outbox;
        this.tx = tx;
        this.anchors = anchors;
        this.routes = routes;
        this.owners = owners;
        this.pollEvery = Duration.ofMillis(pollMillis);
        this.senders = new QueueWorkers("slack-outbox", senderCount, this::sendOne);
        // Longer than any one attempt can take (each Web API call is cut at read timeout + 2 s; an attempt makes at
        // most LOOKUP_CALLS + 3 of them), so a live sender never has its message taken over and sent twice.
        // (A shorter lease may be set where Slack is known to answer fast: the crash test's fake Slack on loopback.)
        this.lease = Duration.ofMillis(leaseMillis > 0 ? leaseMillis : (readTimeoutMillis + 2_000) * (LOOKUP_CALLS + 3) + 10_000);
    }

    /**
     * The bot's Web API client for the workspace {@code teamId}, with that workspace's token, for the few calls that
     * must happen while a person waits (views.open, users.info) and for the outbox.
     *
     * @throws NotInstalled when the workspace has no token (it uninstalled the app): no call is made for it
     */
    public MethodsClient methods(String teamId) {
        String token = tokens.botToken(teamId).orElseThrow(() -> new NotInstalled(teamId));
        String key = teamId == null ? "" : teamId;
        SlackMethods client = methods.get(key);
        if (client == null || !client.isFor(token)) {
            client = new SlackMethods(slack.getHttpClient(), token);
            methods.put(key, client);
        }
        return client;
    }

    /** One client (and so one Gson) per workspace for as long as its token stays the same; see {@link SlackMethods}. */
    private final java.util.Map<String, SlackMethods> methods = new java.util.concurrent.ConcurrentHashMap<>();

    @EventListener
    void onStartup(StartupEvent event) {
        if (!settings.ready()) {
            return;
        }
        running = true;
        // Polling also picks up what a previous run committed but never sent, and retries that fell due.
        senders.start(pollEvery);
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onEnqueued(Outbox.Enqueued event) {
        if (running) {
            senders.wake();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        senders.stop();
    }

    /**
     * Claims one message and sends it. Three steps, so that a crash at any moment leaves a trace: the claim (SENDING)
     * is committed before Slack is called, Slack is called outside any transaction, and the outcome is committed after.
     * A message found SENDING later is looked up in Slack before it is sent again.
     *
     * @return whether a message was claimed (and then sent, failed or put back for later); false: nothing to send now
     */
    private boolean sendOne(Runnable whenClaimed) {
        Instant now = clock.instant();
        OutboundMessage last = lastSent.get();
        var claimed = tx.executeWrite(status -> {
            // Most often the next message is this channel's: an index lookup instead of a look across the queue.
            var next = last == null ? Optional.<Outbox.Claimed>empty() : outbox.claimNextIn(last.teamId(), last.channelId(), now, lease);
            return next.isPresent() ? next : outbox.claimNext(now, lease);
        });
        if (claimed.isEmpty()) {
            lastSent.remove();
            return false;
        }
        Outbox.Claimed claim = claimed.get();
        lastSent.set(claim.pending().message());
        whenClaimed.run();
        var hold = pacing.holdUntil(claim.pending().message(), claim.maybeSent(), now);
        if (hold.isPresent()) {
            // Slack asked for a pause of this method (or channel), or this message was edited less than a second
            // ago: back to the queue until then, which is no failed attempt; a newer edit queued meanwhile replaces it.
            tx.executeWrite(status -> {
                if (outbox.stillClaimed(claim)) {
                    outbox.retryAt(claim.pending().id(), hold.get(),
                            claim.maybeSent() ? Outbox.MAYBE_POSTED : claim.pending().lastError(), false);
                }
                return null;
            });
            senders.wakeAfter(Duration.between(clock.instant(), hold.get()));
            return true;
        }
        Attempt attempt = attempt(claim);
        if (attempt.refusal() == null && claim.pending().message().kind() == OutboundMessage.Kind.UPDATE) {
            pacing.edited(claim.pending().message(), clock.instant());
        }
        recordPatiently(claim, attempt, now.plus(lease));
        return true;
    }

    /**
     * The outcome is known only here, in memory: if the database is briefly unavailable, keep trying to write it
     * rather than leave the message SENDING until its lease ends (it would then be looked up, and sent late).
     */
    private void recordPatiently(Outbox.Claimed claim, Attempt attempt, Instant leaseEnds) {
        while (true) {
            try {
                tx.executeWrite(status -> {
                    if (attempt.refusal() == null) {
                        // a "sent" lost in a power cut leaves the row SENDING, looked up in Slack before any resend
                        Durability.flushLater(status.getConnection());
                    }
                    record(claim, attempt, clock.instant());
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (!running || clock.instant().plus(pollEvery).isAfter(leaseEnds)) {
                    throw e;
                }
                LOG.info("Recording what Slack said about outbox message {} failed ({}); trying again",
                        claim.pending().id(), e.getClass().getSimpleName());
                try {
                    Thread.sleep(Math.max(100, Math.min(1_000, pollEvery.toMillis())));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** What one call to Slack gave: the message's ts (or file id), or why not. */
    private record Attempt(String ts, SlackRefusal refusal) {}

    private final SlackMetrics metrics;

    private Attempt attempt(Outbox.Claimed claim) {
        Attempt a = tryOnce(claim);
        metrics.apiCall(SendPacing.methodOf(claim.pending().message()),
                a.refusal() == null ? "ok" : a.refusal().kind.name().toLowerCase(java.util.Locale.ROOT),
                a.refusal() == null ? null : a.refusal().error);
        return a;
    }

    private Attempt tryOnce(Outbox.Claimed claim) {
        Outbox.PendingMessage pending = claim.pending();
        try {
            var found = claim.maybeSent() ? alreadySent(pending) : java.util.Optional.<String>empty();
            return new Attempt(found.isPresent() ? found.get() : deliver(pending), null);
        } catch (SlackRefusal refusal) {
            return new Attempt(null, refusal);
        } catch (NotInstalled e) {
            // the workspace uninstalled the app: parked as failed, never retried, and Slack is not called
            return new Attempt(null, SlackRefusal.permanent(NotInstalled.REASON));
        } catch (RuntimeException e) {
            return new Attempt(null, SlackRefusal.transientFailure(e.getClass().getSimpleName()));
        }
    }

    private void record(Outbox.Claimed claim, Attempt attempt, Instant now) {
        Outbox.PendingMessage pending = claim.pending();
        if (attempt.refusal() == null) {
            // Slack has the message: from here on nothing may undo "sent", or it would be posted again.
            if (outbox.markSent(claim, attempt.ts())) {
                afterSend(pending, attempt.ts());
            } else {
                takenOver(claim);
            }
        } else if (!outbox.stillClaimed(claim)) {
            takenOver(claim);
        } else {
            SlackRefusal refusal = attempt.refusal();
            // Until a look has shown the message is not in Slack, every retry must look first.
            boolean stillUnknown = claim.maybeSent() && refusal.kind != SlackRefusal.Kind.PERMANENT;
            handleRefusal(pending, stillUnknown ? refusal.withError(Outbox.MAYBE_POSTED) : refusal, now);
        }
    }

    /** Our lease ran out while Slack kept us waiting; whoever took the message over looks it up first. */
    private static void takenOver(Outbox.Claimed claim) {
        LOG.warn("Outbox message {} was taken over by another sender while this one waited for Slack", claim.pending().id());
    }

    /** The features record what became of a posted message; "sent" itself is already written. */
    private void afterSend(Outbox.PendingMessage pending, String ts) {
        OutboundMessage m = pending.message();
        boolean isCard = m.cardOfCoe() != null && m.kind() == OutboundMessage.Kind.POST;
        if (m.owner() == null && !isCard) {
            return;
        }
        behindSavepoint(pending, "posted", () -> {
            if (isCard) {
                anchors.cardPosted(m.cardOfCoe(), m.channelId(), ts);
            }
            if (m.owner() != null) {
                ownerOf(m.owner()).sent(m.owner(), pending, ts);
            }
        });
    }

    private void notifyFailed(Outbox.PendingMessage pending) {
        MessageOwner owner = pending.message().owner();
        if (owner != null) {
            behindSavepoint(pending, "failed", () -> ownerOf(owner).failed(owner, pending));
        }
    }

    /** The one feature that owns this kind of message; the others never hear of it. */
    private Outbox.Owner ownerOf(MessageOwner owner) {
        return owners.stream().filter(l -> l.kind() == owner.kind()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No owner of " + owner.kind() + " messages"));
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

    private void handleRefusal(Outbox.PendingMessage pending, SlackRefusal refusal, Instant now) {
        OutboundMessage m = pending.message();
        switch (refusal.kind) {
            case RATE_LIMITED -> {
                // Waiting is Slack's instruction, not a failed attempt; it holds that method (or channel) only.
                Instant until = now.plusSeconds(refusal.retryAfterSeconds);
                outbox.retryAt(pending.id(), until, refusal.error, false);
                pacing.rateLimited(m, refusal.method, until);
                senders.wakeAfter(Duration.ofSeconds(refusal.retryAfterSeconds));
                LOG.info("Slack asked us to wait {} s (429 from {}); those messages resume then, the rest go on",
                        refusal.retryAfterSeconds, refusal.method == null ? SendPacing.methodOf(m) : refusal.method);
            }
            case TRANSIENT -> {
                if (pending.attempts() + 1 >= MAX_ATTEMPTS) {
                    outbox.markFailed(pending.id(), refusal.error);
                    LOG.warn("Gave up on outbox message {} after {} attempts: {}", pending.id(), MAX_ATTEMPTS, refusal.error);
                    notifyFailed(pending);
                    return;
                }
                long backoff = Math.min(60, 1L << Math.min(pending.attempts(), 6));
                outbox.retryAt(pending.id(), now.plusSeconds(backoff), refusal.error, true);
                senders.wakeAfter(Duration.ofSeconds(backoff));
            }
            default -> {
                outbox.markFailed(pending.id(), refusal.error);
                LOG.warn("Slack refused outbox message {} ({} in {}): {}", pending.id(), m.kind(), m.channelId(), refusal.error);
                notifyFailed(pending);
                if (m.responseUrl() != null && !NotInstalled.REASON.equals(refusal.error)) {
                    explain(m.responseUrl(), refusal.explanation());
                }
            }
        }
    }

    private String deliver(Outbox.PendingMessage pending) throws SlackRefusal {
        OutboundMessage m = pending.message();
        MethodsClient api = methods(m.teamId());
        try {
            return switch (m.kind()) {
                case POST -> {
                    String threadTs = m.threadOwnerKind() == null ? null : threadTs(m);
                    var r = api.chatPostMessage(b -> b.channel(m.channelId()).threadTs(threadTs).text(m.text())
                            .blocksAsString(m.blocksJson()).unfurlLinks(false).metadata(metadataOf(pending)));
                    yield ok(r).getTs();
                }
                case UPLOAD -> {
                    // chat.postMessage takes a user id for a DM, files.completeUploadExternal wants the IM channel
                    String channel = isUser(m.channelId()) ? ok(api.conversationsOpen(b -> b.users(List.of(m.channelId()))))
                            .getChannel().getId() : m.channelId();
                    // files upload v2: Slack's three steps (get an upload URL, upload, complete) in one SDK call
                    String threadTs = m.threadOwnerKind() == null ? null : threadTs(m);
                    var r = api.filesUploadV2(b -> {
                        b.channel(channel).filename(m.fileName()).threadTs(threadTs).initialComment(m.blocksJson());
                        // an image carries its title in text; a text file is its text, and is titled by its name
                        return m.fileBytes() != null ? b.fileData(m.fileBytes()).title(m.text())
                                : b.title(m.fileName()).content(m.text());
                    });
                    ok(r);
                    yield r.getFile() == null ? null : r.getFile().getId();
                }
                case UPDATE -> {
                    String ts = m.messageTs() != null ? m.messageTs()
                            : m.cardOfCoe() != null
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
                throw SlackRefusal.rateLimited(SendPacing.methodOf(m), parseSeconds(after));
            }
            if (code >= 500) {
                throw SlackRefusal.transientFailure("http_" + code);
            }
            throw SlackRefusal.fromError(e.getError() != null ? e.getError().getError() : "http_" + code);
        } catch (InterruptedIOException e) {
            // Slack may have it and only the answer was lost: the retry looks before sending again.
            throw SlackRefusal.transientFailure(m.kind() == OutboundMessage.Kind.UPDATE ? e.getClass().getSimpleName() : Outbox.MAYBE_POSTED);
        } catch (IOException e) {
            throw SlackRefusal.transientFailure(e.getClass().getSimpleName());
        }
    }

    /** The outbox row's identity, carried by the posted message; the queue time keeps two databases' ids apart. */
    private static com.slack.api.model.Message.Metadata metadataOf(Outbox.PendingMessage pending) {
        return com.slack.api.model.Message.Metadata.builder().eventType(METADATA_TYPE)
                .eventPayload(java.util.Map.of("outbox_id", String.valueOf(pending.id()),
                        "queued_at", String.valueOf(pending.createdAt().toEpochMilli())))
                .build();
    }

    private static boolean carries(com.slack.api.model.Message message, Outbox.PendingMessage pending) {
        var metadata = message.getMetadata();
        if (metadata == null || !METADATA_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
            return false;
        }
        var payload = metadata.getEventPayload();
        return String.valueOf(pending.id()).equals(String.valueOf(payload.get("outbox_id")))
                && String.valueOf(pending.createdAt().toEpochMilli()).equals(String.valueOf(payload.get("queued_at")));
    }

    /** A user id (a DM is addressed by it) rather than a conversation id. */
    private static boolean isUser(String channel) {
        return channel.startsWith("U") || channel.startsWith("W");
    }

    /**
     * A message whose sender died or timed out may already be in Slack; chat.postMessage has no idempotency key. So
     * before sending it again, read the conversation (or the thread) since it was queued: a post is recognised by the
     * outbox id in its metadata, an upload by its file name. An edit (chat.update) is simply made again.
     * Slack's trouble while looking (429, 5xx) postpones the message and it looks again; a conversation the bot
     * may not read makes it send, since a message posted twice is better than one never posted.
     */
    private java.util.Optional<String> alreadySent(Outbox.PendingMessage pending) throws SlackRefusal {
        OutboundMessage m = pending.message();
        if (m.kind() == OutboundMessage.Kind.UPDATE) {
            return java.util.Optional.empty();
        }
        String oldest = MessageTs.of(pending.createdAt().minusSeconds(2)).value();
        try {
            String channel = m.channelId();
            if (isUser(channel)) {
                // a DM was posted to the user id; its history lives in the IM channel
                var open = methods(m.teamId()).conversationsOpen(b -> b.users(List.of(m.channelId())));
                if (!open.isOk() || open.getChannel() == null) {
                    return cannotLook(pending, open.getError());
                }
                channel = open.getChannel().getId();
            }
            String threadTs = m.threadOwnerKind() != null ? threadTs(m) : null;
            String cursor = null;
            for (int page = 0; page < LOOKUP_CALLS - 1; page++) {
                String in = channel;
                String from = cursor;
                List<com.slack.api.model.Message> messages;
                if (threadTs == null) {
                    var r = methods(m.teamId()).conversationsHistory(b -> b.channel(in).oldest(oldest).limit(200).cursor(from)
                            .includeAllMetadata(true));
                    if (!r.isOk()) {
                        return cannotLook(pending, r.getError());
                    }
                    messages = r.getMessages();
                    cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                } else {
                    var r = methods(m.teamId()).conversationsReplies(b -> b.channel(in).ts(threadTs).oldest(oldest).limit(200).cursor(from)
                            .includeAllMetadata(true));
                    if (!r.isOk()) {
                        return cannotLook(pending, r.getError());
                    }
                    messages = r.getMessages();
                    cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                }
                for (var message : messages == null ? List.<com.slack.api.model.Message>of() : messages) {
                    if (m.kind() == OutboundMessage.Kind.POST && carries(message, pending)) {
                        return java.util.Optional.of(message.getTs());
                    }
                    if (m.kind() == OutboundMessage.Kind.UPLOAD && message.getFiles() != null) {
                        for (var file : message.getFiles()) {
                            if (m.fileName().equals(file.getName())) {
                                return java.util.Optional.of(file.getId());
                            }
                        }
                    }
                }
                if (cursor == null || cursor.isEmpty()) {
                    break;
                }
            }
            return java.util.Optional.empty();
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                throw SlackRefusal.rateLimited(SendPacing.LOOKUP, parseSeconds(e.getResponse().header("Retry-After")));
            }
            if (code >= 500) {
                throw SlackRefusal.transientFailure("http_" + code);
            }
            return cannotLook(pending, e.getError() != null ? e.getError().getError() : "http_" + code);
        } catch (IOException e) {
            throw SlackRefusal.transientFailure(e.getClass().getSimpleName());
        }
    }

    private static java.util.Optional<String> cannotLook(Outbox.PendingMessage pending, String error) {
        LOG.warn("Could not look for outbox message {} in Slack ({}); sending it again", pending.id(), error);
        return java.util.Optional.empty();
    }

    /** The ts of the thread the message goes into (or whose root it edits), known only once its root was posted. */
    private String threadTs(OutboundMessage m) throws SlackRefusal {
        var ts = m.threadOwnerKind() == io.coebot.store.OwnerKind.COE_CARD
                ? anchors.cardTs(m.threadOwnerId())
                : routes.threadTsOf(m.teamId(), m.channelId(), m.threadOwnerKind(), m.threadOwnerId());
        return ts.orElseThrow(() -> SlackRefusal.permanent(m.threadOwnerKind() == io.coebot.store.OwnerKind.COE_CARD
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
