package io.coebot.learning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of home_view: someone who opened the bot's Home, and the digest of what it last showed them. */
@MappedEntity("home_view")
record HomeViewRow(@EmbeddedId Key id, Instant openedAt, @Nullable String fingerprint) {

    @Embeddable
    record Key(@MappedProperty("team_id") String teamId, @MappedProperty("user_id") String userId) {
    }
}
