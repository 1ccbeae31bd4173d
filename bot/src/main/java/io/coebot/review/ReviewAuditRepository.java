package io.coebot.review;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewAuditRepository extends GenericRepository<ReviewAuditRow, Long> {

    ReviewAuditRow save(ReviewAuditRow row);

    List<ReviewAuditRow> findByCoeIdOrderById(long coeId);
}
