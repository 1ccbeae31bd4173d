package io.coebot.graphs;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface GraphRepository extends GenericRepository<GraphRow, Long> {

    List<GraphFigureRow> findByCoeId(long coeId);

    Optional<GraphFigureRow> queryById(long id);

    Optional<GraphPng> readById(long id);

    /** Drawn again over a new window; query and title stay. */
    void update(@Id long id, Instant windowFrom, Instant windowTo, Long stepSeconds, int series, byte[] png,
                String pngSha256, Instant drawnAt);
}
