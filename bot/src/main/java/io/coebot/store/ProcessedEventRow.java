package io.coebot.store;

import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code processed_event}: a Slack event applied once (primary key: team and event id). */
@MappedEntity("processed_event")
record ProcessedEventRow(String teamId, String eventId, Instant processedAt) {}
