package io.coebot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's git, to build the real repositories the Git copy is tested against and to read what landed in them the way
 * a person would ({@code git log}, {@code git show}). A machine without git skips those tests, with a message.
 */
public final class RealGit {
    private RealGit() {
    }

    public static boolean installed() {
        try {
            return new ProcessBuilder("git", "--version").redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static void assumeInstalled() {
        assumeTrue(installed(), "git is not installed (Debian package git): the Git repository tests need a real one");
    }

    /** A new bare repository whose default branch is {@code branch}. */
    public static Path bare(String branch) throws IOException {
        Path dir = Files.createTempDirectory("coe-bare-").resolve("coes.git");
        run(dir.getParent(), "git", "init", "--bare", "-q", "-b", branch, dir.toString());
        return dir;
    }

    /** Runs git (or another command) in {@code dir}; its standard output, or an AssertionError with what it said. */
    public static String run(Path dir, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("GIT_AUTHOR_NAME", "Someone Else");
            pb.environment().put("GIT_AUTHOR_EMAIL", "someone@example.com");
            pb.environment().put("GIT_COMMITTER_NAME", "Someone Else");
            pb.environment().put("GIT_COMMITTER_EMAIL", "someone@example.com");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(String.join(" ", cmd) + " failed", e);
        }
    }

    /** What the branch holds at {@code path}, as {@code git show} prints it. */
    public static String show(Path bare, String branch, String path) {
        return run(bare, "git", "--git-dir=" + bare, "show", branch + ":" + path);
    }

    /** The subjects of the branch's commits, newest first. */
    public static List<String> log(Path bare, String branch) {
        return List.of(run(bare, "git", "--git-dir=" + bare, "log", "--format=%s", branch).strip().split("\n"));
    }

    /** Someone else commits a file to the branch and pushes, as a teammate would between two publishes. */
    public static void commitElsewhere(Path bare, String branch, String file, String content) throws IOException {
        Path work = Files.createTempDirectory("coe-other-");
        run(work, "git", "clone", "-q", bare.toUri().toString(), "w");
        Path w = work.resolve("w");
        run(w, "git", "checkout", "-q", "-B", branch);
        Files.writeString(w.resolve(file), content);
        run(w, "git", "add", file);
        run(w, "git", "commit", "-q", "-m", "Someone else's change to " + file);
        run(w, "git", "push", "-q", "origin", "HEAD:" + branch);
    }
}
