package io.coebot.install;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The OAuth {@code state} of each "Add to Slack" begun here (table oauth_state, V21): random, stored server-side so any
 * instance can check it, valid for {@link #VALID_FOR}, and taken by one atomic DELETE, so it is used at most once even
 * when the same redirect arrives twice at two instances. Bolt's OAuthStateService asks "is it there?" and then
 * "delete it" as two calls, which lets two concurrent redirects both pass: hence this one statement instead.
 */
@Singleton
class InstallStates {
    static final Duration VALID_FOR = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransactionOperations<Connection> tx;
    private final OAuthStateRepository states;
    private final Clock clock;

    InstallStates(TransactionOperations<Connection> tx, OAuthStateRepository states, Clock clock) {
        this.tx = tx;
        this.states = states;
        this.clock = clock;
    }

    String issue() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tx.executeWrite(status -> {
            // the ones never come back for (a closed tab): gone at the next install
            states.deleteByExpiresAtLessThan(clock.instant());
            states.insert(new OAuthStateRow(state, clock.instant().plus(VALID_FOR)));
            return null;
        });
        return state;
    }

    /** Whether {@code state} was issued here, has not expired, and was not used before; it cannot be used again. */
    boolean take(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return false;
        }
        // Hand-written: DELETE … RETURNING, the check and the use in one statement, which a repository method cannot say.
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "DELETE FROM oauth_state WHERE state = ? RETURNING expires_at")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getTimestamp(1).toInstant().isAfter(clock.instant());
                }
            }
        });
    }
}
