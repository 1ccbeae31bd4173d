package io.coebot.trackers;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a channel's action items go: the channel's own choice ({@code /coe tracker}), else the workspace default
 * (the first configured tracker that names a target in the environment), else nowhere.
 */
@Singleton
public class TrackerChoice {
    /** A tracker and the repository, project or team in it. */
    public record Destination(Tracker tracker, String target) {
        public String label() {
            return tracker.name() + " " + target;
        }
    }

    /** What a channel has chosen: a destination, or explicitly none ({@code destination} empty, {@code own} true). */
    public record ChannelChoice(Optional<Destination> destination, boolean own) {}

    static final String NONE = "none";

    private final List<Tracker> trackers;
    private final JdbcOperations jdbc;

    public TrackerChoice(List<Tracker> trackers, JdbcOperations jdbc) {
        this.trackers = trackers;
        this.jdbc = jdbc;
    }

    /** The configured trackers, in the order they are offered. */
    public List<Tracker> configured() {
        return trackers.stream().filter(Tracker::configured).toList();
    }

    public Optional<Tracker> byId(String id) {
        return trackers.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Destination> workspaceDefault() {
        return configured().stream().filter(t -> t.defaultTarget() != null).findFirst()
                .map(t -> new Destination(t, t.defaultTarget()));
    }

    @Transactional
    public ChannelChoice of(String teamId, String channelId) {
        Optional<String[]> own = jdbc.prepareStatement(
                "SELECT tracker, target FROM tracker_channel WHERE team_id = ? AND channel_id = ?", ps -> {
                    ps.setString(1, teamId);
                    ps.setString(2, channelId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new String[]{rs.getString(1), rs.getString(2)}) : Optional.empty();
                    }
                });
        if (own.isEmpty()) {
            return new ChannelChoice(workspaceDefault(), false);
        }
        if (NONE.equals(own.get()[0])) {
            return new ChannelChoice(Optional.empty(), true);
        }
        // a channel's choice whose tracker is no longer configured sends nothing until it is again
        return new ChannelChoice(byId(own.get()[0]).filter(Tracker::configured).map(t -> new Destination(t, own.get()[1])), true);
    }

    public Optional<Destination> forChannel(String teamId, String channelId) {
        return of(teamId, channelId).destination();
    }

    /** @param trackerId a tracker's id, or {@link #NONE} */
    @Transactional
    public void choose(String teamId, String channelId, String trackerId, String target, String by, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO tracker_channel (team_id, channel_id, tracker, target, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (team_id, channel_id) DO UPDATE
                SET tracker = excluded.tracker, target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at""",
                ps -> {
                    ps.setString(1, teamId);
                    ps.setString(2, channelId);
                    ps.setString(3, trackerId);
                    ps.setString(4, target == null ? "" : target);
                    ps.setString(5, by);
                    ps.setTimestamp(6, Timestamp.from(now));
                    return ps.executeUpdate();
                });
    }

    /** "Action items go to GitHub acme/checkout (this channel's choice)." */
    public String describe(String teamId, String channelId) {
        TrackerChoice.ChannelChoice c = of(teamId, channelId);
        if (c.destination().isEmpty()) {
            return c.own() ? "Action items stay in coe-bot (this channel's choice)." : "Action items stay in coe-bot (no tracker chosen).";
        }
        return "Action items go to " + c.destination().get().label() + (c.own() ? " (this channel's choice)." : " (the workspace default).");
    }

}
