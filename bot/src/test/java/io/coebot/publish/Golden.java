package io.coebot.publish;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files under {@code src/test/resources/publish/}: the expected output, reviewed by a person and kept in git.
 *
 * <p>After an intended change to the output, regenerate them and review the diff in git:
 * <pre>./mvnw -q -o test -Dtest='io.coebot.publish.*Test' -Dgolden.update=true</pre>
 * (or {@code GOLDEN_UPDATE=true} in the environment). The test then writes the file and fails once, so a run that
 * rewrote the files can never pass by accident.
 */
final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "publish");

    private Golden() {
    }

    static void assertMatches(String fileName, String actual) {
        Path file = DIR.resolve(fileName);
        if (Boolean.getBoolean("golden.update") || "true".equals(System.getenv("GOLDEN_UPDATE"))) {
            write(file, actual);
            fail("Rewrote " + file + "; review it with git diff, then run again without golden.update.");
        }
        if (!Files.exists(file)) {
            fail("No golden file " + file + ". Create it with -Dgolden.update=true and review it.");
        }
        String expected = read(file);
        if (!expected.equals(actual)) {
            fail("Differs from " + file + " (regenerate with -Dgolden.update=true if intended):\n"
                    + diff(expected, actual));
        }
    }

    /** The first differing line with three lines around it, expected (-) against actual (+). */
    static String diff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int first = 0;
        while (first < e.size() && first < a.size() && e.get(first).equals(a.get(first))) {
            first++;
        }
        if (first == e.size() && first == a.size()) {
            return "  (same lines; they differ in line endings or a final newline)";
        }
        int lastE = e.size() - 1;
        int lastA = a.size() - 1;
        while (lastE > first && lastA > first && e.get(lastE).equals(a.get(lastA))) {
            lastE--;
            lastA--;
        }
        StringBuilder out = new StringBuilder("@@ line ").append(first + 1).append(" @@\n");
        for (int i = Math.max(0, first - 3); i < first; i++) {
            out.append("  ").append(e.get(i)).append('\n');
        }
        for (int i = first; i <= Math.min(lastE, first + 30) && i < e.size(); i++) {
            out.append("- ").append(e.get(i)).append('\n');
        }
        for (int i = first; i <= Math.min(lastA, first + 30) && i < a.size(); i++) {
            out.append("+ ").append(a.get(i)).append('\n');
        }
        for (int i = lastE + 1; i < Math.min(e.size(), lastE + 4); i++) {
            out.append("  ").append(e.get(i)).append('\n');
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot write " + file, e);
        }
    }
}
