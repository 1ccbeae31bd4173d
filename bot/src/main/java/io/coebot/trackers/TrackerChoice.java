package io.coebot.trackers;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a channel's action items go: the channel's own choice ({@code /coe tracker}), else the workspace default
 * (the first configured tracker that names a target in the environment), else nowhere.
 */
@Singleton
class TrackerChoice {
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
    private final TrackerChannelRepository channels;

    TrackerChoice(List<Tracker> trackers, TrackerChannelRepository channels) {
        this.trackers = trackers;
        this.channels = channels;
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
        Optional<String[]> own = channels.findById(new TrackerChannelRow.Key(teamId, channelId))
                .map(c -> new String[]{c.tracker(), c.target()});
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
        channels.choose(teamId, channelId, trackerId, target == null ? "" : target, by, now);
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
