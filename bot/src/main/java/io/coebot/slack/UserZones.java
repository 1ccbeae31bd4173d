package io.coebot.slack;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What users.info says about a person: their time zone (`tz`), so that "14:05" means 14:05 where they are, and
 * the names the team writes them by. Cached in the database for a day; if Slack cannot tell, UTC and no name,
 * which every echo states plainly. The one cache of users.info: call it outside transactions, it may wait for Slack.
 */
@Singleton
public class UserZones {
    private static final Logger LOG = LoggerFactory.getLogger(UserZones.class);
    private static final Duration FRESH = Duration.ofDays(1);

    private final SlackUserRepository users;
    private final SlackGateway slack;

    private final Clock clock;

    UserZones(SlackUserRepository users, SlackGateway slack, Clock clock) {
        this.users = users;
        this.slack = slack;
        this.clock = clock;
    }

    /**
     * What coe-bot needs to know about a person: their clock, whether their account still exists, and their names
     * (profile display name and real name; null when Slack has none), and their email (profile.email, which Slack
     * gives with the users:read.email scope; null without it): how an item's owner is found in the team's tracker.
     */
    public record SlackPerson(ZoneId zone, boolean deactivated, String displayName, String realName, String email) {
        public SlackPerson(ZoneId zone, boolean deactivated) {
            this(zone, deactivated, null, null, null);
        }

        public SlackPerson(ZoneId zone, boolean deactivated, String displayName, String realName) {
            this(zone, deactivated, displayName, realName, null);
        }
    }

    public ZoneId zoneOf(String teamId, String userId) {
        return personOf(teamId, userId).zone();
    }

    /** If Slack cannot be asked, the person is taken as active in UTC (and asked again next time). */
    public SlackPerson personOf(String teamId, String userId) {
        Instant now = clock.instant();
        Optional<SlackPerson> cached = cached(teamId, userId, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        String tz = null;
        boolean deactivated = false;
        String displayName = null;
        String realName = null;
        String email = null;
        try {
            var r = slack.methods(teamId).usersInfo(b -> b.user(userId));
            if (r.isOk() && r.getUser() != null) {
                tz = r.getUser().getTz();
                deactivated = r.getUser().isDeleted();
                var profile = r.getUser().getProfile();
                displayName = blankToNull(profile == null ? null : profile.getDisplayName());
                email = blankToNull(profile == null ? null : profile.getEmail());
                realName = blankToNull(profile != null && profile.getRealName() != null ? profile.getRealName()
                        : r.getUser().getRealName());
            } else {
                LOG.info("users.info for a user failed: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.info("users.info failed: {}", e.toString());
            return new SlackPerson(ZoneOffset.UTC, false);
        }
        remember(teamId, userId, tz, deactivated, displayName, realName, email, now);
        return new SlackPerson(parse(tz), deactivated, displayName, realName, email);
    }

    @Transactional
    protected Optional<SlackPerson> cached(String teamId, String userId, Instant now) {
        return users.findByTeamIdAndUserId(teamId, userId)
                .filter(u -> u.fetchedAt().plus(FRESH).isAfter(now))
                .map(u -> new SlackPerson(parse(u.tz()), u.deactivated(), u.displayName(), u.realName(), u.email()));
    }

    /**
     * The zone last learned from Slack, however old, or UTC: never asks Slack, so it is safe inside a transaction
     * (a COE card drawn under a row lock must not wait for users.info). {@link #zoneOf} keeps it learned.
     */
    @Transactional
    public ZoneId knownZone(String teamId, String userId) {
        return users.findTzByTeamIdAndUserId(teamId, userId).map(UserZones::parse).orElse(ZoneOffset.UTC);
    }

    /** Ask Slack again next time: a DM that could not be delivered may mean the account was deactivated. */
    @Transactional
    public void forget(String teamId, String userId) {
        users.forget(teamId, userId);
    }

    @Transactional
    protected void remember(String teamId, String userId, String tz, boolean deactivated, String displayName,
                            String realName, String email, Instant now) {
        users.remember(teamId, userId, tz, deactivated, displayName, realName, email, now);
    }

    /**
     * The name people know them by in Slack (display name, else real name), for what is read outside Slack (the
     * Markdown export), where a user id names nobody. Empty when Slack cannot tell.
     */
    public Optional<String> displayName(String teamId, String userId) {
        SlackPerson p = personOf(teamId, userId);
        return Optional.ofNullable(p.displayName() != null ? p.displayName() : p.realName());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ZoneId parse(String tz) {
        try {
            return tz == null || tz.isBlank() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
