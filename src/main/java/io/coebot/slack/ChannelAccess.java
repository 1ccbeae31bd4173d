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

    public boolean canSee(String channelId, String userId) {
        try {
            var info = slack.methods().conversationsInfo(b -> b.channel(channelId));
            if (!info.isOk() || info.getChannel() == null) {
                return false;
            }
            if (!info.getChannel().isPrivate()) {
                return true;
            }
            String cursor = null;
            do {
                String page = cursor;
                var members = slack.methods().conversationsMembers(b -> b.channel(channelId).cursor(page).limit(200));
                if (!members.isOk()) {
                    return false;
                }
                if (members.getMembers().contains(userId)) {
                    return true;
                }
                cursor = members.getResponseMetadata() == null ? null : members.getResponseMetadata().getNextCursor();
            } while (cursor != null && !cursor.isEmpty());
            return false;
        } catch (Exception e) {
            LOG.info("Could not tell who may see a channel: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Whether everyone in the workspace may read the channel (unknown counts as no). */
    public boolean isPublic(String channelId) {
        try {
            var info = slack.methods().conversationsInfo(b -> b.channel(channelId));
            return info.isOk() && info.getChannel() != null && !info.getChannel().isPrivate();
        } catch (Exception e) {
            LOG.info("Could not tell whether a channel is public: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
