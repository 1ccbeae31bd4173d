package io.coebot.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SchemaCheck skips Flyway only when this ordering says the database is current, so it must order as Flyway does. */
class SchemaVersionTest {
    @Test
    void versionsCompareAsNumbersPartByPartAsFlywayOrdersThem() {
        assertTrue(SchemaVersion.of("10").compareTo(SchemaVersion.of("9")) > 0, "10 after 9, not before as text");
        assertTrue(SchemaVersion.of("1.10").compareTo(SchemaVersion.of("1.9")) > 0);
        assertEquals(0, SchemaVersion.of("2.0").compareTo(SchemaVersion.of("2")));
        assertTrue(SchemaVersion.of("2.1").compareTo(SchemaVersion.of("2")) > 0);
    }

    @Test
    void onlyVersionedSqlFileNamesHaveAVersion() {
        assertEquals(Optional.of(SchemaVersion.of("10")), SchemaVersion.ofFileName("V10__outbox_owner.sql"));
        assertEquals(Optional.of(SchemaVersion.of("1.2")), SchemaVersion.ofFileName("V1_2__split.sql"));
        // a repeatable or an undo migration, or another file: SchemaCheck then leaves the decision to Flyway
        assertEquals(Optional.empty(), SchemaVersion.ofFileName("R__views.sql"));
        assertEquals(Optional.empty(), SchemaVersion.ofFileName("U3__undo.sql"));
        assertEquals(Optional.empty(), SchemaVersion.ofFileName("README.md"));
    }

    @Test
    void theAppsOwnMigrationsAreListedFromTheClasspath() {
        List<String> files = MigrationFiles.list("db/migration", getClass().getClassLoader()).orElseThrow();
        assertTrue(files.contains("V1__foundation.sql") && files.contains("V10__outbox_owner.sql"), files.toString());
        assertTrue(files.stream().allMatch(f -> SchemaVersion.ofFileName(f).isPresent()), files.toString());
    }
}
