package io.coebot.store;

import io.coebot.testing.EndToEnd;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Old bookkeeping goes; what a retry or a pending message still needs stays. */
class HousekeepingTest extends EndToEnd {

    @Test
    @SuppressWarnings("unchecked")
    void oldEventsAndSentMessagesAreTrimmedPendingOnesStay() {
        JdbcOperations jdbc = app.bean(JdbcOperations.class);
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        tx.executeWrite(s -> jdbc.execute(c -> {
            c.createStatement().execute("""
                    INSERT INTO processed_event (team_id, event_id, processed_at) VALUES
                      ('T1', 'EvOld', now() - interval '8 days'), ('T1', 'EvNew', now());
                    INSERT INTO outbox (team_id, channel_id, kind, text, status, next_attempt_at, created_at, response_url) VALUES
                      ('T1', 'C1', 'POST', 'old sent', 'SENT', now(), now() - interval '8 days', NULL),
                      ('T1', 'C1', 'POST', 'old pending', 'PENDING', now() + interval '1 day', now() - interval '8 days', NULL),
                      ('T1', 'C1', 'POST', 'sent an hour ago', 'SENT', now(), now() - interval '2 hours', 'https://hooks.example/x');
                    INSERT INTO outbox (team_id, channel_id, kind, text, status, next_attempt_at, created_at, file_bytes) VALUES
                      ('T1', 'C1', 'UPLOAD', 'graph sent', 'SENT', now(), now() - interval '2 hours', '\\x89504e47'::bytea),
                      ('T1', 'C1', 'UPLOAD', 'graph pending', 'PENDING', now(), now() - interval '2 hours', '\\x89504e47'::bytea);
                    INSERT INTO timeline_seen_message (team_id, channel_id, ts, text, seen_at) VALUES
                      ('T1', 'C1', '1.000001', 'seen long ago', now() - interval '31 days'),
                      ('T1', 'C1', '2.000001', 'seen today', now());
                    INSERT INTO nudge_claim (team_id, kind, claim_key, status, claimed_at) VALUES
                      ('T1', 'digest', 'U1|2026-01-05', 'SENT', now() - interval '31 days'),
                      ('T1', 'digest', 'U1|today', 'SENT', now());
                    """);
            return null;
        }));

        app.bean(Housekeeping.class).tidy();

        List<String> left = tx.executeRead(s -> jdbc.execute(c -> {
            var rows = new java.util.ArrayList<String>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT event_id FROM processed_event WHERE team_id = 'T1' UNION ALL "
                            + "SELECT text || ':' || coalesce(response_url, '-') || coalesce(':' || length(file_bytes), '') "
                            + "FROM outbox WHERE team_id = 'T1' UNION ALL "
                            + "SELECT text FROM timeline_seen_message WHERE team_id = 'T1' UNION ALL "
                            + "SELECT claim_key FROM nudge_claim WHERE team_id = 'T1' ORDER BY 1")) {
                while (rs.next()) rows.add(rs.getString(1));
            }
            return rows;
        }));
        assertEquals(List.of("EvNew", "U1|today", "graph pending:-:4", "graph sent:-", "old pending:-", "seen today",
                "sent an hour ago:-"), left, "a sent image's bytes go (its COE keeps them); a pending one's stay");
    }
}
