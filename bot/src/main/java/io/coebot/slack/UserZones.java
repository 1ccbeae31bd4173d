package io.coebot.slack;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
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

    private final JdbcOperations jdbc;
    private final SlackGateway slack;

    private final Clock clock;

    public UserZones(JdbcOperations jdbc, SlackGateway slack, Clock clock) {
        this.jdbc = jdbc;
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
            var r = slack.methods().usersInfo(b -> b.user(userId));
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
        return jdbc.prepareStatement("SELECT tz, fetched_at, deactivated, display_name, real_name, email FROM slack_user WHERE team_id = ? AND user_id = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getTimestamp(2).toInstant().plus(FRESH).isAfter(now)) {
                    return Optional.of(new SlackPerson(parse(rs.getString(1)), rs.getBoolean(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
                return Optional.empty();
            }
        });
    }

    /**
     * The zone last learned from Slack, however old, or UTC: never asks Slack, so it is safe inside a transaction
     * (a COE card drawn under a row lock must not wait for users.info). {@link #zoneOf} keeps it learned.
     */
    @Transactional
    public ZoneId knownZone(String teamId, String userId) {
        return jdbc.prepareStatement("SELECT tz FROM slack_user WHERE team_id = ? AND user_id = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? parse(rs.getString(1)) : ZoneOffset.UTC;
            }
        });
    }

    /** Ask Slack again next time: a DM that could not be delivered may mean the account was deactivated. */
    @Transactional
    public void forget(String teamId, String userId) {
        jdbc.prepareStatement("UPDATE slack_user SET fetched_at = 'epoch' WHERE team_id = ? AND user_id = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            return ps.executeUpdate();
        });
    }

    @Transactional
    protected void remember(String teamId, String userId, String tz, boolean deactivated, String displayName,
                            String realName, String email, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO slack_user (team_id, user_id, tz, deactivated, display_name, real_name, email, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (team_id, user_id) DO UPDATE
                SET tz = excluded.tz, deactivated = excluded.deactivated, display_name = excluded.display_name,
                    real_name = excluded.real_name, email = excluded.email, fetched_at = excluded.fetched_at""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            ps.setString(3, tz);
            ps.setBoolean(4, deactivated);
            ps.setString(5, displayName);
            ps.setString(6, realName);
            ps.setString(7, email);
            ps.setTimestamp(8, Timestamp.from(now));
            return ps.executeUpdate();
        });
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
