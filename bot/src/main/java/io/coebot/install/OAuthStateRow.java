package io.coebot.install;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of oauth_state: an "Add to Slack" begun here, until it comes back or expires. */
@MappedEntity("oauth_state")
record OAuthStateRow(@Id String state, Instant expiresAt) {
}
