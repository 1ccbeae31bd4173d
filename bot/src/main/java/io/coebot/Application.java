package io.coebot;

import io.coebot.store.EmbeddedDatabase;

public class Application {
    /** When main began (epoch ms; 0 when the app was started another way, as tests do): for {@link StartupLog}. */
    private static volatile long mainEnteredAt;

    public static void main(String[] args) {
        mainEnteredAt = System.currentTimeMillis();
        // Slack when a token is configured; the fake Slack and its page (/sandbox) when nothing is and the sandbox
        // module is on the classpath; and when the configuration is half of either, or the sandbox is missing, a
        // refusal that says what to set (already logged).
        try {
            // With COE_EMBEDDED_DB_START_EARLY=true the embedded PostgreSQL starts in the background meanwhile.
            Startup.run(args, EmbeddedDatabase::startEarly);
        } catch (StartupRefusal e) {
            System.exit(2);
        }
    }

    static long mainEnteredAt() {
        return mainEnteredAt;
    }
}
