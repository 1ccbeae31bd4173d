package io.coebot.publish;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code coe_publication}: who published the COE last, why anyway, how many times, and its one message. */
@MappedEntity("coe_publication")
record PublicationRow(@Id long coeId, String teamId, String publishedBy, @Nullable String anywayReason,
                      Instant publishedAt, int times, @Nullable String overviewBody) {}
