package io.coebot.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ThreadRouteRepository extends GenericRepository<ThreadRouteRow, Void> {
    /** Native: the first owner of a thread keeps it (ON CONFLICT DO NOTHING), which Micronaut Data cannot say. */
    @Query("""
            INSERT INTO thread_route (team_id, channel_id, thread_ts, owner_kind, owner_id)
            VALUES (:teamId, :channelId, :threadTs, :ownerKind, :ownerId) ON CONFLICT DO NOTHING""")
    void claim(String teamId, String channelId, String threadTs, String ownerKind, long ownerId);

    Optional<ThreadRouteRow> findByTeamIdAndChannelIdAndThreadTs(String teamId, String channelId, String threadTs);

    Optional<String> findThreadTsByTeamIdAndChannelIdAndOwnerKindAndOwnerId(String teamId, String channelId,
                                                                          String ownerKind, long ownerId);
}
