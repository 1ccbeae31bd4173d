package io.coebot.actions;

import io.coebot.whys.CauseRef;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** An action item read together with its COE (number, title, owner, channel), so a nudge needs nothing else. */
@Introspected
record ActionItemView(long id, long coeId, int coeNumber, String coeTitle, String coeOwner, String channelId, String text,
                      String ownerUserId, String priority, LocalDate due, @Nullable String type, String status,
                      @Nullable String statusReason, @Nullable LocalDate snoozedUntil, @Nullable String causeRef,
                      @Nullable String causeText, @Nullable String trackerUrl, @Nullable String trackerKey,
                      @Nullable String trackerPending, Instant createdAt) {

    ActionItem item() {
        return new ActionItem(id, coeId, coeNumber, coeTitle, coeOwner, channelId, text, ownerUserId,
                Priority.fromKey(priority), due, type == null ? null : ActionType.fromKey(type), ActionStatus.fromKey(status),
                statusReason, snoozedUntil, CauseRef.parse(causeRef).orElse(null), causeText, trackerUrl, trackerKey,
                trackerPending, createdAt);
    }
}
