package io.coebot.learning;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Earlier COEs most like one COE, by PostgreSQL full-text similarity: every word of its title, services, underlying and
 * root causes and summary (coe_search.gist) is looked for in the others' same words, ranked by ts_rank. Full-text
 * rather than pg_trgm: no extension to install on a managed PostgreSQL, and stemmed words match "exhausted" to
 * "exhaustion", which trigrams of whole texts do not. Hand-written: full-text similarity, which Micronaut Data cannot say.
 */
@Transactional
@Singleton
class RelatedStore {
    static final String SQL = """
            WITH me AS (SELECT coe_id, team_id, opened_at, gist, services_v, root_causes FROM coe_search
                        WHERE coe_id = ? AND team_id = ?),
                 q AS (SELECT (SELECT string_agg(quote_literal(l), ' | ') FROM unnest(tsvector_to_array(me.gist)) l)::tsquery
                              AS query FROM me),
                 best AS (SELECT s.coe_id, ts_rank(s.gist, q.query, 1) AS rank, s.opened_at
                          FROM coe_search s, me, q
                          WHERE s.team_id = me.team_id AND s.coe_id <> me.coe_id AND s.opened_at <= me.opened_at
                            AND s.gist @@ q.query
                          ORDER BY rank DESC, s.opened_at DESC, s.coe_id DESC LIMIT ?)
            -- what they share, worked out for the few kept only
            SELECT s.coe_id, s.number, s.title, s.channel_id, c.card_ts, best.rank,
                   ARRAY(SELECT unnest(tsvector_to_array(s.services_v)) INTERSECT SELECT unnest(tsvector_to_array(me.services_v))) AS services,
                   ARRAY(SELECT unnest(tsvector_to_array(to_tsvector('english', s.root_causes)))
                         INTERSECT SELECT unnest(tsvector_to_array(to_tsvector('english', me.root_causes)))) AS cause_words,
                   ARRAY(SELECT unnest(tsvector_to_array(s.gist)) INTERSECT SELECT unnest(tsvector_to_array(me.gist))) AS words
            FROM best JOIN coe_search s ON s.coe_id = best.coe_id JOIN coe c ON c.id = s.coe_id, me
            ORDER BY best.rank DESC, best.opened_at DESC, best.coe_id DESC""";

    private final JdbcOperations jdbc;

    RelatedStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The most alike first; the caller drops those its readers may not see. */
    List<RelatedCoe> like(String teamId, long coeId, int limit) {
        return jdbc.prepareStatement(SQL, ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, teamId);
            ps.setInt(3, limit);
            List<RelatedCoe> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RelatedCoe(rs.getLong("coe_id"), rs.getInt("number"), rs.getString("title"),
                            rs.getString("channel_id"), rs.getString("card_ts"), strings(rs.getArray("services")),
                            strings(rs.getArray("cause_words")), strings(rs.getArray("words"))));
                }
            }
            return out;
        });
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).sorted().toList();
    }
}
