package io.coebot.install;

import io.coebot.slack.SlackSettings;
import io.coebot.slack.WorkspaceTokens;
import jakarta.inject.Singleton;

import java.util.Optional;

/** SLACK_BOT_TOKEN for every call when it is set; otherwise the token of the workspace's installation, if it has one. */
@Singleton
class InstalledTokens implements WorkspaceTokens {
    private final SlackSettings settings;
    private final Installations installations;

    InstalledTokens(SlackSettings settings, Installations installations) {
        this.settings = settings;
        this.installations = installations;
    }

    @Override
    public Optional<String> botToken(String teamId) {
        if (!settings.oauth()) {
            return Optional.ofNullable(settings.botToken());
        }
        return teamId == null || teamId.isBlank() ? Optional.empty() : installations.botToken(null, teamId);
    }
}
