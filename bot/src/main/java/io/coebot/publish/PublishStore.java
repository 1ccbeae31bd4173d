package io.coebot.publish;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where a COE was published: its parts (to edit them on a second publish) and who published it, and why anyway. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class PublishStore {
    /** Owner kind in thread_route of a published part's message: its ts is found there when it is edited. */
    static final io.coebot.store.OwnerKind PART = io.coebot.store.OwnerKind.PUBLISHED;

    /** The publish target {@code published_figure} rows of Slack are kept under (issue 19 adds its own). */
    static final String SLACK = "slack";

    private final PublishedPartRepository parts;
    private final PublicationRepository publications;
    private final JdbcOperations jdbc;

    PublishStore(PublishedPartRepository parts, PublicationRepository publications, JdbcOperations jdbc) {
        this.parts = parts;
        this.publications = publications;
        this.jdbc = jdbc;
    }

    /** The parts published before, by key, in the order they were posted. */
    Map<String, Long> parts(long coeId) {
        Map<String, Long> out = new LinkedHashMap<>();
        parts.findByCoeIdOrderByPosition(coeId).forEach(p -> out.put(p.partKey(), p.id()));
        return out;
    }

    /**
     * The ts of the published COE's one message in the channel, once Slack has it (of its first message, for a COE
     * published before there was one).
     */
    Optional<String> firstPartTs(long coeId) {
        return parts.findFirstPartTs(coeId, PART.stored(), SlackRendering.OVERVIEW);
    }

    long addPart(String teamId, long coeId, String key, int position, Instant now) {
        return parts.insert(new PublishedPartRow(null, teamId, coeId, key, position, now)).id();
    }

    /**
     * Records the publication; @return how many times this COE has now been published.
     * Hand-written: an upsert that returns the count it bumped (ON CONFLICT … RETURNING), which Micronaut Data cannot say.
     */
    int published(String teamId, long coeId, String by, String anywayReason, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO coe_publication (coe_id, team_id, published_by, anyway_reason, published_at, times)
                VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (coe_id) DO UPDATE SET published_by = excluded.published_by,
                    anyway_reason = excluded.anyway_reason, published_at = excluded.published_at,
                    times = coe_publication.times + 1
                RETURNING times""", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, teamId);
            ps.setString(3, by);
            ps.setString(4, anywayReason);
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The one message's blocks but the last (where the COE is), as published: drawn again as its copies arrive. */
    void overviewBody(long coeId, String blocksJson) {
        publications.update(coeId, blocksJson);
    }

    Optional<String> overviewBody(long coeId) {
        return publications.findOverviewBodyByCoeId(coeId);
    }

    Optional<String> anywayReason(long coeId) {
        return publications.findAnywayReasonByCoeId(coeId);
    }

    /** The figures a target last attached, by name, with their PNG's digest. */
    Map<String, String> figuresAttached(long coeId, String target) {
        Map<String, String> out = new LinkedHashMap<>();
        publications.findFiguresAttached(coeId, target).forEach(f -> out.put(f.name(), f.sha256()));
        return out;
    }

    void figureAttached(String teamId, long coeId, String target, String name, String sha256) {
        publications.figureAttached(coeId, teamId, target, name, sha256);
    }
}
