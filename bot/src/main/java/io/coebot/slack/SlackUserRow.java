package io.coebot.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code slack_user}: what users.info said about a person, and when (primary key: team and user id). */
@MappedEntity("slack_user")
record SlackUserRow(String teamId, String userId, @Nullable String tz, boolean deactivated, @Nullable String displayName,
                    @Nullable String realName, @Nullable String email, Instant fetchedAt) {}
