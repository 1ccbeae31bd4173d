package io.coebot.learning;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HomeViewRepository extends GenericRepository<HomeViewRow, HomeViewRow.Key> {

    /** Native: an upsert (ON CONFLICT); opening the Home again only moves opened_at. */
    @Query("""
            INSERT INTO home_view (team_id, user_id, opened_at) VALUES (:teamId, :userId, :now)
            ON CONFLICT (team_id, user_id) DO UPDATE SET opened_at = excluded.opened_at""")
    void opened(String teamId, String userId, Instant now);

    boolean existsById(HomeViewRow.Key id);

    List<HomeViewRow> findByOpenedAtGreaterThanEqualsOrderByOpenedAtDesc(Instant since);

    void update(@Id HomeViewRow.Key id, String fingerprint);
}
