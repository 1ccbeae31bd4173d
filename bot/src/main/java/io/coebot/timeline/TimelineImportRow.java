package io.coebot.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A row of timeline_import; status and phase hold the enums' names, threads the thread ts joined by commas. */
@MappedEntity("timeline_import")
record TimelineImportRow(@Id @GeneratedValue @Nullable Long id, String teamId, long coeId, String channelId,
                         @Nullable String teamDomain, String requestedBy, Instant fromAt, Instant toAt, String status,
                         String phase, @Nullable String cursor, String threads, int scanned, int added, int calls,
                         Instant nextCallAt, @Nullable Instant lastProgressAt, @Nullable String lastError,
                         Instant createdAt, Instant updatedAt) {

    TimelineImport toImport() {
        return new TimelineImport(id, teamId, coeId, channelId, teamDomain, requestedBy, fromAt, toAt,
                TimelineImport.Status.valueOf(status), TimelineImport.Phase.valueOf(phase), cursor,
                threads == null || threads.isBlank() ? List.of() : Arrays.asList(threads.split(",")),
                scanned, added, calls, lastProgressAt);
    }
}
