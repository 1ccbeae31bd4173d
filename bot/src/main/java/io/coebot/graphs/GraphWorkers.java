package io.coebot.graphs;

import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.EchoedText;
import io.coebot.slack.EphemeralReplacement;
import io.coebot.slack.TeamRef;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws the stored {@code /coe graph} requests on two threads of their own (Prometheus may be slow; the command was
 * answered long ago). Each request is claimed under a lease, Prometheus is asked outside any transaction, and the
 * request ends in the transaction that keeps the graph (or with the reason it was not drawn); then the person hears
 * the outcome through the command's response_url. At start-up, and on a poll, requests left waiting are taken up:
 * ones this instance gave back when it stopped, and ones whose holder died (its lease ran out).
 */
@Singleton
class GraphWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(GraphWorkers.class);
    /** A request that stopped the bot this often (a query that kills it?) is answered with a refusal instead. */
    static final int MAX_ATTEMPTS = 3;
    /** Slack keeps a response_url usable 30 minutes; after that the outcome goes by DM. */
    private static final Duration RESPONSE_URL_LIFE = Duration.ofMinutes(29);

    private final GraphRequests requests;
    private final Coes coes;
    private final GraphService graphs;
    private final PrometheusSettings settings;
    private final EphemeralReplacement ephemerals;
    private final Outbox outbox;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final Duration pollEvery;
    /** Longer than a draw can take (the query, cut at the timeout, and the chart), so a live worker keeps its request. */
    private final Duration lease;
    private final Set<GraphRequests.Claimed> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService workers;
    private volatile boolean running;

    GraphWorkers(GraphRequests requests, Coes coes, GraphService graphs, PrometheusSettings settings,
                 EphemeralReplacement ephemerals, Outbox outbox, TransactionOperations<Connection> tx, Clock clock,
                 @Value("${coe.graphs.poll-millis:5000}") long pollMillis) {
        this.requests = requests;
        this.coes = coes;
        this.graphs = graphs;
        this.settings = settings;
        this.ephemerals = ephemerals;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.pollEvery = Duration.ofMillis(Math.max(100, pollMillis));
        this.lease = settings.timeout().multipliedBy(2).plusSeconds(30);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "graphs-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Requests left waiting by the last run are taken up at once, then polled for. */
    @EventListener
    void onStartup(StartupEvent event) {
        running = true;
        workers.scheduleWithFixedDelay(this::drain, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A request was stored: a free worker takes it now rather than at the next poll. */
    void wake() {
        if (running) {
            try {
                workers.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                // stored: the next start takes it up
            }
        }
    }

    /**
     * Stops the workers and gives back what they held, so the next start draws it at once rather than after the
     * lease. A request whose give-back fails here waits for its lease.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        held.forEach(this::giveBack); // a worker still busy after the wait
    }

    private void giveBack(GraphRequests.Claimed c) {
        Thread.interrupted(); // the stop's interrupt has done its work; the pool would refuse a connection to it
        try {
            requests.release(c);
        } catch (RuntimeException e) {
            LOG.info("Could not give back graph request {} at shutdown ({}); it is taken up when its lease ends",
                    c.id(), e.getClass().getSimpleName());
        }
    }

    private void drain() {
        try {
            while (running && drawOne()) {
                // next
            }
        } catch (RuntimeException e) {
            // the class only: a database error's text can quote the row
            LOG.warn("Graph requests wait for the next poll: {}", e.getClass().getSimpleName());
        }
    }

    /** @return false when no request was waiting */
    boolean drawOne() {
        Optional<GraphRequests.Claimed> next = requests.claimNext(clock.instant(), lease);
        if (next.isEmpty()) {
            return false;
        }
        GraphRequests.Claimed c = next.get();
        held.add(c);
        try {
            draw(c);
        } finally {
            held.remove(c);
        }
        return true;
    }

    private void draw(GraphRequests.Claimed c) {
        Optional<Coe> coe = coes.find(new TeamRef(c.teamId(), c.coeId()));
        if (coe.isEmpty()) {
            refuse(c, "The COE of that graph is gone. Nothing was drawn.");
            return;
        }
        if (c.attempts() > MAX_ATTEMPTS) {
            refuse(c, "The graph could not be drawn: the bot stopped " + MAX_ATTEMPTS + " times while drawing it. Nothing was stored.");
            return;
        }
        GraphService.Outcome o;
        try {
            o = graphs.draw(coe.get(), c.by(), c.draw(), settings.timeout(),
                    () -> requests.end(c, true, null, clock.instant()));
        } catch (RuntimeException e) {
            if (!running) {
                giveBack(c);
                return;
            }
            // never the message: it may quote a server's answer; the class says enough to look further
            LOG.warn("Drawing a graph for {} failed: {}", coe.get().label(), e.getClass().getName());
            refuse(c, "The graph could not be drawn (" + e.getClass().getSimpleName() + "). Nothing was stored.");
            return;
        }
        if (o instanceof GraphService.Outcome.Drawn d) {
            tell(c, "📈 *" + EchoedText.typed(d.graph().label()) + "* is in the COE card's thread"
                    + (d.series() > d.seriesShown() ? " (the " + d.seriesShown() + " busiest of " + d.series() + " series)." : ".")
                    + " Publishing the COE attaches it.");
        } else if (o instanceof GraphService.Outcome.Refused r) {
            if (running) {
                refuse(c, r.reason());
            } else {
                giveBack(c); // while stopping, most likely the query cut short: asked again after the start
            }
        }
    }

    private void refuse(GraphRequests.Claimed c, String reason) {
        String text = ":warning: " + reason;
        boolean dm = tooLateForResponseUrl(c);
        boolean ended = tx.executeWrite(s -> {
            boolean mine = requests.end(c, false, reason, clock.instant());
            if (mine && dm) {
                outbox.enqueue(OutboundMessage.post(c.teamId(), c.by(), "Your `/coe graph` request: " + text, null), clock.instant());
            }
            return mine;
        });
        if (ended && !dm) {
            tell(c, text);
        }
    }

    /**
     * The outcome, only to whoever asked. A drawn graph past the response_url's life needs no word: it is in the
     * card's thread, where they were told to look.
     */
    private void tell(GraphRequests.Claimed c, String text) {
        if (tooLateForResponseUrl(c)) {
            return;
        }
        ephemerals.answer(c.responseUrl(), text);
    }

    private boolean tooLateForResponseUrl(GraphRequests.Claimed c) {
        return c.responseUrl() == null || clock.instant().isAfter(c.requestedAt().plus(RESPONSE_URL_LIFE));
    }
}
