package io.coebot.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A row of coe_review: a COE's review status, round and deadline set by hand. */
@MappedEntity("coe_review")
record ReviewRow(@Id long coeId, String teamId, String status, int round, @Nullable LocalDate dueOn,
                 @Nullable String dueReason, @Nullable String dueSetBy, @Nullable LocalDate overdueShownOn,
                 @Nullable Instant enteredReviewAt, Instant updatedAt) {

    ReviewStore.Row toRow() {
        return new ReviewStore.Row(coeId, ReviewStatus.valueOf(status), round, dueOn, dueReason, dueSetBy,
                overdueShownOn, enteredReviewAt);
    }
}
