package io.coebot.store;

import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code thread_route}: a thread (team, channel, thread ts, its primary key) and its owner; the owner kind as
 * {@link OwnerKind#stored()}. Only read and inserted, so no id of its own.
 */
@MappedEntity("thread_route")
record ThreadRouteRow(String teamId, String channelId, String threadTs, String ownerKind, long ownerId) {}
