package io.coebot.coe;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code coe}; the rest of the code sees {@link Coe}. */
@MappedEntity("coe")
record CoeRow(@Id @GeneratedValue @Nullable Long id, String teamId, String channelId, int number, String title,
              String ownerUserId, Coe.Status status, @Nullable String cardTs, Instant createdAt) {

    static CoeRow opened(String teamId, String channelId, int number, String title, String ownerUserId, Instant now) {
        return new CoeRow(null, teamId, channelId, number, title, ownerUserId, Coe.Status.OPEN, null, now);
    }

    Coe coe() {
        return new Coe(id, teamId, channelId, number, title, ownerUserId, status, cardTs, createdAt);
    }
}
