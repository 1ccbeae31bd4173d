package io.coebot.whys;

import io.coebot.interview.Answer;
import io.coebot.interview.Contribution;
import io.coebot.interview.Interviews;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names of a COE's people, for the human-error guard: the channel's members and everyone who has spoken in the
 * COE (interview answers, 5 Whys causes and fixes), by their Slack display and real names from the users.info cache.
 * Asks Slack, so call it outside transactions.
 */
@Singleton
class CoePeople {
    /**
     * Incident channels are small; a large one (an all-hands channel used for an incident) would cost a users.info
     * call per member the first time, so only this many members are asked about. The people who speak in the COE
     * are always asked.
     */
    static final int MEMBERS_ASKED = 100;
    /**
     * Every reply in a 5 Whys thread needs the channel's members, which change rarely during a COE: they are asked of
     * Slack again after this long (so a newcomer's name is guarded from then on), not once per reply.
     */
    static final Duration MEMBERS_KEPT = Duration.ofMinutes(5);

    private record Members(Set<String> ids, Instant until) {}

    private final ChannelAccess channels;
    private final UserZones users;
    private final Interviews interviews;
    private final WhysStore sessions;
    private final Clock clock;
    private final Map<String, Members> members = new ConcurrentHashMap<>();

    CoePeople(ChannelAccess channels, UserZones users, Interviews interviews, WhysStore sessions, Clock clock) {
        this.channels = channels;
        this.users = users;
        this.interviews = interviews;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** @param speaker who is speaking now (a reply's author); {@code bot} is left out: the bot is not a teammate */
    People of(String teamId, long sessionId, String speaker, String bot) {
        Set<String> ids = new LinkedHashSet<>();
        if (speaker != null) {
            ids.add(speaker);
        }
        sessions.find(sessionId).ifPresent(s -> {
            spokeIn(s.state().tree(), ids);
            interviews.find(s.coeId()).ifPresent(i -> {
                for (Answer a : i.answers().values()) {
                    a.contributions().stream().map(Contribution::userId).forEach(ids::add);
                }
            });
            membersOf(teamId, s.channelId()).stream().sorted().limit(MEMBERS_ASKED).forEach(ids::add);
        });
        ids.remove(bot);
        ids.remove(null);
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            UserZones.SlackPerson p = users.personOf(teamId, id);
            names.addAll(People.of(p.displayName(), p.realName()));
        }
        return new People(names);
    }

    /** An answer Slack could not give (empty) is not kept: the next reply asks again. */
    private Set<String> membersOf(String teamId, String channelId) {
        Instant now = clock.instant();
        String key = teamId + "|" + channelId;
        Members known = members.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.ids();
        }
        Set<String> ids = channels.members(teamId, channelId);
        if (!ids.isEmpty()) {
            members.put(key, new Members(Set.copyOf(ids), now.plus(MEMBERS_KEPT)));
            if (members.size() > 1_000) {
                members.values().removeIf(m -> now.isAfter(m.until()));
            }
        }
        return ids;
    }

    private static void spokeIn(WhyTree tree, Set<String> ids) {
        for (WhyNode n : tree.nodes()) {
            ids.add(n.author());
            n.remediations().forEach(r -> ids.add(r.author()));
        }
    }
}
