package io.coebot.store;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A migration version as Flyway orders them: numbers separated by dots (or underscores in file names), compared part by part. */
record SchemaVersion(List<BigInteger> parts) implements Comparable<SchemaVersion> {
    private static final Pattern FILE = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    static SchemaVersion of(String version) {
        return new SchemaVersion(Arrays.stream(version.strip().split("[._]")).map(BigInteger::new).toList());
    }

    /** {@code V10__outbox.sql} → 10; empty for anything else (repeatable {@code R__}, undo, other suffixes). */
    static Optional<SchemaVersion> ofFileName(String fileName) {
        Matcher m = FILE.matcher(fileName);
        return m.matches() ? Optional.of(of(m.group(1))) : Optional.empty();
    }

    @Override
    public int compareTo(SchemaVersion o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }
}
