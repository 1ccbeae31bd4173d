package io.coebot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One embedded PostgreSQL on a data folder, with what keeps it safe: the folder's lock ({@link DataFolderLock}),
 * a leftover postmaster stopped first ({@link LeftoverPostmaster}), and the watchdog that stops it when this JVM dies
 * ({@link PostmasterWatchdog}). Started either by {@link EmbeddedDatabase} or, ahead of the context, by
 * {@link EarlyPostgres}; the steps are the same either way.
 */
final class RunningPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningPostgres.class);

    final Path dataDir;
    final boolean durable;
    private final EmbeddedPostgres postgres;
    private final PostmasterWatchdog watchdog;
    private final DataFolderLock lock;

    private RunningPostgres(Path dataDir, boolean durable, EmbeddedPostgres postgres, PostmasterWatchdog watchdog,
                            DataFolderLock lock) {
        this.dataDir = dataDir;
        this.durable = durable;
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.lock = lock;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    static RunningPostgres start(Path dataDir, boolean durable) {
        Path pgData = dataDir.resolve("postgres");
        DataFolderLock lock;
        try {
            lock = DataFolderLock.acquire(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not use the data folder " + dataDir + " (" + e.getClass().getSimpleName()
                    + "): set COE_DATA_DIR to a writable folder, or DATASOURCES_DEFAULT_URL to a server", e);
        }
        try {
            Files.createDirectories(pgData);
            LeftoverPostmaster.stopIfRunning(pgData, Duration.ofSeconds(15));
            long began = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    // the defaults would wipe the data on every start and stop it behind our back
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    // a crash recovery after a kill replays the WAL before accepting connections
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Sized for one bot on a small instance (issue 16: JVM + PostgreSQL within 300 MB). zonky's 300
                    // connections cost 8 MB of shared memory at start; the bot's pool holds 10 (more if configured), and
                    // 50 leaves room for a second pool, psql and maintenance. The database is a few MB: 32 MB of
                    // buffers hold it, and the kernel's page cache backs them.
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "32MB");
            if (durable) {
                // zonky passes -F (fsync off) first; a later -c wins
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            String preload = System.getProperty("coe.db.preload", "").strip(); // the load benchmark: pg_stat_statements
            if (!preload.isEmpty()) {
                builder.setServerConfig("shared_preload_libraries", preload);
            }
            EmbeddedPostgres postgres = builder.start();
            PostmasterWatchdog watchdog = PostmasterWatchdog.watch(pgData);
            LOG.info("No DATASOURCES_DEFAULT_URL set: embedded PostgreSQL started in {} ({} ms{})",
                    pgData, (System.nanoTime() - began) / 1_000_000, durable ? "" : ", NOT durable: fsync off for tests");
            return new RunningPostgres(dataDir, durable, postgres, watchdog, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof IllegalStateException named) {
                throw named;
            }
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + pgData + ": " + cause(e)
                    + " (PostgreSQL's own messages are in the log above). Set COE_DATA_DIR to another folder, or "
                    + "DATASOURCES_DEFAULT_URL to a server.", e);
        }
    }

    /** The root cause's words: zonky wraps PostgreSQL's own complaint ("could not bind", "permission denied"). */
    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }

    /** Stops PostgreSQL (its clients must be gone: the pools first), then the watchdog, then frees the folder. */
    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped cleanly");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        watchdog.close();
        lock.close();
    }
}
