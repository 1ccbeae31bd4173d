package io.coebot.slack;

import java.util.Optional;

/**
 * Renders a COE card when its edit is sent rather than when it was decided. A card is an overview: edits are paced to
 * one a second and a newer one replaces an older one still queued, so rendering it in every answer's transaction was
 * work thrown away, on the path that keeps a reply waiting.
 */
public interface CardRenderer {
    /** The card's fallback text and blocks as the COE is now; empty when the COE is gone. */
    Optional<Rendered> render(long coeId);

    record Rendered(String text, String blocksJson) {}
}
