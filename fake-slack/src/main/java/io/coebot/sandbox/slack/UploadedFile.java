package io.coebot.sandbox.slack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A file uploaded with files.getUploadURLExternal + POST to the upload URL + files.completeUploadExternal.
 *
 * @param id             "F…"
 * @param title          title from files.completeUploadExternal (falls back to the filename)
 * @param filename       filename from files.getUploadURLExternal
 * @param content        the uploaded bytes
 * @param channelId      channel it was shared to, or null when not shared
 * @param initialComment {@code initial_comment}, or null
 * @param threadTs       {@code thread_ts}, or null
 * @param messageTs      ts of the message that shares it in the channel, or null
 * @param at             when the upload was completed
 */
public record UploadedFile(String id, String title, String filename, byte[] content, String channelId,
                           String initialComment, String threadTs, String messageTs, Instant at) {

    public String contentAsString() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "file " + id + " \"" + title + "\" (" + filename + ", " + content.length + " bytes) in " + channelId
                + (threadTs == null ? "" : " thread " + threadTs);
    }
}
