package io.coebot.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code action_item} as written; priority, type, status and cause are stored by their keys
 * ({@link Priority#key()}, {@link io.coebot.whys.CauseRef#toString()}). Read back joined with its COE as {@link ActionItemView}.
 */
@MappedEntity("action_item")
record ActionItemRow(@Id @GeneratedValue @Nullable Long id, String teamId, long coeId, String text, String ownerUserId,
                     String priority, LocalDate due, @Nullable String type, String status, @Nullable String statusReason,
                     @Nullable LocalDate snoozedUntil, @Nullable String causeRef, @Nullable String causeText,
                     @Nullable String trackerUrl, @Nullable String trackerKey, @Nullable String trackerPending,
                     String createdBy, Instant createdAt, Instant updatedAt) {}
