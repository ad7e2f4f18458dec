package dev.ccbridge.core.cli;

import dev.ccbridge.core.secrets.ChainedSecretStore;
import dev.ccbridge.core.secrets.EnvSecretStore;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.ConfigPaths;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.TargetRegistry;
import java.nio.file.Path;
import java.util.List;

/** The config and keys a CLI command works with. Headless keys come from environment variables. */
record CliContext(ConfigStore store, TargetRegistry registry, SecretStore secrets, List<String> warnings) {

    static CliContext open(Path configFile) {
        var store = new ConfigStore(configFile != null ? configFile : ConfigPaths.configFile());
        ConfigStore.Loaded loaded = store.load();
        var registry = new TargetRegistry(loaded.config(), store);
        SecretStore secrets = new ChainedSecretStore(List.of(new EnvSecretStore(), new InMemorySecretStore()));
        return new CliContext(store, registry, secrets, loaded.warnings());
    }

    KeyResolver keys() {
        return new KeyResolver(secrets);
    }
}
