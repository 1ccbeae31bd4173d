package io.coebot.whys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code whys_session}: the whole {@link WhysState} as JSON, {@code finished} beside it for queries. */
@MappedEntity("whys_session")
record WhysRow(@Id long id, String teamId, long coeId, String channelId, int number, @Nullable String rootTs,
               String state, boolean finished, String createdBy, Instant createdAt, Instant updatedAt) {}
