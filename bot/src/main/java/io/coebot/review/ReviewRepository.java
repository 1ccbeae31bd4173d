package io.coebot.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewRepository extends GenericRepository<ReviewRow, Long> {

    Optional<ReviewRow> findById(long coeId);

    /** Native: creates the Drafting row unless there is one (ON CONFLICT), so it can be locked. */
    @Query("""
            INSERT INTO coe_review (coe_id, team_id, status, round, updated_at) VALUES (:coeId, :teamId, 'DRAFTING', 1, :now)
            ON CONFLICT (coe_id) DO NOTHING""")
    void createUnlessThere(long coeId, String teamId, Instant now);

    /** The row lock every review event of one COE runs under. */
    Optional<ReviewRow> findByCoeIdForUpdate(long coeId);

    /** Native: keeps the first time the COE entered review (COALESCE) once reviewers were asked. */
    @Query("""
            UPDATE coe_review SET status = :status, round = :round, updated_at = :now,
                entered_review_at = COALESCE(entered_review_at, CASE WHEN :inReview THEN CAST(:now AS timestamptz) END)
            WHERE coe_id = :coeId""")
    void saveState(long coeId, String status, int round, boolean inReview, Instant now);

    /** A deadline set by hand; the card says "overdue" again once this one passes. */
    void update(@Id long coeId, LocalDate dueOn, String dueReason, String dueSetBy, @Nullable LocalDate overdueShownOn);

    /** Native: only the first caller of the day marks it (the count says who). */
    @Query("UPDATE coe_review SET overdue_shown_on = :day WHERE coe_id = :coeId AND overdue_shown_on IS NULL")
    int markOverdueShown(long coeId, LocalDate day);
}
