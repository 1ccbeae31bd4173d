package io.coebot.store;

/**
 * A message decided inside a transaction and sent to Slack after it commits: a POST to a
 * channel (optionally in the thread of a COE card, whose ts is resolved at send time), or the
 * UPDATE of a COE card in place.
 */
public record OutboundMessage(
        Kind kind,
        String teamId,
        String channelId,
        Long threadOfCoe,
        Long cardOfCoe,
        String text,
        String blocksJson,
        String responseUrl,
        String onSent) {

    public enum Kind { POST, UPDATE }

    public static OutboundMessage post(String teamId, String channelId, String text, String blocksJson) {
        return new OutboundMessage(Kind.POST, teamId, channelId, null, null, text, blocksJson, null, null);
    }

    /** A card is posted once (POST) and then edited in place (UPDATE); its ts is known only at send time. */
    public static OutboundMessage card(Kind kind, String teamId, String channelId, long coeId, String text, String blocksJson) {
        return new OutboundMessage(kind, teamId, channelId, null, coeId, text, blocksJson, null, null);
    }

    public OutboundMessage inThreadOfCoe(long coeId) {
        return new OutboundMessage(kind, teamId, channelId, coeId, cardOfCoe, text, blocksJson, responseUrl, onSent);
    }

    /** Where to explain a failure to the person who asked (a slash command's response_url). */
    public OutboundMessage reportingFailureTo(String url) {
        return new OutboundMessage(kind, teamId, channelId, threadOfCoe, cardOfCoe, text, blocksJson, url, onSent);
    }

    /** A tag handed to {@link io.coebot.store.Outbox.SentListener}s once Slack has the message. */
    public OutboundMessage onSent(String tag) {
        return new OutboundMessage(kind, teamId, channelId, threadOfCoe, cardOfCoe, text, blocksJson, responseUrl, tag);
    }
}
