package io.coebot.learning;

import io.coebot.slack.ChannelAccess;

import java.util.HashMap;
import java.util.Map;

/**
 * Who may see which COE, for one person and one answer: the rule of `/coe actions mine` ({@link ChannelAccess}:
 * a public channel's COE to anyone, a private one's to its members, unknown to nobody), asked once per channel.
 */
final class ChannelVisibility {
    private final ChannelAccess access;
    private final String teamId;
    private final String userId;
    private final Map<String, Boolean> seen = new HashMap<>();

    ChannelVisibility(ChannelAccess access, String teamId, String userId) {
        this.access = access;
        this.teamId = teamId;
        this.userId = userId;
    }

    boolean canSee(String channelId) {
        return seen.computeIfAbsent(channelId, ch -> access.canSee(teamId, ch, userId));
    }
}
