package io.coebot.copies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of coe_copy, the queue of COE copies still to write. */
@MappedEntity("coe_copy")
record CopyRow(@EmbeddedId Key id, String teamId, @Nullable String remoteId, @Nullable String url, String body,
               String publishedBy, int version, int wanted, int pushed, int attempts, Instant nextAttemptAt,
               @Nullable Instant sendingUntil, @Nullable Long sendingClaim, boolean maybeCreated,
               @Nullable String lastError, boolean refused) {

    @Embeddable
    record Key(@MappedProperty("coe_id") long coeId, @MappedProperty("target") String target) {
    }

    /** Read outside a claim: nobody's lease is taken over. */
    CopyRows.Row toRow() {
        return new CopyRows.Row(id.coeId(), teamId, id.target(), remoteId, url, body, publishedBy, version, wanted, pushed,
                attempts, maybeCreated, lastError, refused, false);
    }
}
