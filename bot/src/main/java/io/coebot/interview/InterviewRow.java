package io.coebot.interview;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code interview}: the whole {@link InterviewState} as JSON ({@link InterviewStore#toJson}). */
@MappedEntity("interview")
record InterviewRow(@Id long coeId, String teamId, String state, Instant updatedAt) {}
