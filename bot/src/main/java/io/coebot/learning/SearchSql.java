package io.coebot.learning;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one search statement, built from a {@link SearchQuery}: the app runs it through {@link CoeSearch}, the benchmark
 * (src/test) through plain JDBC, so what is measured is what answers people. The workspace is always the first
 * condition: no other workspace's row can match, whatever was typed.
 */
final class SearchSql {
    /** Matched words are marked with characters nobody types, then turned into Slack bold after the text is escaped. */
    static final String START = "\u27E6";
    static final String STOP = "\u27E7";
    /** How many matches, the most recently active, are ranked; more specific words or a filter reach older ones. */
    static final int RANKED = 500;

    private static final String BODY = "s.title || E'\\n' || s.summary || E'\\n' || s.answers_text || E'\\n' || s.causes_text"
            + " || E'\\n' || s.timeline_text";

    final String sql;
    private final List<Object> params = new ArrayList<>();

    SearchSql(String teamId, SearchQuery q, int offset, int limit) {
        boolean words = q.hasWords();
        StringBuilder where = new StringBuilder("s.team_id = ?");
        List<Object> filters = new ArrayList<>();
        filters.add(teamId);
        if (words) {
            where.append(" AND s.document @@ q.query");
        }
        if (q.severity() != null) {
            where.append(" AND s.severity = ?");
            filters.add(q.severity());
        }
        if (q.service() != null) {
            where.append(" AND s.services_v @@ plainto_tsquery('simple', ?)");
            filters.add(q.service());
        }
        if (q.after() != null) {
            where.append(" AND s.opened_at >= ?");
            filters.add(Timestamp.from(q.after().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (q.owner() != null) {
            // an id, or a name people go by (as last read from users.info)
            where.append(" AND (s.owner_user_id = ? OR s.owner_user_id IN (SELECT u.user_id FROM slack_user u"
                    + " WHERE u.team_id = s.team_id AND (lower(u.display_name) = lower(?) OR lower(u.real_name) = lower(?))))");
            filters.add(q.owner());
            filters.add(q.owner());
            filters.add(q.owner());
        }
        String rank = words ? "ts_rank(s.document, q.query)" : "0";
        // with words, the passage that matched is cut out only for the hits shown (SNIPPETS): it reads the whole text
        String snippet = words ? "NULL::text" : "left(coalesce(nullif(s.summary, ''), s.root_causes), 300)";
        if (words) {
            params.add(q.words());
        }
        params.addAll(filters);
        params.add(limit);
        params.add(offset);
        this.sql = "WITH q AS (SELECT " + (words ? "websearch_to_tsquery('english', ?)" : "NULL::tsquery") + " AS query),\n"
                // ranking reads each match's whole document: a word found in most COEs is ranked among the most recently
                // active RANKED of them, which keeps the answer fast however many COEs the workspace has
                + "matches AS (SELECT s.coe_id, s.document, s.active_at FROM coe_search s, q WHERE " + where
                + " ORDER BY s.active_at DESC, s.coe_id DESC LIMIT " + RANKED + "),\n"
                + "page AS (SELECT m.coe_id, " + rank.replace("s.document", "m.document") + " AS rank, m.active_at"
                + " FROM matches m, q ORDER BY rank DESC, m.active_at DESC, m.coe_id DESC LIMIT ? OFFSET ?)\n"
                + "SELECT s.coe_id, s.channel_id, s.number, s.title, s.status, s.severity, s.services, s.owner_user_id,"
                + " s.opened_at, c.card_ts, page.rank, " + snippet + " AS snippet\n"
                + "FROM page JOIN coe_search s ON s.coe_id = page.coe_id JOIN coe c ON c.id = s.coe_id, q\n"
                + "ORDER BY page.rank DESC, page.active_at DESC, page.coe_id DESC";
    }

    /** The passages that matched, marked, for the hits shown: (coe_id, snippet) rows. Parameters: words, team, ids. */
    static final String SNIPPETS = "SELECT s.coe_id, ts_headline('english', " + BODY + ", websearch_to_tsquery('english', ?),"
            + " 'StartSel=" + START + ", StopSel=" + STOP + ", MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=\" … \"')"
            + " FROM coe_search s WHERE s.team_id = ? AND s.coe_id = ANY (?)";

    /** Whether the words leave anything to look for once PostgreSQL drops the common ones ("the", "was"). */
    static final String HAS_TERMS = "SELECT numnode(websearch_to_tsquery('english', ?)) > 0";

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
