package io.coebot.store;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Gives the app a PostgreSQL when none is configured, so that one command runs the bot on a
 * fresh machine. The data lives in {@code COE_DATA_DIR}/postgres and survives restarts.
 * <p>
 * It hooks the datasource configuration while it is being initialised: later (when the bean
 * is created) is too late, because Hikari resolves the URL in its own post-construct.
 * When {@code DATASOURCES_DEFAULT_URL} is set this class does nothing and no PostgreSQL starts.
 * <p>
 * An answer acknowledged to Slack is never retried by Slack, so it must be on disk: PostgreSQL runs with fsync and
 * synchronous commit on (zonky's defaults turn both off, for tests). Only one bot uses a data folder at a time
 * ({@link DataFolderLock}); a PostgreSQL left running by a killed bot is stopped before starting
 * ({@link LeftoverPostmaster}), and the one started here stops when this JVM dies ({@link PostmasterWatchdog}).
 */
@Singleton
public class EmbeddedDatabase implements BeanInitializedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dataDir;
    private final boolean durable;
    private final BeanContext beans;
    private EmbeddedPostgres postgres;
    private DataFolderLock lock;
    private PostmasterWatchdog watchdog;

    public EmbeddedDatabase(@Value("${coe.data-dir}") String dataDir, @Value("${coe.home:}") String home,
                            @Value("${coe.embedded-db.durable:true}") boolean durable, BeanContext beans) {
        // coe.home: the project folder when run from source (mn:run runs in target/, which a clean build deletes)
        Path configured = Path.of(dataDir);
        this.dataDir = (configured.isAbsolute() || home.isBlank() ? configured : Path.of(home).resolve(configured))
                .toAbsolutePath().normalize();
        this.durable = durable;
        this.beans = beans;
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String configured = config.getConfiguredUrl();
        if (configured != null && !configured.isBlank()) {
            return config;
        }
        EmbeddedPostgres pg = start();
        config.setUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        return config;
    }

    private EmbeddedPostgres start() {
        if (postgres != null) {
            return postgres;
        }
        Path pgData = dataDir.resolve("postgres");
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
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (durable) {
                // zonky passes -F (fsync off) first; a later -c wins
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            String preload = System.getProperty("coe.db.preload", "").strip(); // the load benchmark: pg_stat_statements
            if (!preload.isEmpty()) {
                builder.setServerConfig("shared_preload_libraries", preload);
            }
            postgres = builder.start();
            watchdog = PostmasterWatchdog.watch(pgData);
            LOG.info("No DATASOURCES_DEFAULT_URL set: embedded PostgreSQL started in {} ({} ms{})",
                    pgData, (System.nanoTime() - began) / 1_000_000, durable ? "" : ", NOT durable: fsync off for tests");
            return postgres;
        } catch (IOException | RuntimeException e) {
            lock.close();
            lock = null;
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

    /** Pools first: each connection is a PostgreSQL backend that would keep the server from stopping cleanly. */
    @PreDestroy
    synchronized void stop() {
        if (postgres == null) {
            return;
        }
        for (DataSource ds : beans.getBeansOfType(DataSource.class)) {
            try {
                if (ds.isWrapperFor(HikariDataSource.class)) {
                    ds.unwrap(HikariDataSource.class).close();
                }
            } catch (Exception e) {
                LOG.debug("closing pool", e);
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        postgres = null;
        watchdog.close();
        lock.close();
        lock = null;
    }
}
