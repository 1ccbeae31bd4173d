package io.coebot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Messages queued before V10 still tell their owner what became of them: the old tags become typed owners. */
class OutboxOwnerMigrationTest {
    @Test
    void tagsQueuedBeforeTheUpgradeNameTheirOwners() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            var ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("9").load().migrate();
            try (Connection c = ds.getConnection(); var st = c.createStatement()) {
                for (String tag : new String[]{"interview-question:7:detection:when", "whys-root:3", "whys-question:3:12",
                        "published-part:41", "nudge:digest:U0ALICE:2026-11-29", null}) {
                    st.executeUpdate("INSERT INTO outbox (team_id, channel_id, kind, text, on_sent, status, next_attempt_at, created_at)"
                            + " VALUES ('T1', 'C1', 'POST', 'hi', " + (tag == null ? "NULL" : "'" + tag + "'")
                            + ", 'PENDING', now(), now())");
                }
            }
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            List<String> owners = new ArrayList<>();
            try (Connection c = ds.getConnection(); var rs = c.createStatement().executeQuery(
                    "SELECT owner_kind, owner_id, owner_part, status FROM outbox ORDER BY id")) {
                while (rs.next()) {
                    owners.add(rs.getString(1) + "|" + rs.getObject(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
            assertEquals(List.of("coe-card|7|detection:when|PENDING", "whys|3|null|PENDING", "whys|3|12|PENDING",
                    "published|41|null|PENDING", "nudge|0|digest:U0ALICE:2026-11-29|PENDING", "null|null|null|PENDING"), owners);
        }
    }
}
