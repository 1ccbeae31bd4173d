package io.coebot.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Each thread belongs to one owner (the interview owns the COE card's thread, each 5 Whys session its own, a
 * published COE's messages theirs). The one listener for message events ({@code io.coebot.slack.MessageEvents})
 * looks a message's thread up here once and hands the message to the conversation of that owner's kind; the
 * outbox finds here the thread an owner's messages go to.
 */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class ThreadRoutes {
    public record Owner(OwnerKind kind, long id) {}

    private final JdbcOperations jdbc;
    /** Lookups by thread, counted so a test can hold "routed once" to the code (one per message event). */
    private final java.util.concurrent.atomic.LongAdder lookups = new java.util.concurrent.atomic.LongAdder();

    public ThreadRoutes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void claim(String teamId, String channelId, String threadTs, OwnerKind kind, long ownerId) {
        jdbc.prepareStatement("""
                INSERT INTO thread_route (team_id, channel_id, thread_ts, owner_kind, owner_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, channelId);
            ps.setString(3, threadTs);
            ps.setString(4, kind.stored());
            ps.setLong(5, ownerId);
            return ps.executeUpdate();
        });
    }

    public Optional<Owner> ownerOf(String teamId, String channelId, String threadTs) {
        if (threadTs == null) {
            return Optional.empty();
        }
        lookups.increment();
        return jdbc.prepareStatement(
                "SELECT owner_kind, owner_id FROM thread_route WHERE team_id = ? AND channel_id = ? AND thread_ts = ?",
                ps -> {
                    ps.setString(1, teamId);
                    ps.setString(2, channelId);
                    ps.setString(3, threadTs);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Owner(OwnerKind.ofStored(rs.getString(1)), rs.getLong(2))) : Optional.empty();
                    }
                });
    }

    /** How many times a thread's owner has been looked up since start. */
    public long lookups() {
        return lookups.sum();
    }

    /**
     * The ts of the thread this owner holds. A COE card's thread is resolved through its card instead, because
     * a card posted again leaves its old route behind.
     */
    public Optional<String> threadTsOf(String teamId, String channelId, OwnerKind kind, long ownerId) {
        return jdbc.prepareStatement("""
                SELECT thread_ts FROM thread_route
                WHERE team_id = ? AND channel_id = ? AND owner_kind = ? AND owner_id = ?""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, channelId);
            ps.setString(3, kind.stored());
            ps.setLong(4, ownerId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }
}
