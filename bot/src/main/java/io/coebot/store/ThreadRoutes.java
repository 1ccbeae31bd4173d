package io.coebot.store;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Each thread belongs to one owner: the interview owns the COE card's thread, each 5 Whys session its own, a published
 * COE's messages and a COE's message in the review channel theirs. The one listener for message events
 * ({@code io.coebot.slack.MessageEvents}) looks up here, once, the thread of a person's reply (or its edit or
 * deletion) and hands it to the conversation of that owner's kind, if the kind has one; the bot's own and top-level
 * messages cost no lookup. When the outbox's message is sent, the gateway ({@code io.coebot.slack.SlackGateway})
 * finds here the thread it goes into, or the root it edits.
 */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class ThreadRoutes {
    public record Owner(OwnerKind kind, long id) {}

    private final ThreadRouteRepository rows;
    /** Lookups by thread, counted so a test can hold "routed once" to the code (one per message event). */
    private final java.util.concurrent.atomic.LongAdder lookups = new java.util.concurrent.atomic.LongAdder();

    ThreadRoutes(ThreadRouteRepository rows) {
        this.rows = rows;
    }

    /** The thread's first owner keeps it: claiming it again, or for another owner, changes nothing. */
    public void claim(String teamId, String channelId, String threadTs, OwnerKind kind, long ownerId) {
        rows.claim(teamId, channelId, threadTs, kind.stored(), ownerId);
    }

    public Optional<Owner> ownerOf(String teamId, String channelId, String threadTs) {
        if (threadTs == null) {
            return Optional.empty();
        }
        lookups.increment();
        return rows.findByTeamIdAndChannelIdAndThreadTs(teamId, channelId, threadTs)
                .map(r -> new Owner(OwnerKind.ofStored(r.ownerKind()), r.ownerId()));
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
        return rows.findThreadTsByTeamIdAndChannelIdAndOwnerKindAndOwnerId(teamId, channelId, kind.stored(), ownerId);
    }
}
