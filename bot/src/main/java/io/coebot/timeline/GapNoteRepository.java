package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface GapNoteRepository extends GenericRepository<GapNoteRow, GapNoteRow.Key> {

    List<GapNoteRow> findByIdCoeId(long coeId);

    /** Native: an upsert (ON CONFLICT), the latest explanation of a gap replaces the earlier one. */
    @Query("""
            INSERT INTO timeline_gap_note (coe_id, gap_key, team_id, explanation, explained_by, explained_at)
            VALUES (:coeId, :gapKey, :teamId, :explanation, :explainedBy, :explainedAt)
            ON CONFLICT (coe_id, gap_key) DO UPDATE SET explanation = excluded.explanation,
                explained_by = excluded.explained_by, explained_at = excluded.explained_at""")
    void explain(long coeId, String gapKey, String teamId, String explanation, @Nullable String explainedBy,
                 Instant explainedAt);
}
