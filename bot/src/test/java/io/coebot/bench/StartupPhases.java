package io.coebot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a start's seconds went, read from the bot's own start-up log lines (StartupLog's summary, EmbeddedDatabase's
 * and SchemaCheck's durations): the benchmark sees the JVM only from outside. -1 for a part the log does not name.
 */
record StartupPhases(long totalMs, long jvmMs, long contextMs, long postgresMs, long schemaMs, long httpMs) {
    private static final Pattern SUMMARY = Pattern.compile(
            "Started in (\\d+) ms: JVM (\\d+) ms before main, application context (\\d+) ms .*HTTP server (\\d+) ms");
    private static final Pattern POSTGRES = Pattern.compile("embedded PostgreSQL started in .*\\((\\d+) ms");
    private static final Pattern SCHEMA = Pattern.compile("Database schema .*\\((\\d+) ms\\)");

    static final StartupPhases NONE = new StartupPhases(-1, -1, -1, -1, -1, -1);

    static StartupPhases read(Path log) throws IOException {
        if (!Files.exists(log)) {
            return NONE;
        }
        List<String> lines = Files.readAllLines(log);
        Matcher summary = find(lines, SUMMARY);
        if (summary == null) {
            return NONE;
        }
        return new StartupPhases(num(summary, 1), num(summary, 2), num(summary, 3), num(find(lines, POSTGRES), 1),
                num(find(lines, SCHEMA), 1), num(summary, 4));
    }

    boolean isEmpty() {
        return totalMs < 0;
    }

    private static Matcher find(List<String> lines, Pattern p) {
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    private static long num(Matcher m, int group) {
        return m == null ? -1 : Long.parseLong(m.group(group));
    }

    @Override
    public String toString() {
        return String.format("JVM %d ms before main, context %d ms (PostgreSQL %s, schema %s), HTTP %d ms", jvmMs,
                contextMs, part(postgresMs), part(schemaMs), httpMs);
    }

    private static String part(long ms) {
        return ms < 0 ? "?" : ms + " ms";
    }
}
