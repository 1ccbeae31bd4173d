package io.coebot.store;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Map;

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
    private RunningPostgres postgres;

    public EmbeddedDatabase(@Value("${coe.data-dir}") String dataDir, @Value("${coe.home:}") String home,
                            @Value("${coe.embedded-db.durable:true}") boolean durable, BeanContext beans) {
        this.dataDir = resolve(dataDir, home);
        this.durable = durable;
        this.beans = beans;
    }

    /**
     * Called by main before the context starts, with the environment and system properties: when
     * {@code COE_EMBEDDED_DB_START_EARLY=true} and no database URL is set, starts the embedded PostgreSQL in the
     * background ({@link EarlyPostgres}), on the folder the
     * configuration will most likely name ({@code coe.data-dir}, {@code coe.home}, as {@code application.yml} reads them).
     */
    public static void startEarly(Map<String, String> settings) {
        // Off unless asked for: on the 2-core machines measured it saved nothing (PostgreSQL's start and the JVM's
        // class loading and compiling then share the same cores; BENCHMARKS.md, issue 16). With cores to spare it may.
        if (!first(settings, "datasources.default.url", "DATASOURCES_DEFAULT_URL", "").isBlank()
                || !Boolean.parseBoolean(first(settings, "coe.embedded-db.start-early", "COE_EMBEDDED_DB_START_EARLY", "false"))) {
            return;
        }
        String dataDir = first(settings, "coe.data-dir", "COE_DATA_DIR", "./data");
        String home = first(settings, "coe.home", "COE_HOME", "");
        boolean durable = Boolean.parseBoolean(first(settings, "coe.embedded-db.durable", "COE_EMBEDDED_DB_DURABLE", "true"));
        EarlyPostgres.begin(resolve(dataDir, home), durable);
    }

    private static String first(Map<String, String> settings, String property, String variable, String otherwise) {
        String v = settings.get(property);
        if (v == null) {
            v = settings.get(variable);
        }
        return v == null ? otherwise : v;
    }

    private static Path resolve(String dataDir, String home) {
        // coe.home: the project folder when run from source (mn:run runs in target/, which a clean build deletes)
        Path configured = Path.of(dataDir);
        return (configured.isAbsolute() || home.isBlank() ? configured : Path.of(home).resolve(configured))
                .toAbsolutePath().normalize();
    }

    @Override
    public synchronized DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String configured = config.getConfiguredUrl();
        if (configured != null && !configured.isBlank()) {
            EarlyPostgres.discard();
            return config;
        }
        if (postgres == null) {
            RunningPostgres early = EarlyPostgres.take(dataDir, durable);
            postgres = early != null ? early : RunningPostgres.start(dataDir, durable);
        }
        config.setUrl(postgres.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword("postgres");
        return config;
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
        postgres.close();
        postgres = null;
    }
}
