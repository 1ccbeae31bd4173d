package io.coebot.install;

import com.slack.api.Slack;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.coebot.slack.SlackSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * "Add to Slack" (issue 22): {@code GET /slack/install} sends the person to Slack's consent page with the bot scopes of
 * manifest.yml and a single-use {@code state}; {@code GET /slack/oauth_redirect} is where Slack sends them back, with a
 * code that oauth.v2.access exchanges for the workspace's bot token, stored sealed ({@link Installations}). Both pages
 * are plain: no stack trace, no token, no Slack error text beyond its code. Without SLACK_CLIENT_ID and
 * SLACK_CLIENT_SECRET (or with SLACK_BOT_TOKEN: one workspace) both answer 404.
 *
 * <p>Bolt's own OAuth flow (OAuthCallbackService and its handlers) is built for its servlet adapters and answers
 * failures by redirecting to configured URLs; this controller is the same steps on Micronaut, with Bolt's
 * InstallationService as the store and the state checked in one statement ({@link InstallStates}).
 */
@Controller("/slack")
class InstallController {
    private static final Logger LOG = LoggerFactory.getLogger(InstallController.class);
    static final String AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize";
    /** The bot scopes of manifest.yml's oauth_config.scopes.bot (a test holds the two to the same list). */
    static final List<String> BOT_SCOPES = List.of("commands", "chat:write", "channels:history", "groups:history",
            "channels:read", "groups:read", "reactions:read", "users:read", "users:read.email", "im:write", "im:history",
            "files:write", "canvases:write", "canvases:read");
    /** Binds the state to the browser that began the install, so a link with someone else's state is refused. */
    static final String STATE_COOKIE = "coe_oauth_state";

    private final SlackSettings settings;
    private final InstallStates states;
    private final Installations installations;
    private final Slack slack;
    private final Clock clock;

    InstallController(SlackSettings settings, InstallStates states, Installations installations, Slack slack, Clock clock) {
        this.settings = settings;
        this.states = states;
        this.installations = installations;
        this.slack = slack;
        this.clock = clock;
    }

