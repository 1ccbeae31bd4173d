package io.coebot.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox workspace's rows in the database. Only its own team's rows are ever touched: a database shared
 * with a real workspace keeps that workspace's COEs. Tables are found by their {@code team_id} column, so a
 * feature's new table is cleared without changing this class.
 */
@Singleton
@Requires(property = SandboxMode.ACTIVE, value = "true")
public class SandboxData {
    private final JdbcOperations jdbc;

    public SandboxData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes every row of {@code teamId}: COEs last, since the other tables refer to them. */
    @Transactional
    public void forget(String teamId) {
        List<String> tables = jdbc.prepareStatement(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND column_name = 'team_id' ORDER BY table_name", ps -> {
                    List<String> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
        tables.sort((a, b) -> Boolean.compare(a.equals("coe"), b.equals("coe")));
        for (String table : tables) {
            // Table names come from the schema itself, never from a request.
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE team_id = ?", ps -> {
                ps.setString(1, teamId);
                return ps.executeUpdate();
            });
        }
    }
}
