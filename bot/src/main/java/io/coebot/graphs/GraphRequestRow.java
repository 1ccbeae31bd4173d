package io.coebot.graphs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of graph_request: status waiting, drawn or failed; claim and claimed_until hold a worker's lease. */
@MappedEntity("graph_request")
record GraphRequestRow(@Id @GeneratedValue @Nullable Long id, String teamId, long coeId, String requestedBy,
                       String query, @Nullable String title, @Nullable String responseUrl, String status,
                       @Nullable String reason, int attempts, @Nullable Long claim, @Nullable Instant claimedUntil,
                       Instant requestedAt, @Nullable Instant finishedAt) {
}
