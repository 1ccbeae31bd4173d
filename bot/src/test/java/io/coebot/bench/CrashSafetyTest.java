package io.coebot.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short crash test of the suite ({@link CrashRun}: the bot killed with SIGKILL at random moments, alone or with
 * its PostgreSQL, and restarted on the same data, while three people answer its interview). The long run is
 * {@link CrashBenchmark}; its figures are in BENCHMARKS.md.
 */
class CrashSafetyTest {

    @Test
    void killingTheBotAtRandomMomentsLosesNoAcknowledgedAnswerAndPostsNothingTwice() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int kills = Integer.getInteger("crash.kills", 8);
        CrashRun.Result r = new CrashRun(kills, seed,
                List.of("-Xmx256m", "-Dcoe.slack.read-timeout-millis=1000", "-Dcoe.outbox.lease-millis=6000")).run();
        System.out.println("crash test (seed " + seed + "): " + r.figures());
        assertTrue(r.ok(), "seed " + seed + ": " + r.problems() + "\n" + r.figures());
        assertEquals(r.kills(), r.restartMillis().size(), "every kill was followed by a restart that came up");
        assertEquals(kills, r.kills(), "the bot was killed as often as planned while interviews ran");
    }
}
