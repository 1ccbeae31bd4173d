package io.coebot.store;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** DATASOURCES_DEFAULT_URL set: the app uses that server, migrates it, and never starts its own. */
class ExternalDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void aConfiguredDatabaseIsUsedAndTheEmbeddedOneNeverStarts() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
             FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (RunningApp app = RunningApp.start(slack.apiUrl(), dataDir, Map.of(
                    "datasources.default.url", url,
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "postgres"))) {
                var ws = new SlackWorkspace(slack, new SlackRequests(app.baseUrl(), RunningApp.SIGNING_SECRET));
                var alice = ws.user("U0ALICE51", "alice", "UTC");
                var incident = ws.channel("inc-external-db");

                alice.runs("/coe start Stored elsewhere", incident);
                incident.awaitMessageFromBot(m -> m.visibleText().contains("Stored elsewhere"));
            }
            try (var c = DriverManager.getConnection(url, "postgres", "postgres");
                 var rs = c.createStatement().executeQuery("SELECT title, team_id FROM coe")) {
                rs.next();
                assertEquals("Stored elsewhere", rs.getString(1));
                assertEquals("T0001", rs.getString(2), "every row carries the team");
            }
            assertFalse(Files.exists(dataDir.resolve("postgres")), "no embedded PostgreSQL was created");
        }
    }
}
