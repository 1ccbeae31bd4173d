package io.coebot.whys;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WhysRepository extends GenericRepository<WhysRow, Long> {
    Optional<WhysRow> findById(long id);

    /** SELECT … FOR UPDATE: the row lock that applies two answers one after the other. */
    Optional<WhysRow> findByIdForUpdate(long id);

    List<WhysRow> findByCoeIdOrderByNumber(long coeId);

    void update(@Id long id, String state, boolean finished, Instant updatedAt);

    /** Native: only the first post sets it (a condition on the column being set, which an update by id cannot say). */
    @Query("UPDATE whys_session SET root_ts = :rootTs WHERE id = :id AND root_ts IS NULL")
    void rootPosted(long id, String rootTs);
}
