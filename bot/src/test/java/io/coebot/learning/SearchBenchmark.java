package io.coebot.learning;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How fast `/coe search` answers over many COEs: seeds {@code -Dbench.coes} (10,000) COEs of one workspace, plus a
 * tenth as many of another, through the real tables (so the V19 triggers build the search rows), then runs the app's
 * own statement ({@link SearchSql}, first batch as {@link SearchResults} asks for it, with the words check) for each
 * kind of query {@code -Dbench.queries} times, and prints p50/p95/p99/max per kind and overall, with the load average.
 * The Slack side (channel access lookups) is not in these figures: it is one conversations.info per channel shown.
 *
 * <pre>./mvnw -q test-compile exec:java@search-benchmark -Dbench.coes=10000 -Dbench.queries=200 [-Dbench.dataDir=/tmp/x]</pre>
 * With {@code bench.dataDir} the seeded database is kept there and reused by the next run (same migrations only).
 */
public final class SearchBenchmark {
    private static final String TEAM = "T0BENCH01";
    private static final String[] SERVICES = {"checkout-api", "payments", "search", "ledger", "edge", "identity",
            "notifications", "inventory", "pricing", "catalog", "shipping", "recommendations", "billing", "auth-gateway",
            "image-resizer", "orders", "carts", "reviews", "fraud", "reporting"};
    private static final String[] CAUSES = {"the connection pool was exhausted", "a config push removed a limit",
            "a certificate expired", "retries had no backoff and no budget", "the DNS resolver cache expired",
            "a schema migration locked a hot table", "the disk filled with debug logs", "a feature flag defaulted on",
            "the autoscaler scaled on the wrong metric", "a dependency upgrade changed a timeout",
            "a cron job ran twice after a failover", "the load balancer health check was too lenient",
            "memory leaked in the image decoder", "a queue consumer stalled on a poison message",
            "clock skew broke token validation", "the cache stampeded after a flush", "a region failover was manual",
            "rate limits were set per host not per tenant", "an index was dropped by mistake in a script",
            "thread pool starvation in the HTTP client"};
    private static final String[] WORDS = {"latency", "errors", "timeouts", "deploy", "rollback", "alarm", "pager",
            "dashboard", "customers", "queue", "replica", "primary", "failover", "throttling", "capacity", "runbook",
            "canary", "traffic", "saturation", "kafka", "redis", "postgres", "kubernetes", "node", "pod", "vpc"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int coes = Integer.getInteger("bench.coes", 10_000);
        int queries = Integer.getInteger("bench.queries", 200);
        String keep = System.getProperty("bench.dataDir");
        Path dir = keep == null ? Files.createTempDirectory("search-bench-") : Path.of(keep);
        boolean seeded = keep != null && Files.exists(dir.resolve("PG_VERSION"));
        System.out.println("load before: " + load());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(keep == null).start()) {
            var ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            try (Connection c = ds.getConnection()) {
                long t0 = System.nanoTime();
                if (!seeded) {
                    seed(c, TEAM, coes, 1);
                    seed(c, "T0OTHER01", coes / 10, 2);
                }
                try (var st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE"); // what autovacuum does in a running database
                }
                System.out.printf("seeded %,d COEs (+%,d of another workspace) through the triggers in %.1f s%n", coes,
                        coes / 10, (System.nanoTime() - t0) / 1e9);
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT pg_size_pretty(pg_total_relation_size('coe_search')), pg_size_pretty(pg_relation_size('coe_search_document'))")) {
                    rs.next();
                    System.out.println("coe_search: " + rs.getString(1) + " in all, GIN index " + rs.getString(2));
                }
                Map<String, String> kinds = new LinkedHashMap<>();
                kinds.put("one common word", "timeouts");
                kinds.put("two words (a root cause)", "connection pool");
                kinds.put("phrase", "\"certificate expired\"");
                kinds.put("rare word", "quokka");
                kinds.put("words + service + severity", "retries backoff service:payments severity:SEV2");
                kinds.put("word + after + owner", "deploy after:2026-06-01 owner:@U0OWNER03");
                kinds.put("filters only", "service:ledger severity:SEV1");
                List<Double> all = new ArrayList<>();
                System.out.printf("%-30s %8s %8s %8s %8s %8s%n", "query", "hits", "p50 ms", "p95 ms", "p99 ms", "max ms");
                for (var k : kinds.entrySet()) {
                    SearchQuery q = SearchQuery.parse(k.getValue());
                    for (int w = 0; w < 20; w++) {
                        run(c, q);
                    }
                    double[] ms = new double[queries];
                    int hits = 0;
                    for (int i = 0; i < queries; i++) {
                        long s = System.nanoTime();
                        hits = run(c, q);
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        all.add(ms[i]);
                    }
                    Arrays.sort(ms);
                    System.out.printf("%-30s %8d %8.1f %8.1f %8.1f %8.1f%n", k.getKey(), hits, pct(ms, 50), pct(ms, 95),
                            pct(ms, 99), ms[ms.length - 1]);
                }
                // related COEs: the statement the interview's Related items and /coe status run, for 200 COEs
                double[] rel = new double[queries];
                for (int i = 0; i < queries; i++) {
                    long s = System.nanoTime();
                    try (PreparedStatement ps = c.prepareStatement(RelatedStore.SQL)) {
                        ps.setLong(1, 1 + (i * 47L) % coes);
                        ps.setString(2, TEAM);
                        ps.setInt(3, 12);
                        ps.executeQuery().close();
                    }
                    rel[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(rel);
                System.out.printf("%-30s %8s %8.1f %8.1f %8.1f %8.1f%n", "related COEs (not in 'all')", "", pct(rel, 50),
                        pct(rel, 95), pct(rel, 99), rel[rel.length - 1]);
                double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("%-30s %8s %8.1f %8.1f %8.1f %8.1f%n", "all", "", pct(every, 50), pct(every, 95),
                        pct(every, 99), every[every.length - 1]);
            }
        }
        System.out.println("load after: " + load());
    }

