package io.coebot;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slack, the sandbox, or neither, from the environment and system properties alone (before Micronaut starts).
 *
 * <p>The sandbox is what a fresh machine gets, so it must never be what a production deployment gets by accident:
 * a blank token, a token under a name the bot does not read, a signing secret without its token, or a database
 * URL all say someone meant to run the real bot, and then starting a fake workspace (whose reset deletes rows)
 * would hide the mistake. Those refuse to start, naming the variable to set. Names are compared in every spelling
 * (upper or lower case, {@code _}, {@code .} or {@code -}), since Micronaut reads {@code COE_SLACK_BOT_TOKEN} and
 * {@code -Dcoe.slack.bot-token} alike.
 */
record StartupChoice(Kind kind, String message, String bind) {
    enum Kind { SLACK, SANDBOX, REFUSE }

    static final String SANDBOX = "COE_SANDBOX";
    static final String BIND = "COE_SANDBOX_BIND";
    static final String LOOPBACK = "127.0.0.1";

    /** The bot token's names as the app reads them: the contract's, and the property it feeds. */
    private static final List<String> BOT_TOKEN = List.of("slackbottoken", "coeslackbottoken");
    private static final List<String> APP_TOKEN = List.of("slackapptoken", "coeslackapptoken");
    /** "Add to Slack" (README, "Distribute to many workspaces"): both set and no bot token, each workspace installs it. */
    private static final List<String> CLIENT_ID = List.of("slackclientid", "coeslackclientid");
    private static final List<String> CLIENT_SECRET = List.of("slackclientsecret", "coeslackclientsecret");
    private static final String SECRET_KEY = "coesecretkey";
    static final String TO_SET = "set SLACK_BOT_TOKEN to the bot token (xoxb-…, OAuth & Permissions → Bot User "
            + "OAuth Token) and SLACK_SIGNING_SECRET (Basic Information → Signing Secret)";

    static StartupChoice decide(Map<String, String> settings) {
        // Sorted so that the message lists names the same way every time.
        Map<String, String> slack = new TreeMap<>();
        String botToken = null;
        String appToken = null;
        String database = null;
        boolean clientId = false;
        boolean clientSecret = false;
        String secretKey = null;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String name = normal(e.getKey());
            String value = e.getValue() == null ? "" : e.getValue();
            if (name.contains("slack")) {
                slack.put(e.getKey(), value);
                if (BOT_TOKEN.contains(name) || APP_TOKEN.contains(name)) {
                    if (value.isBlank()) {
                        return refuse(e.getKey() + " is set but blank, so coe-bot neither connects to Slack nor starts its "
                                + "sandbox. To use Slack, " + TO_SET + "; to try the sandbox, unset " + e.getKey() + ".");
                    }
                    if (BOT_TOKEN.contains(name)) botToken = e.getKey(); else appToken = e.getKey();
                }
                clientId |= CLIENT_ID.contains(name) && !value.isBlank();
                clientSecret |= CLIENT_SECRET.contains(name) && !value.isBlank();
            } else if (name.equals(SECRET_KEY)) {
                secretKey = value;
            } else if (name.startsWith("datasources") && name.endsWith("url") && !value.isBlank()) {
                database = e.getKey();
            }
        }
        String sandbox = settings.get(SANDBOX);
        boolean oauth = botToken == null && clientId && clientSecret;
        if (botToken != null || appToken != null || oauth) {
            if (sandbox != null && !sandbox.isBlank()) {
                return refuse(SANDBOX + "=" + sandbox + " is set together with "
                        + (botToken != null ? botToken : appToken != null ? appToken : "SLACK_CLIENT_ID")
                        + ": unset one of them (the sandbox never talks to Slack).");
            }
            if (oauth) {
                var keyProblem = io.coebot.install.TokenSeal.problemWith(secretKey);
                if (keyProblem.isPresent()) {
                    return refuse(keyProblem.get());
                }
            }
            return new StartupChoice(Kind.SLACK, null, null);
        }
        if (!slack.isEmpty()) {
            String names = String.join(", ", slack.keySet());
            return refuse("Slack settings are present (" + names + ") but no bot token under a name coe-bot reads, so it "
                    + "neither connects to Slack nor starts its sandbox. To use Slack, " + TO_SET + "; to try the sandbox, "
                    + "unset " + names + ".");
        }
        boolean wanted = sandbox != null && sandbox.strip().equalsIgnoreCase("true");
        if (sandbox != null && !wanted) {
            return refuse(SANDBOX + "=" + sandbox + " but no Slack token is configured, so there is nothing to run. "
                    + "To use Slack, " + TO_SET + "; to try the sandbox, unset " + SANDBOX + " or set it to true.");
        }
        if (database != null && !wanted) {
            return refuse("A database is configured (" + database + ") but no Slack token, so this would start the sandbox "
                    + "on that database (and its Reset deletes the sandbox team's rows). Not starting. To use Slack, "
                    + TO_SET + "; to run the sandbox on this database on purpose, set " + SANDBOX + "=true.");
        }
        String bind = settings.get(BIND);
        if (bind != null && bind.isBlank()) {
            return refuse(BIND + " is set but blank: unset it (the sandbox listens on " + LOOPBACK + ") or give the "
                    + "address to listen on.");
        }
        return new StartupChoice(Kind.SANDBOX, null, bind == null ? LOOPBACK : bind.strip());
    }

    private static StartupChoice refuse(String message) {
        return new StartupChoice(Kind.REFUSE, message, null);
    }

    /** {@code COE_SLACK_BOT_TOKEN}, {@code coe.slack.bot-token} and {@code coe-slack-bot_token} are one name. */
    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
