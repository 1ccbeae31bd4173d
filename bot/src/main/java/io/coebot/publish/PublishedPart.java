package io.coebot.publish;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/**
 * One Slack message of the published COE.
 *
 * @param key          stable for the same COE across renders ("header", "summary", "timeline", "timeline-2"…), so a
 *                     re-publish can update message k in place with {@code chat.update}
 * @param fallbackText the message's {@code text}: what notifications and screen readers without blocks show
 * @param blocks       within every Block Kit limit of a message (see {@link SlackRendering})
 */
record PublishedPart(String key, String fallbackText, List<LayoutBlock> blocks) {

    public PublishedPart {
        blocks = List.copyOf(blocks);
    }
}
