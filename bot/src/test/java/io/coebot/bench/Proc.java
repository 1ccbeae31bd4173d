package io.coebot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures from /proc (Linux). */
final class Proc {
    private Proc() {
    }

    /** A "Name:   123 kB" line of /proc/{pid}/{file}, in kB; 0 when unreadable. */
    static long kb(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // process gone or not Linux
        }
        return 0;
    }

    static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException ignored) {
            // not Linux
        }
        long memKb = kb(0, "", "") ;
        try {
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memKb / 1024 + " MB RAM, JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The commit of the tree the benchmark runs in, with "+changes" when it has uncommitted ones; "?" without git. */
    static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty=+changes", "--abbrev=12").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** 1-minute load average: tells whether other work shared the machine during a run. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
