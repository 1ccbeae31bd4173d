package io.coebot.store;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Slack delivers an event again when we were slow or failed (X-Slack-Retry-Num). Recording the
 * event_id inside the transaction that applies the event makes the retry a no-op, and a crash
 * before commit leaves neither the change nor the record, so the retry does the work.
 */
@Singleton
public class ProcessedEvents {
    private final ProcessedEventRepository rows;

    ProcessedEvents(ProcessedEventRepository rows) {
        this.rows = rows;
    }

    /** @return true the first time this event is seen; call it inside the transaction of the change. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean firstDelivery(String teamId, String eventId, Instant now) {
        if (eventId == null || eventId.isBlank()) {
            return true;
        }
        return rows.record(teamId, eventId, now) == 1;
    }
}
