package io.coebot.review;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewNoteRepository extends GenericRepository<ReviewNoteRow, Long> {

    ReviewNoteRow save(ReviewNoteRow row);

    List<ReviewNoteRow> findByCoeIdOrderById(long coeId);

    /** Native: a note resolved once keeps who resolved it first. */
    @Query("UPDATE coe_review_note SET resolved_by = :by, resolved_at = :at WHERE id = :id AND resolved_at IS NULL")
    void resolve(long id, String by, Instant at);
}
