package io.coebot.store;

/**
 * A message decided inside a transaction and sent to Slack after it commits: a POST to a channel (optionally
 * in the thread a conversation owns, such as a COE card's or a 5 Whys session's, whose ts is resolved at send
 * time), the UPDATE in place of a COE card or of a thread's root message, or the UPLOAD of a file: a text file (the
 * published COE as Markdown: {@code text} is the file's content, {@code fileName} its name) or an image
 * ({@code fileBytes}, e.g. a graph's PNG; {@code text} is then its title), in the channel or in a thread. An UPDATE
 * with a {@code messageTs} edits that very message (one the bot posted, whose ts it already knows).
 */
public record OutboundMessage(
        Kind kind,
        String teamId,
        String channelId,
        OwnerKind threadOwnerKind,
        Long threadOwnerId,
        Long cardOfCoe,
        String text,
        String blocksJson,
        String responseUrl,
        MessageOwner owner,
        String fileName,
        String messageTs,
        byte[] fileBytes) {

    public enum Kind { POST, UPDATE, UPLOAD }

    public static OutboundMessage post(String teamId, String channelId, String text, String blocksJson) {
        return new OutboundMessage(Kind.POST, teamId, channelId, null, null, null, text, blocksJson, null, null, null, null, null);
    }

    /** A text file shared in the channel, with a short message ({@code comment}) above it. */
    public static OutboundMessage upload(String teamId, String channelId, String fileName, String content, String comment) {
        return new OutboundMessage(Kind.UPLOAD, teamId, channelId, null, null, null, content, comment, null, null, fileName, null, null);
    }

    /**
     * An image (a PNG) shared in the channel with its title; {@link #inThreadOf} puts it in a thread. Slack keeps a
     * file's name, and after a lost answer the upload is looked up by it, so give each upload a name of its own.
     */
    public static OutboundMessage uploadImage(String teamId, String channelId, String fileName, byte[] png, String title,
                                              String comment) {
        return new OutboundMessage(Kind.UPLOAD, teamId, channelId, null, null, null, title, comment, null, null, fileName,
                null, png.clone());
    }

    /** A card is posted once (POST) and then edited in place (UPDATE); its ts is known only at send time. */
    public static OutboundMessage card(Kind kind, String teamId, String channelId, long coeId, String text, String blocksJson) {
        return new OutboundMessage(kind, teamId, channelId, null, null, coeId, text, blocksJson, null, null, null, null, null);
    }

    /** Edits the message that roots the thread owned by ({@code ownerKind}, {@code ownerId}). */
    public static OutboundMessage updateRootOf(String teamId, String channelId, OwnerKind ownerKind, long ownerId,
                                               String text, String blocksJson) {
        return new OutboundMessage(Kind.UPDATE, teamId, channelId, ownerKind, ownerId, null, text, blocksJson, null, null, null, null, null);
    }

    /**
     * Edits the bot's message at {@code ts} (a question in a thread). chat.update by ts is idempotent, so unlike a
     * POST it needs no lookup after a lost answer, and only the newest edit of one message is worth sending.
     */
    public static OutboundMessage updateMessage(String teamId, String channelId, String ts, String text, String blocksJson) {
        return new OutboundMessage(Kind.UPDATE, teamId, channelId, null, null, null, text, blocksJson, null, null, null, ts, null);
    }

    /** Into the thread that {@link ThreadRoutes} gives to this owner. */
    public OutboundMessage inThreadOf(OwnerKind ownerKind, long ownerId) {
        return new OutboundMessage(kind, teamId, channelId, ownerKind, ownerId, cardOfCoe, text, blocksJson, responseUrl, owner, fileName, messageTs, fileBytes);
    }

    public OutboundMessage inThreadOfCoe(long coeId) {
        return inThreadOf(OwnerKind.COE_CARD, coeId);
    }

    /** Where to explain a failure to the person who asked (a slash command's response_url). */
    public OutboundMessage reportingFailureTo(String url) {
        return new OutboundMessage(kind, teamId, channelId, threadOwnerKind, threadOwnerId, cardOfCoe, text, blocksJson, url, owner, fileName, messageTs, fileBytes);
    }

    /** Who alone is told, once Slack has the message (or refused it for good), what became of it. */
    public OutboundMessage ownedBy(MessageOwner owner) {
        return new OutboundMessage(kind, teamId, channelId, threadOwnerKind, threadOwnerId, cardOfCoe, text, blocksJson, responseUrl, owner, fileName, messageTs, fileBytes);
    }
}
