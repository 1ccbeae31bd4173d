package io.coebot.slack;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a person may see what belongs to a channel: anyone may see a public channel's, only its members a
 * private one's. When Slack cannot tell, the answer is no: a COE of a private channel is never shown to
 * someone outside it by mistake. Asks Slack, so call it outside transactions.
 */
@Singleton
public class ChannelAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelAccess.class);

    private final SlackGateway slack;

    public ChannelAccess(SlackGateway slack) {
        this.slack = slack;
    }

    public boolean canSee(String teamId, String channelId, String userId) {
        return isPublic(teamId, channelId) || members(teamId, channelId).contains(userId);
    }

    /** The people in a channel the bot is in (empty when Slack cannot tell). */
    public java.util.Set<String> members(String teamId, String channelId) {
        java.util.Set<String> all = new java.util.HashSet<>();
        try {
            String cursor = null;
            do {
                String page = cursor;
                var members = slack.methods(teamId).conversationsMembers(b -> b.channel(channelId).cursor(page).limit(200));
                if (!members.isOk()) {
                    return java.util.Set.of();
                }
                all.addAll(members.getMembers());
                cursor = members.getResponseMetadata() == null ? null : members.getResponseMetadata().getNextCursor();
            } while (cursor != null && !cursor.isEmpty());
            return all;
        } catch (Exception e) {
            LOG.info("Could not list a channel's members: {}", e.getClass().getSimpleName());
            return java.util.Set.of();
        }
    }

    /** Whether everyone in the workspace may read the channel (unknown counts as no). */
    public boolean isPublic(String teamId, String channelId) {
        try {
            var info = slack.methods(teamId).conversationsInfo(b -> b.channel(channelId));
            return info.isOk() && info.getChannel() != null && !info.getChannel().isPrivate();
        } catch (Exception e) {
            LOG.info("Could not tell whether a channel is public: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
