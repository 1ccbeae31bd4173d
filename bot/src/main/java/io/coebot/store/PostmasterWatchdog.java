package io.coebot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the embedded PostgreSQL die with the bot. Java cannot ask the kernel to signal a child when its parent
 * dies, so a tiny shell process reads a pipe whose only writer is this JVM: when the JVM exits, however it exits,
 * the kernel closes the pipe, the read ends, and the watchdog asks the postmaster for a fast shutdown (SIGINT).
 * It runs in a session of its own ({@code setsid}) so that killing the bot's whole process group does not kill the
 * watchdog before it has done its job. It signals only while {@code postmaster.pid} still names the same pid, so a
 * clean stop (which removes the file) or a reused pid is never hit.
 * <p>
 * Best effort by design: should the watchdog itself be killed, the next start stops the leftover postmaster
 * ({@link LeftoverPostmaster}).
 */
final class PostmasterWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
    private static final String SCRIPT =
            "cat >/dev/null; [ \"$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null)\" = \"$2\" ] && kill -INT \"$2\"";

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    static PostmasterWatchdog watch(Path pgData) {
        Long pid = LeftoverPostmaster.pidOf(pgData).orElse(null);
        if (pid == null) {
            return new PostmasterWatchdog(null);
        }
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            // -w: should setsid have to fork, it waits, so the pipe is not closed by this process "exiting"
            cmd.addAll(List.of("setsid", "-w"));
        }
        cmd.addAll(List.of("/bin/sh", "-c", SCRIPT, "coe-bot-postgres-watchdog", pgData.toString(), pid.toString()));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new PostmasterWatchdog(p);
        } catch (IOException e) {
            LOG.info("No watchdog for the embedded PostgreSQL ({}); a killed bot's PostgreSQL is stopped at the next start instead",
                    e.getClass().getSimpleName());
            return new PostmasterWatchdog(null);
        }
    }

    /** After a clean stop of PostgreSQL: ends the watchdog, which then finds no pid file and does nothing. */
    @Override
    public void close() {
        if (process != null) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // it ends anyway when this JVM does
            }
        }
    }
}
