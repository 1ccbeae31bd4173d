package io.coebot.slack;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A person's Slack time zone (users.info `tz`), so that "14:05" means 14:05 where they are.
 * Cached in the database for a day; if Slack cannot tell, UTC, which every echo states plainly.
 * Call it outside transactions: it may wait for Slack.
 */
@Singleton
public class UserZones {
    private static final Logger LOG = LoggerFactory.getLogger(UserZones.class);
    private static final Duration FRESH = Duration.ofDays(1);

    private final JdbcOperations jdbc;
    private final SlackGateway slack;

    public UserZones(JdbcOperations jdbc, SlackGateway slack) {
        this.jdbc = jdbc;
        this.slack = slack;
    }

    /** What coe-bot needs to know about a person: their clock, and whether their account still exists. */
    public record SlackPerson(ZoneId zone, boolean deactivated) {}

    public ZoneId zoneOf(String teamId, String userId) {
        return personOf(teamId, userId).zone();
    }

    /** If Slack cannot be asked, the person is taken as active in UTC (and asked again next time). */
    public SlackPerson personOf(String teamId, String userId) {
        Instant now = Instant.now();
        Optional<SlackPerson> cached = cached(teamId, userId, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        String tz = null;
        boolean deactivated = false;
        String name = null;
        try {
            var r = slack.methods().usersInfo(b -> b.user(userId));
            if (r.isOk() && r.getUser() != null) {
                tz = r.getUser().getTz();
                deactivated = r.getUser().isDeleted();
                name = shownName(r.getUser());
            } else {
                LOG.info("users.info for a user failed: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.info("users.info failed: {}", e.toString());
            return new SlackPerson(ZoneOffset.UTC, false);
        }
        remember(teamId, userId, tz, deactivated, now);
        rememberName(teamId, userId, name);
        return new SlackPerson(parse(tz), deactivated);
    }

    @Transactional
    protected Optional<SlackPerson> cached(String teamId, String userId, Instant now) {
        return jdbc.prepareStatement("SELECT tz, fetched_at, deactivated FROM slack_user WHERE team_id = ? AND user_id = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getTimestamp(2).toInstant().plus(FRESH).isAfter(now)) {
                    return Optional.of(new SlackPerson(parse(rs.getString(1)), rs.getBoolean(3)));
                }
                return Optional.empty();
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
    protected void remember(String teamId, String userId, String tz, boolean deactivated, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO slack_user (team_id, user_id, tz, deactivated, fetched_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (team_id, user_id) DO UPDATE
                SET tz = excluded.tz, deactivated = excluded.deactivated, fetched_at = excluded.fetched_at""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            ps.setString(3, tz);
            ps.setBoolean(4, deactivated);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    /**
     * The name people know them by in Slack (display name, else real name, else handle), for what is read outside
     * Slack (the Markdown export), where a user id names nobody. Empty when Slack cannot tell.
     */
    public Optional<String> displayName(String teamId, String userId) {
        Instant now = Instant.now();
        Optional<String> known = cachedName(teamId, userId, now);
        if (known.isEmpty()) {
            // a row cached before names were kept, or never cached: ask Slack once
            forget(teamId, userId);
            personOf(teamId, userId);
            known = cachedName(teamId, userId, now);
        }
        return known;
    }

    @Transactional
    protected Optional<String> cachedName(String teamId, String userId, Instant now) {
        return jdbc.prepareStatement("SELECT display_name, fetched_at FROM slack_user WHERE team_id = ? AND user_id = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                boolean fresh = rs.next() && rs.getTimestamp(2).toInstant().plus(FRESH).isAfter(now);
                return fresh ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Apart from {@link #remember} so that its columns stay as they were; the row exists once that ran. */
    @Transactional
    protected void rememberName(String teamId, String userId, String name) {
        jdbc.prepareStatement("UPDATE slack_user SET display_name = ? WHERE team_id = ? AND user_id = ?", ps -> {
            ps.setString(1, name);
            ps.setString(2, teamId);
            ps.setString(3, userId);
            return ps.executeUpdate();
        });
    }

    private static String shownName(com.slack.api.model.User u) {
        var profile = u.getProfile();
        for (String candidate : new String[]{profile == null ? null : profile.getDisplayName(),
                profile == null ? null : profile.getRealName(), u.getRealName(), u.getName()}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }

    private static ZoneId parse(String tz) {
        try {
            return tz == null || tz.isBlank() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
