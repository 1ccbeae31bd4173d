package io.coebot.publish;

import io.coebot.actions.ActionItem;
import io.coebot.interview.Answer;
import io.coebot.slack.ChannelNames;
import io.coebot.slack.UserZones;
import io.coebot.timeline.TimelineEntry;
import io.coebot.whys.WhysSession;
import io.coebot.whys.WhysTreeText;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks up the names of everyone and every channel a COE mentions, from the caches of users.info and
 * conversations.info. Asks Slack for those not cached, so call it outside transactions, before rendering.
 */
@Singleton
class CoeNames {
    private final UserZones people;
    private final ChannelNames channels;

    CoeNames(UserZones people, ChannelNames channels) {
        this.people = people;
        this.channels = channels;
    }

    Names of(CoeDocument d) {
        Set<String> userIds = new TreeSet<>();
        Set<String> channelIds = new TreeSet<>();
        String team = d.coe().teamId();
        userIds.add(d.coe().ownerUserId());
        Names.mentionsIn(d.coe().title(), userIds, channelIds);
        Names.mentionsIn(d.publishedAnywayReason(), userIds, channelIds);
        for (ReviewRecord.Line l : d.review().lines()) {
            if (l.actor() != null) {
                userIds.add(l.actor());
            }
            Names.mentionsIn(l.what(), userIds, channelIds);
        }
        for (Answer a : d.answers().values()) {
            Names.mentionsIn(a.text(), userIds, channelIds);
            Names.mentionsIn(a.value(), userIds, channelIds);
        }
        for (TimelineEntry e : d.timeline().entries()) {
            if (e.author() != null && !e.author().isBlank()) {
                userIds.add(e.author());
            }
            Names.mentionsIn(e.text(), userIds, channelIds);
        }
        for (WhysSession s : d.whys()) {
            Names.mentionsIn(s.state().tree().problem(), userIds, channelIds);
            Names.mentionsIn(WhysTreeText.markdown(s.state()), userIds, channelIds);
        }
        for (ActionItem i : d.actions()) {
            if (i.owner() != null && !i.owner().isBlank()) {
                userIds.add(i.owner());
            }
            Names.mentionsIn(i.text(), userIds, channelIds);
            Names.mentionsIn(i.statusReason(), userIds, channelIds);
        }
        Map<String, String> userNames = new LinkedHashMap<>();
        userIds.forEach(id -> people.displayName(team, id).ifPresent(n -> userNames.put(id, n)));
        Map<String, String> channelNames = new LinkedHashMap<>();
        channelIds.forEach(id -> channels.nameOf(team, id).ifPresent(n -> channelNames.put(id, n)));
        return new Names(userNames, channelNames);
    }
}
