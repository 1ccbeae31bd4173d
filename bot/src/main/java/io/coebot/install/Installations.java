package io.coebot.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import io.coebot.slack.SlackSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;

/**
 * Bolt's {@link InstallationService} on PostgreSQL (table slack_installation, V21): Bolt's multi-workspace
 * authorization asks it for the bot of each request's workspace, so ctx.client() carries that workspace's token, and
 * the outbox and the other outbound calls ask it through {@link io.coebot.slack.WorkspaceTokens}. Tokens are stored
 * sealed ({@link TokenSeal}); a user token is never asked for (the manifest has no user scopes) and never stored.
 */
@Singleton
class Installations implements InstallationService {
    private static final Logger LOG = LoggerFactory.getLogger(Installations.class);

    private final TransactionOperations<Connection> tx;
    private final InstallationRepository rows;
    private final Clock clock;
    private final SlackSettings settings;
    private final String secretKey;
    private volatile TokenSeal seal;

    Installations(TransactionOperations<Connection> tx, InstallationRepository rows, Clock clock, SlackSettings settings,
                  @Value("${coe.secret-key:}") String secretKey) {
        this.tx = tx;
        this.rows = rows;
        this.clock = clock;
        this.settings = settings;
        this.secretKey = secretKey;
        if (settings.oauth()) {
            // Fails start-up (main refuses earlier, with exit status 2; see StartupChoice) rather than the first install.
            seal = TokenSeal.of(secretKey);
        }
    }

    private TokenSeal seal() {
        TokenSeal s = seal;
        if (s == null) {
            s = TokenSeal.of(secretKey);
            seal = s;
        }
        return s;
    }

    /** The key of an installation: an org-wide install has no team, a workspace install no enterprise. */
    private static String workspace(String enterpriseId, String teamId) {
        return blank(enterpriseId) + "/" + blank(teamId);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // one row per workspace: a reinstall replaces it
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        save(i.getEnterpriseId(), Boolean.TRUE.equals(i.getIsEnterpriseInstall()) ? null : i.getTeamId(),
                Boolean.TRUE.equals(i.getIsEnterpriseInstall()), i.getAppId(), i.getBotId(), i.getBotUserId(),
                i.getBotScope(), i.getBotAccessToken(), i.getInstallerUserId());
    }

    @Override
    public void saveBot(Bot b) {
        save(b.getEnterpriseId(), Boolean.TRUE.equals(b.getIsEnterpriseInstall()) ? null : b.getTeamId(),
                Boolean.TRUE.equals(b.getIsEnterpriseInstall()), b.getAppId(), b.getBotId(), b.getBotUserId(),
                b.getBotScope(), b.getBotAccessToken(), null);
    }

