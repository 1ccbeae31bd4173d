package io.coebot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a killed bot leaves in its PostgreSQL data folder: {@code postmaster.pid} naming a postmaster that still
 * runs (the JVM died alone: pg_ctl starts PostgreSQL in a session of its own, so the kill did not reach it), or one
 * whose process is gone (both died). Only called while holding the {@link DataFolderLock}, so a live postmaster here
 * belongs to no running bot and stopping it is safe. PostgreSQL itself recovers from a stale pid file, and from the
 * crash, when it next starts; what it cannot do is start while the old one still holds the folder.
 */
final class LeftoverPostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private LeftoverPostmaster() {
    }

    /**
     * Stops a postmaster still running on {@code pgData}, gently first (SIGTERM: its clients died with the old JVM,
     * so a smart shutdown ends at once and writes a checkpoint), then SIGKILL, which PostgreSQL also recovers from.
     *
     * @throws IllegalStateException naming the pid, when it cannot be stopped
     */
    static void stopIfRunning(Path pgData, Duration patience) {
        Optional<Long> pid = pidOf(pgData);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.info("The embedded PostgreSQL was not shut down cleanly last time (pid {} is gone); it recovers as it starts", pid.get());
            return;
        }
        ProcessHandle postmaster = process.get();
        if (!isPostgres(postmaster)) {
            // The pid was reused by an unrelated process: PostgreSQL would refuse to start over it ("Is another
            // postmaster running?"), and under our lock the file can only be stale.
            LOG.info("postmaster.pid names pid {}, which is not PostgreSQL any more: removing the stale file", pid.get());
            deleteQuietly(pgData.resolve("postmaster.pid"));
            return;
        }
        LOG.warn("A PostgreSQL (pid {}) was still running on {}, left by a coe-bot that was killed; stopping it before starting",
                pid.get(), pgData);
        List<ProcessHandle> backends = postmaster.descendants().toList();
        if (!stop(postmaster, patience)) {
            throw new IllegalStateException("A PostgreSQL left by an earlier coe-bot (pid " + pid.get() + ") still runs on "
                    + pgData + " and could not be stopped. Stop it (kill " + pid.get() + ") and start coe-bot again.");
        }
        // Backends notice their postmaster's death by themselves; waiting for them keeps shared memory from clashing.
        backends.forEach(b -> stop(b, Duration.ofSeconds(5)));
    }

    private static boolean stop(ProcessHandle process, Duration patience) {
        CompletableFuture<ProcessHandle> exited = process.onExit();
        process.destroy();
        if (awaitExit(exited, patience)) {
            return true;
        }
        process.destroyForcibly();
        return awaitExit(exited, Duration.ofSeconds(10));
    }

    private static boolean awaitExit(CompletableFuture<ProcessHandle> exited, Duration patience) {
        try {
            exited.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    static Optional<Long> pidOf(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        Optional<String> command = process.info().command();
        if (command.isPresent()) {
            return Path.of(command.get()).getFileName().toString().equals("postgres");
        }
        // Another user's process shows no command line: it is certainly not the postmaster we started.
        return false;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}", file, e);
        }
    }
}
