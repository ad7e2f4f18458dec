package dev.ccbridge.app.services;

import dev.ccbridge.app.env.EnvOverrideCheck;
import dev.ccbridge.app.log.ExportFiles;
import dev.ccbridge.app.settings.SettingsStore;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.ApiMode;
import java.util.List;
import java.util.Set;

/**
 * What the window's view models work with: each a small service, so each gets only what it
 * needs and tests can check that none of the blocking ones is called on the FX thread.
 *
 * @param servedModes    the API modes this version can serve
 * @param log            the live request log (memory only)
 * @param notices        things to tell the user at start (no keychain, a config problem)
 * @param claudeSettings Claude Code's settings files, which may override the env snippet
 * @param loginStart     the desktop's entry that starts ccbridge at login
 * @param search         the web search backend the Web search tab sets up
 */
public record AppServices(TargetStore targets, SecretStore secrets, GatewaySwitch gateway, GatewayCalls calls,
                          Set<ApiMode> servedModes, RequestLog log, History history, SettingsStore settings,
                          List<String> notices, EnvOverrideCheck claudeSettings, ExportFiles exportFiles,
                          LoginStart loginStart, SearchSetup search) {

    public AppServices withClaudeSettings(EnvOverrideCheck check) {
        return new AppServices(targets, secrets, gateway, calls, servedModes, log, history, settings, notices, check,
                exportFiles, loginStart, search);
    }

    public AppServices withLoginStart(LoginStart entry) {
        return new AppServices(targets, secrets, gateway, calls, servedModes, log, history, settings, notices,
                claudeSettings, exportFiles, entry, search);
    }
}
