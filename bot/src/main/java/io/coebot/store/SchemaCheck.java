package io.coebot.store;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.core.order.Ordered;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Skips Flyway at start-up when the database already holds the newest migration on the classpath: a redeploy without
 * a new migration is the common start, and Flyway's scan, validation and history queries cost about a second of it.
 * One query of {@code flyway_schema_history} decides; anything unusual (no history yet, a failed migration, a newer
 * one on the classpath, repeatable or Java migrations, another schema or history table) leaves the decision to
 * Flyway, which then runs as before. What is skipped is the check that already-applied files were not edited since;
 * {@code coe.schema.skip-when-current=false} brings it back on every start.
 * <p>
 * It runs as a listener on the datasource ordered before micronaut-flyway's, and switches that datasource's Flyway
 * configuration off for this start.
 */
@Singleton
class SchemaCheck implements BeanCreatedEventListener<DataSource>, ApplicationEventListener<MigrationFinishedEvent>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);

    private final BeanContext beans;
    private final boolean skipWhenCurrent;
    private volatile long migrationBegan;
    private volatile String migratingTo;

    SchemaCheck(BeanContext beans, @Value("${coe.schema.skip-when-current:true}") boolean skipWhenCurrent) {
        this.beans = beans;
        this.skipWhenCurrent = skipWhenCurrent;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource ds = event.getBean();
        String name = event.getBeanDefinition() instanceof NameResolver r ? r.resolveName().orElse("default") : "default";
        Optional<FlywayConfigurationProperties> flyway = beans.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(name));
        if (flyway.isEmpty() || !flyway.get().isEnabled()) {
            return ds;
        }
        long began = System.nanoTime();
        Optional<SchemaVersion> newest = classpathNewest(flyway.get());
        Optional<SchemaVersion> applied = newest.isPresent() && skipWhenCurrent ? appliedNewest(ds, flyway.get()) : Optional.empty();
        long ms = (System.nanoTime() - began) / 1_000_000;
        if (newest.isPresent() && applied.isPresent() && applied.get().compareTo(newest.get()) >= 0) {
            flyway.get().setEnabled(false);
            LOG.info("Database schema current at version {}: Flyway not run ({} ms)", applied.get(), ms);
        } else {
            migratingTo = newest.map(SchemaVersion::toString).orElse("the newest");
            migrationBegan = System.nanoTime();
        }
        return ds;
    }

    @Override
    public void onApplicationEvent(MigrationFinishedEvent event) {
        if (migrationBegan != 0) {
            LOG.info("Database schema migrated to version {} by Flyway ({} ms)", migratingTo,
                    (System.nanoTime() - migrationBegan) / 1_000_000);
            migrationBegan = 0;
        }
    }

    /** The newest versioned migration on the classpath; empty when the locations hold anything this check does not read. */
    private static Optional<SchemaVersion> classpathNewest(FlywayConfigurationProperties flyway) {
        var config = flyway.getFluentConfiguration();
        if (config.getJavaMigrations().length > 0 || config.getSchemas().length > 0 || config.getDefaultSchema() != null
                || !"flyway_schema_history".equals(config.getTable()) || !"V".equals(config.getSqlMigrationPrefix())
                || !"__".equals(config.getSqlMigrationSeparator()) || !Arrays.equals(config.getSqlMigrationSuffixes(), new String[] {".sql"})) {
            return Optional.empty();
        }
        SchemaVersion newest = null;
        for (Location location : config.getLocations()) {
            if (!location.isClassPath()) {
                return Optional.empty();
            }
            Optional<List<String>> files = MigrationFiles.list(location.getRootPath(), SchemaCheck.class.getClassLoader());
            if (files.isEmpty()) {
                return Optional.empty();
            }
            for (String file : files.get()) {
                Optional<SchemaVersion> v = SchemaVersion.ofFileName(file);
                if (v.isEmpty()) {
                    return Optional.empty(); // repeatable, undo, or a name this check does not know
                }
                newest = newest == null || v.get().compareTo(newest) > 0 ? v.get() : newest;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * The newest version applied; empty when there is no history yet, or a failed migration Flyway must report.
     * Plain JDBC: it runs while the data source is being created, before any repository can exist.
     */
    private static Optional<SchemaVersion> appliedNewest(DataSource ds, FlywayConfigurationProperties flyway) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            SchemaVersion newest = null;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return Optional.empty();
                }
                String version = rs.getString(1);
                if (version != null) {
                    SchemaVersion v = SchemaVersion.of(version);
                    newest = newest == null || v.compareTo(newest) > 0 ? v : newest;
                }
            }
            return Optional.ofNullable(newest);
        } catch (SQLException noHistoryYet) {
            return Optional.empty();
        }
    }
}
