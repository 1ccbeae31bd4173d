package io.coebot.publish;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PublishedPartRepository extends GenericRepository<PublishedPartRow, Long> {
    /** One INSERT … RETURNING: the id comes back with the row. */
    PublishedPartRow insert(PublishedPartRow row);

    List<PublishedPartRow> findByCoeIdOrderByPosition(long coeId);

    /** Native: joins thread_route (the store's table) and orders by a condition, neither of which a method name says. */
    @Query("""
            SELECT r.thread_ts FROM published_part p
            JOIN thread_route r ON r.owner_kind = :ownerKind AND r.owner_id = p.id AND r.team_id = p.team_id
            WHERE p.coe_id = :coeId ORDER BY (p.part_key = :firstKey) DESC, p.position LIMIT 1""")
    Optional<String> findFirstPartTs(long coeId, String ownerKind, String firstKey);
}