    /** One answer's database work: the words check and the first batch of ranked hits with their passages. */
    private static int run(Connection c, SearchQuery q) throws Exception {
        if (q.hasWords()) {
            try (PreparedStatement ps = c.prepareStatement(SearchSql.HAS_TERMS)) {
                ps.setString(1, q.words());
                ps.executeQuery().close();
            }
        }
        SearchSql s = new SearchSql(TEAM, q, 0, 30);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(s.sql)) {
            s.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong("coe_id"));
                }
            }
        }
        if (q.hasWords() && !ids.isEmpty()) {
            // the passages of the page shown
            try (PreparedStatement ps = c.prepareStatement(SearchSql.SNIPPETS)) {
                ps.setString(1, q.words());
                ps.setString(2, TEAM);
                ps.setArray(3, c.createArrayOf("bigint", ids.subList(0, Math.min(SearchView.PAGE, ids.size())).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
        }
        return ids.size();
    }

    private static void seed(Connection c, String team, int count, long randomSeed) throws Exception {
        Random r = new Random(randomSeed);
        c.setAutoCommit(false);
        Instant start = LocalDate.of(2024, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (int i = 0; i < count; i++) {
            String service = SERVICES[r.nextInt(SERVICES.length)];
            String cause = CAUSES[r.nextInt(CAUSES.length)];
            List<String> timeline = new ArrayList<>();
            for (int e = 0; e < 10; e++) {
                timeline.add(words(r, 8) + " on " + service);
            }
            Corpus.Seed seed = new Corpus.Seed(team, "C" + team.substring(2, 5) + i, service + " " + words(r, 3),
                    "U0OWNER0" + r.nextInt(10), r.nextInt(10) > 0, start.plusSeconds(r.nextInt(3 * 365 * 86400)),
                    "SEV" + (1 + r.nextInt(4)), service + ", " + SERVICES[r.nextInt(SERVICES.length)],
                    "We think " + cause + " " + words(r, 10),
                    service + " " + words(r, 20) + " because " + cause + ". " + words(r, 20),
                    words(r, 25), service + " " + words(r, 6), cause, "Fix: " + words(r, 10), timeline);
            Corpus.insert(c, seed);
            if (i % 500 == 499) {
                c.commit();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static String words(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
