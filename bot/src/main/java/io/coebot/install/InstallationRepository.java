package io.coebot.install;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InstallationRepository extends GenericRepository<InstallationRow, Long> {

    /** Native: an upsert on the (enterprise, team) key; a reinstall keeps the first installer when Slack names none. */
    @Query("""
            INSERT INTO slack_installation (enterprise_id, team_id, is_enterprise_install, app_id, bot_id, bot_user_id,
                                            bot_scopes, bot_token_sealed, installer_user_id, installed_at)
            VALUES (:enterpriseId, :teamId, :orgWide, :appId, :botId, :botUserId, :botScopes, :sealed, :installer, :installedAt)
            ON CONFLICT (enterprise_id, team_id) DO UPDATE SET is_enterprise_install = EXCLUDED.is_enterprise_install,
                app_id = EXCLUDED.app_id, bot_id = EXCLUDED.bot_id, bot_user_id = EXCLUDED.bot_user_id,
                bot_scopes = EXCLUDED.bot_scopes, bot_token_sealed = EXCLUDED.bot_token_sealed,
                installer_user_id = COALESCE(EXCLUDED.installer_user_id, slack_installation.installer_user_id),
                installed_at = EXCLUDED.installed_at""")
    void upsert(String enterpriseId, String teamId, boolean orgWide, @Nullable String appId, @Nullable String botId,
                String botUserId, String botScopes, byte[] sealed, @Nullable String installer, Instant installedAt);

    /** Team ids are unique across Slack, Enterprise Grid included. */
    Optional<InstallationRow> findFirstByTeamIdOrderByInstalledAtDesc(String teamId);

    Optional<InstallationRow> findByEnterpriseIdAndTeamId(String enterpriseId, String teamId);

    /** Native: the organisation's install for one of its workspaces, through the workspace remembered for it (a join). */
    @Query("""
            SELECT i.* FROM slack_installation i JOIN slack_org_workspace w ON w.enterprise_id = i.enterprise_id
            WHERE w.team_id = :teamId AND i.team_id = ''""")
    Optional<InstallationRow> findOrgWideFor(String teamId);

    int deleteByEnterpriseIdAndTeamId(String enterpriseId, String teamId);

    /** Native: an upsert (slack_org_workspace has no entity: it is only written here and read by the join above). */
    @Query("""
            INSERT INTO slack_org_workspace (team_id, enterprise_id) VALUES (:teamId, :enterpriseId)
            ON CONFLICT (team_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id""")
    void rememberOrgWorkspace(String teamId, String enterpriseId);
}
