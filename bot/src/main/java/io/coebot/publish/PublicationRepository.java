package io.coebot.publish;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The publication row, and the figures a target attached ({@code published_figure}, read and written natively). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PublicationRepository extends GenericRepository<PublicationRow, Long> {
    Optional<String> findAnywayReasonByCoeId(long coeId);

    Optional<String> findOverviewBodyByCoeId(long coeId);

    void update(@Id long coeId, @Nullable String overviewBody);

    @Query("SELECT name, sha256 FROM published_figure WHERE coe_id = :coeId AND target = :target")
    List<FigureDigest> findFiguresAttached(long coeId, String target);

    /** Native: an upsert (ON CONFLICT), which Micronaut Data cannot say. */
    @Query("""
            INSERT INTO published_figure (coe_id, team_id, target, name, sha256) VALUES (:coeId, :teamId, :target, :name, :sha256)
            ON CONFLICT (coe_id, target, name) DO UPDATE SET sha256 = excluded.sha256""")
    void figureAttached(long coeId, String teamId, String target, String name, String sha256);

    /** A figure's name and the digest of the PNG attached under it. */
    @Introspected
    record FigureDigest(String name, String sha256) {}
}
