package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TimelineImportRepository extends GenericRepository<TimelineImportRow, Long> {

    TimelineImportRow save(TimelineImportRow row);

    /** The row lock under which a page is applied: two instances never apply the same page. */
    Optional<TimelineImportRow> findByIdForUpdate(long id);

    Optional<TimelineImportRow> findByCoeIdAndStatus(long coeId, String status);

    Optional<TimelineImportRow> findFirstByCoeIdOrderByIdDesc(long coeId);

    Optional<TimelineImportRow> findFirstByStatusAndNextCallAtLessThanEqualsOrderByNextCallAt(String status, Instant now);

    /** A page applied: the cursor moves, the counts grow, the next call is paced. */
    void update(@Id long id, String phase, @Nullable String cursor, String threads, int scanned, int added, int calls,
                Instant nextCallAt, @Nullable String lastError, Instant updatedAt);

    /** Slack asked to wait (or failed for a moment): the same call is made again later. */
    void update(@Id long id, Instant nextCallAt, String lastError, Instant updatedAt);

    /** Done or failed. */
    void update(@Id long id, String status, @Nullable String lastError, Instant updatedAt);

    void update(@Id long id, Instant lastProgressAt);
}
