package io.coebot.graphs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface GraphRequestRepository extends GenericRepository<GraphRequestRow, Long> {

    GraphRequestRow save(GraphRequestRow row);

    /** Native: only the worker still holding the claim ends a waiting request (the count says whether it did). */
    @Query("""
            UPDATE graph_request SET status = :status, reason = :reason, finished_at = :now, response_url = NULL,
                   claim = NULL, claimed_until = NULL
            WHERE id = :id AND claim = :claim AND status = 'waiting'""")
    int finish(long id, long claim, String status, @Nullable String reason, Instant now);

    /** Native: gives the lease back without counting the attempt, if the claim is still this worker's. */
    @Query("""
            UPDATE graph_request SET claim = NULL, claimed_until = NULL, attempts = GREATEST(attempts - 1, 0)
            WHERE id = :id AND claim = :claim AND status = 'waiting'""")
    void release(long id, long claim);
}
