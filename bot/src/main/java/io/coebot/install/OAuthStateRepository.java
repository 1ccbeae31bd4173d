package io.coebot.install;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OAuthStateRepository extends GenericRepository<OAuthStateRow, String> {

    void insert(OAuthStateRow row);

    void deleteByExpiresAtLessThan(Instant now);
}
