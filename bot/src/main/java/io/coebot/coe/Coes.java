package io.coebot.coe;

import io.coebot.slack.TeamRef;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** How other features read COEs; opening and changing one stays in this package ({@link CoeService}). */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class Coes {
    private final CoeRepository rows;

    Coes(CoeRepository rows) {
        this.rows = rows;
    }

    public Optional<Coe> openIn(String teamId, String channelId) {
        return rows.findByTeamIdAndChannelIdAndStatusNotEqual(teamId, channelId, Coe.Status.PUBLISHED).map(CoeRow::coe);
    }

    /** The channel's COE still open, or else the one published last: publishing again edits what was posted. */
    public Optional<Coe> latestIn(String teamId, String channelId) {
        return rows.findLatest(teamId, channelId).map(CoeRow::coe);
    }

    /**
     * The COE a button or form names, found only when it belongs to the workspace that sent it: a payload from another
     * workspace carrying this one's ids finds nothing, as if the COE did not exist.
     */
    public Optional<Coe> find(TeamRef ref) {
        return rows.findByIdAndTeamId(ref.id(), ref.teamId()).map(CoeRow::coe);
    }

    public Optional<Coe> byId(long id) {
        return rows.findById(id).map(CoeRow::coe);
    }

    /**
     * Holds the COE's row until the caller's transaction ends: the one lock under which a COE's numbered or ordered
     * parts (5 Whys sessions, graphs, timeline entries) are added, so two added at once never get the same number.
     */
    public void lock(long coeId) {
        rows.lock(coeId);
    }

    /** The workspace's COEs not yet published, oldest first: what reminders are about. */
    public List<Coe> unpublished(String teamId) {
        return rows.findByTeamIdAndStatusNotEqualOrderById(teamId, Coe.Status.PUBLISHED).stream().map(CoeRow::coe).toList();
    }

    /** The workspaces that have a COE not yet published. */
    public Set<String> teamsWithUnpublished() {
        return new TreeSet<>(rows.findTeamsWithUnpublished());
    }
}
