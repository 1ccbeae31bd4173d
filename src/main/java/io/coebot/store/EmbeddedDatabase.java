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

/**
 * Gives the app a PostgreSQL when none is configured, so that one command runs the bot on a
 * fresh machine. The data lives in {@code COE_DATA_DIR}/postgres and survives restarts.
 * <p>
 * It hooks the datasource configuration while it is being initialised: later (when the bean
 * is created) is too late, because Hikari resolves the URL in its own post-construct.
 * When {@code DATASOURCES_DEFAULT_URL} is set this class does nothing and no PostgreSQL starts.
 */
@Singleton
public class EmbeddedDatabase implements BeanInitializedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dataDir;
    private final BeanContext beans;
    private EmbeddedPostgres postgres;

    public EmbeddedDatabase(@Value("${coe.data-dir}") String dataDir, BeanContext beans) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
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
            Files.createDirectories(pgData);
            long began = System.nanoTime();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    // the defaults would wipe the data on every start and stop it behind our back
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.info("No DATASOURCES_DEFAULT_URL set: embedded PostgreSQL started in {} ({} ms)",
                    pgData, (System.nanoTime() - began) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData
                    + " (set COE_DATA_DIR to a writable folder, or DATASOURCES_DEFAULT_URL to a server)", e);
        }
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
    }
}
