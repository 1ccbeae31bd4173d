package io.coebot.interview;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InterviewRepository extends GenericRepository<InterviewRow, Long> {
    /** Native: an insert that does nothing when the row exists (ON CONFLICT), which Micronaut Data cannot say. */
    @Query("""
            INSERT INTO interview (coe_id, team_id, state, updated_at) VALUES (:coeId, :teamId, :state, :updatedAt)
            ON CONFLICT (coe_id) DO NOTHING""")
    int insertUnlessExists(long coeId, String teamId, String state, Instant updatedAt);

    Optional<InterviewRow> findByCoeId(long coeId);

    /** SELECT … FOR UPDATE: the row lock that applies two answers one after the other. */
    Optional<InterviewRow> findByCoeIdForUpdate(long coeId);

    void update(@Id long coeId, String state, Instant updatedAt);
}
