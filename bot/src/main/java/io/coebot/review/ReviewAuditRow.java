package io.coebot.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of coe_review_audit: who did what to a COE's review, when; actor null when Slack did not say. */
@MappedEntity("coe_review_audit")
record ReviewAuditRow(@Id @GeneratedValue @Nullable Long id, long coeId, String teamId, @Nullable String actor,
                      String what, Instant at) {
}