    @Get(uri = "/install", produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> install() {
        if (!settings.oauth()) {
            return HttpResponse.notFound();
        }
        String state = states.issue();
        String url = AUTHORIZE_URL + "?client_id=" + enc(settings.clientId()) + "&scope=" + enc(String.join(",", BOT_SCOPES))
                + "&user_scope=&state=" + enc(state)
                + (redirectUri() == null ? "" : "&redirect_uri=" + enc(redirectUri()));
        String html = page("Add coe-bot to Slack",
                "<p>coe-bot runs a Correction of Error after an incident, in the incident channel.</p>"
                        + "<p><a id=\"add-to-slack\" href=\"" + attr(url) + "\">Add to Slack</a></p>",
                "<meta http-equiv=\"refresh\" content=\"0; url=" + attr(url) + "\">");
        Cookie cookie = Cookie.of(STATE_COOKIE, state).path("/slack").httpOnly(true)
                .maxAge(InstallStates.VALID_FOR).sameSite(SameSite.Lax);
        if (settings.publicUrl() != null && settings.publicUrl().startsWith("https://")) {
            cookie.secure(true);
        }
        return HttpResponse.ok(html).cookie(cookie).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get(uri = "/oauth_redirect", produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> redirect(HttpRequest<?> request, @Nullable @QueryValue String code, @Nullable @QueryValue String state,
                                  @Nullable @QueryValue String error) {
        if (!settings.oauth()) {
            return HttpResponse.notFound();
        }
        String fromBrowser = request.getCookies().findCookie(STATE_COOKIE).map(Cookie::getValue).orElse(null);
        // taken whatever follows: a state is good for one try
        boolean stateOk = state != null && state.equals(fromBrowser) & states.take(state);
        if (!stateOk) {
            LOG.info("Refused an OAuth redirect: its state is missing, expired, already used or not this browser's");
            return failure(HttpStatus.BAD_REQUEST, "This installation link has expired or was already used",
                    "For your safety each \"Add to Slack\" link works once, for a few minutes, in the browser that opened it. "
                            + "<a href=\"install\">Start again</a>.");
        }
        if (error != null) {
            // the person pressed Cancel on Slack's page (error=access_denied)
            return failure(HttpStatus.OK, "coe-bot was not installed", "Slack reports: " + html(error)
                    + ". <a href=\"install\">Try again</a>.");
        }
        if (code == null || code.isBlank()) {
            return failure(HttpStatus.BAD_REQUEST, "coe-bot was not installed", "Slack sent no code. <a href=\"install\">Try again</a>.");
        }
        OAuthV2AccessResponse r;
        try {
            r = slack.methods().oauthV2Access(b -> b.clientId(settings.clientId()).clientSecret(settings.clientSecret())
                    .code(code).redirectUri(redirectUri()));
        } catch (Exception e) {
            LOG.warn("oauth.v2.access failed: {}", e.getClass().getSimpleName());
            return failure(HttpStatus.BAD_GATEWAY, "coe-bot was not installed",
                    "Slack could not be reached to finish the installation. <a href=\"install\">Try again</a>.");
        }
        if (!r.isOk() || r.getAccessToken() == null || r.getTeam() == null && r.getEnterprise() == null) {
            LOG.warn("oauth.v2.access refused the code: {}", r.getError());
            return failure(HttpStatus.OK, "coe-bot was not installed", "Slack refused the installation ("
                    + html(r.getError() == null ? "no bot token" : r.getError()) + "). <a href=\"install\">Try again</a>.");
        }
        DefaultInstaller installer = new DefaultInstaller();
        installer.setAppId(r.getAppId());
        installer.setEnterpriseId(r.getEnterprise() == null ? null : r.getEnterprise().getId());
        installer.setTeamId(r.getTeam() == null ? null : r.getTeam().getId());
        installer.setIsEnterpriseInstall(r.isEnterpriseInstall());
        installer.setTokenType(r.getTokenType());
        installer.setBotUserId(r.getBotUserId());
        installer.setBotScope(r.getScope());
        installer.setBotAccessToken(r.getAccessToken());
        installer.setInstallerUserId(r.getAuthedUser() == null ? null : r.getAuthedUser().getId());
        installer.setInstalledAt(clock.millis());
        try {
            installations.saveInstallerAndBot(installer);
        } catch (RuntimeException e) {
            LOG.error("Storing an installation failed: {}", e.getClass().getSimpleName());
            return failure(HttpStatus.INTERNAL_SERVER_ERROR, "coe-bot was not installed",
                    "The installation could not be saved. <a href=\"install\">Try again</a> in a moment.");
        }
        String where = r.isEnterpriseInstall() && r.getEnterprise() != null ? r.getEnterprise().getName()
                : r.getTeam() == null ? null : r.getTeam().getName();
        return HttpResponse.ok(page("coe-bot is installed",
                        "<p>coe-bot is installed" + (where == null ? "" : " in <b>" + html(where) + "</b>") + ".</p>"
                                + "<p>Invite it to an incident channel (<code>/invite @coe-bot</code>) and type "
                                + "<code>/coe start</code> to run a Correction of Error.</p>", ""))
                .cookie(Cookie.of(STATE_COOKIE, "").path("/slack").maxAge(0))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    private String redirectUri() {
        return settings.publicUrl() == null ? null : settings.publicUrl() + "/slack/oauth_redirect";
    }

    private static HttpResponse<String> failure(HttpStatus status, String title, String text) {
        return HttpResponse.<String>status(status).body(page(title, "<p>" + text + "</p>", ""))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static String page(String title, String body, String head) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + html(title) + "</title>" + head
                + "</head><body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>" + html(title) + "</h1>"
                + body + "</body></html>";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String attr(String s) {
        return html(s);
    }
}
