package io.coebot.slack;

import java.util.Optional;

/**
 * Where a COE card lives in Slack. The card's ts exists only after Slack accepted the post, so
 * messages "in the card's thread" and card updates are resolved through this at send time.
 */
public interface CardAnchors {
    Optional<String> cardTs(long coeId);

    /** Called in the sending transaction when the card was posted. */
    void cardPosted(long coeId, String channelId, String ts);
}