    private void save(String enterpriseId, String teamId, boolean orgWide, String appId, String botId, String botUserId,
                      String scopes, String token, String installer) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("An installation without a bot token");
        }
        byte[] sealed = seal().seal(token, workspace(enterpriseId, teamId));
        tx.executeWrite(status -> {
            rows.upsert(blank(enterpriseId), blank(teamId), orgWide, appId, botId, blank(botUserId), blank(scopes), sealed,
                    installer, clock.instant());
            return null;
        });
        LOG.info("Installed in workspace {} (enterprise {})", blank(teamId), blank(enterpriseId));
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return find(enterpriseId, teamId).map(Installations::toBot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return find(enterpriseId, teamId).map(r -> {
            DefaultInstaller i = new DefaultInstaller();
            i.setEnterpriseId(r.enterpriseId);
            i.setTeamId(r.teamId);
            i.setIsEnterpriseInstall(r.orgWide);
            i.setAppId(r.appId);
            i.setBotId(r.botId);
            i.setBotUserId(r.botUserId);
            i.setBotScope(r.scopes);
            i.setBotAccessToken(r.token);
            i.setInstallerUserId(r.installer);
            i.setInstalledAt(r.installedAt);
            return (Installer) i;
        }).orElse(null);
    }

    /** The workspace's bot token; a workspace of an organisation that installed org-wide uses the organisation's. */
    Optional<String> botToken(String enterpriseId, String teamId) {
        return find(enterpriseId, teamId).map(r -> r.token);
    }

    private record Row(String enterpriseId, String teamId, boolean orgWide, String appId, String botId, String botUserId,
                       String scopes, String token, String installer, long installedAt) {}

    private Optional<Row> find(String enterpriseId, String teamId) {
        if (blank(enterpriseId).isEmpty() && !blank(teamId).isEmpty()) {
            // the outbox knows only the team: a workspace of an organisation installed org-wide was remembered
            Optional<Row> own = row(() -> rows.findFirstByTeamIdOrderByInstalledAtDesc(teamId));
            return own.isPresent() ? own : row(() -> rows.findOrgWideFor(teamId));
        }
        Optional<Row> own = blank(teamId).isEmpty() ? Optional.empty()
                : row(() -> rows.findFirstByTeamIdOrderByInstalledAtDesc(teamId));
        if (own.isPresent() || blank(enterpriseId).isEmpty()) {
            return own;
        }
        Optional<Row> org = row(() -> rows.findByEnterpriseIdAndTeamId(enterpriseId, ""));
        if (org.isPresent() && !blank(teamId).isEmpty() && orgWorkspaces.add(teamId)) {
            remember(teamId, enterpriseId);
        }
        return org;
    }

    /** Workspaces of org-wide installs already remembered by this instance (one write per workspace, not per request). */
    private final java.util.Set<String> orgWorkspaces = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void remember(String teamId, String enterpriseId) {
        tx.executeWrite(status -> {
            rows.rememberOrgWorkspace(teamId, enterpriseId);
            return null;
        });
    }

    private Optional<Row> row(java.util.function.Supplier<Optional<InstallationRow>> query) {
        return tx.executeRead(status -> query.get()).map(this::read);
    }

    private Row read(InstallationRow r) {
        String e = r.enterpriseId();
        String t = r.teamId();
        String token = seal().open(r.botTokenSealed(), workspace(e, t)).orElse(null);
        if (token == null) {
            // another COE_SECRET_KEY than the one it was stored with: the workspace must install again
            LOG.error("The bot token of workspace {} (enterprise {}) cannot be decrypted with this {}: install the app "
                    + "again there, or start with the key it was stored with", t, e, TokenSeal.KEY_SETTING);
        }
        return new Row(e.isEmpty() ? null : e, t.isEmpty() ? null : t, r.orgWide(), r.appId(), r.botId(), r.botUserId(),
                r.botScopes(), token, r.installerUserId(), r.installedAt().toEpochMilli());
    }

    private static Bot toBot(Row r) {
        if (r.token == null) {
            return null;
        }
        DefaultBot b = new DefaultBot();
        b.setEnterpriseId(r.enterpriseId);
        b.setTeamId(r.teamId);
        b.setIsEnterpriseInstall(r.orgWide);
        b.setAppId(r.appId);
        b.setBotId(r.botId);
        b.setBotUserId(r.botUserId);
        b.setBotScope(r.scopes);
        b.setScope(r.scopes);
        b.setBotAccessToken(r.token);
        b.setTokenType("bot");
        b.setInstalledAt(r.installedAt);
        return b;
    }

    /** What Bolt answers a command or action from a workspace without an installation (uninstalled, or never installed). */
    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return "coe-bot is not installed in this workspace (or was uninstalled), so it cannot answer. "
                + "An admin can add it again" + (settings.publicUrl() == null ? " with \"Add to Slack\"."
                : " at " + settings.publicUrl() + "/slack/install.");
    }

    @Override
    public java.util.List<com.slack.api.model.block.LayoutBlock> getInstallationGuideBlocks(String enterpriseId, String teamId, String userId) {
        return null; // the text alone
    }

    @Override
    public void deleteBot(Bot bot) {
        deleteAll(bot.getEnterpriseId(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) ? null : bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // only bot tokens are stored: the installer's row is the bot's
    }

    /** app_uninstalled, tokens_revoked: the workspace's token is gone at once, so nothing more is sent for it. */
    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        int deleted = tx.executeWrite(status -> rows.deleteByEnterpriseIdAndTeamId(blank(enterpriseId), blank(teamId)));
        LOG.info("Deleted the installation of workspace {} (enterprise {}): {} row(s)", blank(teamId), blank(enterpriseId), deleted);
    }
}
