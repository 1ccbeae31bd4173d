package io.coebot.whys;

import io.coebot.interview.Answer;
import io.coebot.interview.Contribution;
import io.coebot.interview.InterviewService;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    private final ChannelAccess channels;
    private final UserZones users;
    private final InterviewService interviews;
    private final WhysStore sessions;

    CoePeople(ChannelAccess channels, UserZones users, InterviewService interviews, WhysStore sessions) {
        this.channels = channels;
        this.users = users;
        this.interviews = interviews;
        this.sessions = sessions;
    }

    /** @param speaker who is speaking now (a reply's author); {@code bot} is left out: the bot is not a teammate */
    People of(String teamId, long sessionId, String speaker, String bot) {
        Set<String> ids = new LinkedHashSet<>();
        if (speaker != null) {
            ids.add(speaker);
        }
        sessions.find(sessionId).ifPresent(s -> {
            spokeIn(s.state().tree(), ids);
            interviews.stateOf(s.coeId()).ifPresent(i -> {
                for (Answer a : i.answers().values()) {
                    a.contributions().stream().map(Contribution::userId).forEach(ids::add);
                }
            });
            channels.members(s.channelId()).stream().sorted().limit(MEMBERS_ASKED).forEach(ids::add);
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

    private static void spokeIn(WhyTree tree, Set<String> ids) {
        for (WhyNode n : tree.nodes()) {
            ids.add(n.author());
            n.remediations().forEach(r -> ids.add(r.author()));
        }
    }
}
