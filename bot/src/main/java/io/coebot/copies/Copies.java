package io.coebot.copies;

import io.coebot.publish.CoeCopies;
import io.coebot.publish.CoeDocument;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publish's view of the copies: each configured place gets the published document's body to write (in the publishing
 * transaction), and the one message lists each copy as it stands.
 */
@Singleton
class Copies implements CoeCopies {
    private final List<CopyTarget> targets;
    private final CopyRows rows;
    private final ApplicationEventPublisher<Wanted> events;

    /** Published in the publishing transaction; the writer listens after commit to write at once. */
    record Wanted(long coeId) {}

    Copies(List<CopyTarget> targets, CopyRows rows, ApplicationEventPublisher<Wanted> events) {
        this.targets = List.copyOf(targets);
        this.rows = rows;
        this.events = events;
    }

    @Override
    public void publishing(CoeDocument doc, String by, int version, Instant now) {
        String name = doc.names().people().getOrDefault(by, by);
        boolean wanted = false;
        for (CopyTarget t : targets) {
            if (t.configured()) {
                rows.want(doc.coe().teamId(), doc.coe().id(), t.name(), t.render(doc), "@" + name.replaceFirst("^@", ""),
                        version, now);
                wanted = true;
            }
        }
        if (wanted) {
            events.publishEvent(new Wanted(doc.coe().id()));
        }
    }

    @Override
    public List<String> lines(long coeId) {
        List<String> out = new ArrayList<>();
        for (CopyRows.Row row : rows.of(coeId)) {
            target(row.target()).ifPresent(t -> out.add(line(t, row)));
        }
        return out;
    }

    Optional<CopyTarget> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** "*Confluence:* <link|the page>", "… being written", or why it is not there (the remote's words, escaped). */
    static String line(CopyTarget t, CopyRows.Row row) {
        String link = row.url() == null ? "" : "<" + row.url() + "|" + t.linkLabel() + ">";
        String head = "*" + t.title() + ":* ";
        if (!row.pending()) {
            return head + (link.isEmpty() ? "written" + (row.remoteId() == null ? "" : " (`" + shortId(row.remoteId()) + "`)") : link);
        }
        if (row.lastError() == null) {
            return head + (link.isEmpty() ? "_being written…_" : link + " _(being updated…)_");
        }
        String reason = mrkdwn(row.lastError());
        return head + (link.isEmpty() ? "" : link + " ") + (row.refused()
                ? "_not " + (link.isEmpty() ? "written" : "updated") + ": " + reason + " I'll try again later, and at the next publish._"
                : "_not " + (link.isEmpty() ? "written" : "updated") + " yet: " + reason + " I keep trying._");
    }

    /** A commit's first seven characters, as Git shows it; other ids whole. */
    private static String shortId(String id) {
        return id.matches("[0-9a-f]{40}") ? id.substring(0, 7) : mrkdwn(id);
    }

    private static String mrkdwn(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
