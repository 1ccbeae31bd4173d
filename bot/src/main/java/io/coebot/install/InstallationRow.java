package io.coebot.install;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of slack_installation: one workspace's (or one organisation's) bot, its token sealed. */
@MappedEntity("slack_installation")
record InstallationRow(@Id @GeneratedValue @Nullable Long id, String enterpriseId, String teamId,
                       @MappedProperty("is_enterprise_install") boolean orgWide, @Nullable String appId,
                       @Nullable String botId, String botUserId, String botScopes, byte[] botTokenSealed,
                       @Nullable String installerUserId, Instant installedAt) {
}
