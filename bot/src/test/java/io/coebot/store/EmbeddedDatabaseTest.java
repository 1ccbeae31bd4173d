package io.coebot.store;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL as production runs it: durable (an answer acknowledged to Slack survives a power cut), and
 * one bot per data folder, refused with an error that names the real cause.
 */
class EmbeddedDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseWritesEveryCommitToDisk() throws Exception {
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             RunningApp app = RunningApp.start(slack.apiUrl(), dataDir)) {
            try (Connection c = app.bean(DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class).getConnection()) {
                assertEquals("on", setting(c, "fsync"), "fsync");
                assertEquals("on", setting(c, "synchronous_commit"), "synchronous_commit");
            }
        }
    }

    @Test
    void aSecondBotOnTheSameDataFolderIsRefusedNamingTheFolder() throws Exception {
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             RunningApp first = RunningApp.start(slack.apiUrl(), dataDir)) {
            Throwable refused = assertThrows(RuntimeException.class, () -> RunningApp.start(slack.apiUrl(), dataDir));
            String why = causes(refused);
            assertTrue(why.contains("Another coe-bot") && why.contains(dataDir.toString()), why);
            // the first one is unharmed
            try (Connection c = first.bean(DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class).getConnection()) {
                assertEquals("on", setting(c, "fsync"));
            }
        }
        // and once it stopped, the folder is free again
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             RunningApp again = RunningApp.start(slack.apiUrl(), dataDir)) {
            assertTrue(again.baseUrl().startsWith("http://"));
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable x = t; x != null && sb.length() < 10_000; x = x.getCause()) {
            sb.append(x.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
