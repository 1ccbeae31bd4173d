package io.coebot.store;

/**
 * A message decided inside a transaction and sent to Slack after it commits.
 * Exactly one way of addressing applies per kind:
 * POST to a channel (optionally in a thread, or in the thread of a COE card, resolved at send time),
 * UPDATE of a COE card, EPHEMERAL to one user, RESPOND through a slash command's response_url.
 */
public record OutboundMessage(
        Kind kind,
        String teamId,
        String channelId,
        String threadTs,
        Long threadOfCoe,
        Long cardOfCoe,
        String userId,
        String text,
        String blocksJson,
        String responseUrl,
        String onSent) {

    public enum Kind { POST, UPDATE, EPHEMERAL, RESPOND }

    public static OutboundMessage post(String teamId, String channelId, String text, String blocksJson) {
        return new OutboundMessage(Kind.POST, teamId, channelId, null, null, null, null, text, blocksJson, null, null);
    }

    public static OutboundMessage ephemeral(String teamId, String channelId, String userId, String text, String blocksJson) {
        return new OutboundMessage(Kind.EPHEMERAL, teamId, channelId, null, null, null, userId, text, blocksJson, null, null);
    }

    /** A card is posted once (POST) and then edited in place (UPDATE); its ts is known only at send time. */
    public static OutboundMessage card(Kind kind, String teamId, String channelId, long coeId, String text, String blocksJson) {
        return new OutboundMessage(kind, teamId, channelId, null, null, coeId, null, text, blocksJson, null, null);
    }

    public static OutboundMessage respond(String teamId, String channelId, String responseUrl, String text) {
        return new OutboundMessage(Kind.RESPOND, teamId, channelId, null, null, null, null, text, null, responseUrl, null);
    }

    public OutboundMessage inThread(String ts) {
        return new OutboundMessage(kind, teamId, channelId, ts, null, cardOfCoe, userId, text, blocksJson, responseUrl, onSent);
    }

    public OutboundMessage inThreadOfCoe(long coeId) {
        return new OutboundMessage(kind, teamId, channelId, null, coeId, cardOfCoe, userId, text, blocksJson, responseUrl, onSent);
    }

    /** Where to explain a failure to the person who asked (a slash command's response_url). */
    public OutboundMessage reportingFailureTo(String url) {
        return new OutboundMessage(kind, teamId, channelId, threadTs, threadOfCoe, cardOfCoe, userId, text, blocksJson, url, onSent);
    }

    /** A tag handed to {@link io.coebot.store.Outbox.SentListener}s once Slack has the message. */
    public OutboundMessage onSent(String tag) {
        return new OutboundMessage(kind, teamId, channelId, threadTs, threadOfCoe, cardOfCoe, userId, text, blocksJson, responseUrl, tag);
    }
}
