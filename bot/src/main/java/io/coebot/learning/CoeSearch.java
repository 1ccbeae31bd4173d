package io.coebot.learning;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the search statement over coe_search, the table the database keeps current (V19__learning.sql). Hand-written:
 * full-text search (tsquery, ts_rank, ts_headline) built from the words asked, which Micronaut Data cannot say.
 */
@Transactional
@Singleton
class CoeSearch {
    private final JdbcOperations jdbc;

    CoeSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Ranked hits {@code offset..offset+limit} of the workspace, before anyone's channel access is applied. */
    List<SearchHit> find(String teamId, SearchQuery q, int offset, int limit) {
        SearchSql s = new SearchSql(teamId, q, offset, limit);
        return jdbc.prepareStatement(s.sql, ps -> {
            s.bind(ps);
            List<SearchHit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    /** The hits with the passages that matched the words. */
    List<SearchHit> withSnippets(String teamId, String words, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        java.util.Map<Long, String> passages = jdbc.prepareStatement(SearchSql.SNIPPETS, ps -> {
            ps.setString(1, words);
            ps.setString(2, teamId);
            ps.setArray(3, ps.getConnection().createArrayOf("bigint", hits.stream().map(SearchHit::coeId).toArray()));
            java.util.Map<Long, String> out = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
        return hits.stream().map(h -> h.withSnippet(passages.get(h.coeId()))).toList();
    }

    boolean hasTerms(String words) {
        return jdbc.prepareStatement(SearchSql.HAS_TERMS, ps -> {
            ps.setString(1, words);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    static SearchHit read(ResultSet rs) throws java.sql.SQLException {
        return new SearchHit(rs.getLong("coe_id"), rs.getString("channel_id"), rs.getInt("number"), rs.getString("title"),
                rs.getString("status"), rs.getString("severity"), rs.getString("services"), rs.getString("owner_user_id"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("card_ts"), rs.getDouble("rank"),
                rs.getString("snippet"));
    }
}
