package io.coebot.publish;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code published_part}: one part of a published COE; its message's ts is its thread_route entry. */
@MappedEntity("published_part")
record PublishedPartRow(@Id @GeneratedValue @Nullable Long id, String teamId, long coeId, String partKey, int position,
                        Instant updatedAt) {}
