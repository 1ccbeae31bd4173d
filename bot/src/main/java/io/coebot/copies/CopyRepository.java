package io.coebot.copies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The coe_copy queue: its writes are native, conditional on the writer still holding its claim. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CopyRepository extends GenericRepository<CopyRow, CopyRow.Key> {

    List<CopyRow> findByIdCoeId(long coeId);

    /** Native: an upsert (ON CONFLICT) that asks for one more write and keeps a back-off's time. */
    @Query("""
            INSERT INTO coe_copy (coe_id, team_id, target, body, published_by, version, next_attempt_at)
            VALUES (:coeId, :teamId, :target, :body, :publishedBy, :version, :now)
            ON CONFLICT (coe_id, target) DO UPDATE SET body = excluded.body, published_by = excluded.published_by,
                version = excluded.version, wanted = coe_copy.wanted + 1,
                next_attempt_at = CASE WHEN coe_copy.wanted = coe_copy.pushed OR coe_copy.refused
                                       THEN excluded.next_attempt_at ELSE coe_copy.next_attempt_at END,
                refused = FALSE, attempts = CASE WHEN coe_copy.refused THEN 0 ELSE coe_copy.attempts END""")
    void want(long coeId, String teamId, String target, String body, String publishedBy, int version, Instant now);

    /** Native: recorded only while this writer holds the claim. */
    @Query("""
            UPDATE coe_copy SET remote_id = :remoteId, url = :url, pushed = :pushed, attempts = 0, last_error = NULL,
                   refused = FALSE, maybe_created = FALSE, sending_until = NULL, sending_claim = NULL
            WHERE coe_id = :coeId AND target = :target AND sending_claim = :claim""")
    int succeeded(long coeId, String target, long claim, @Nullable String remoteId, @Nullable String url, int pushed);

    /** Native: back to the queue only while this writer holds the claim; a wait asked for is no failed attempt. */
    @Query("""
            UPDATE coe_copy SET next_attempt_at = :when, last_error = :error, refused = :refused,
                   maybe_created = maybe_created OR :maybeCreated, attempts = attempts - :uncounted,
                   sending_until = NULL, sending_claim = NULL
            WHERE coe_id = :coeId AND target = :target AND sending_claim = :claim""")
    int retryAt(long coeId, String target, long claim, Instant when, @Nullable String error, boolean refused,
                boolean maybeCreated, int uncounted);
}
