package io.coebot.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code nudge_claim} (primary key: team, kind, claim key); written only by {@link NudgeClaimStore#claim}. */
@MappedEntity("nudge_claim")
record NudgeClaimRow(String teamId, String kind, String claimKey, String status, @Nullable Instant retryAfter,
                     Instant claimedAt) {}
