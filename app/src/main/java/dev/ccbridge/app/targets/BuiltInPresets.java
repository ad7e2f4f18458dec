package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ModelTiers;
import java.util.List;
import java.util.Map;

/**
 * A small starting list of providers, until the core's preset data (base URLs, modes, suggested
 * models and prices per provider) is available; then this class goes and {@link PresetCatalog}
 * reads that data. No prices here: they change too often to be guessed; users enter them.
 */
public final class BuiltInPresets implements PresetCatalog {
    private static final List<Preset> PRESETS = List.of(
            chat("OpenAI", "openai", "https://api.openai.com/v1", "gpt-5.1",
                    new ModelTiers("gpt-5.1", "gpt-5.1", "gpt-5-mini"), "OPENAI_API_KEY"),
            new Preset("OpenAI (Responses API)", "openai", "https://api.openai.com/v1", ApiMode.CODEX_RESPONSES,
                    "gpt-5.1-codex", new ModelTiers("gpt-5.1-codex", "gpt-5.1-codex", "gpt-5-mini"),
                    "OPENAI_API_KEY", Map.of(), null),
            chat("DeepSeek", "deepseek", "https://api.deepseek.com", "deepseek-chat",
                    new ModelTiers("deepseek-reasoner", "deepseek-chat", "deepseek-chat"), "DEEPSEEK_API_KEY"),
            chat("OpenRouter", "openrouter", "https://openrouter.ai/api/v1", "qwen/qwen3-coder",
                    new ModelTiers(null, null, "openai/gpt-5-mini"), "OPENROUTER_API_KEY"),
            chat("Moonshot (Kimi)", "moonshot", "https://api.moonshot.ai/v1", "kimi-k2-turbo-preview",
                    ModelTiers.NONE, "MOONSHOT_API_KEY"),
            chat("Groq", "groq", "https://api.groq.com/openai/v1", "openai/gpt-oss-120b",
                    new ModelTiers(null, null, "openai/gpt-oss-20b"), "GROQ_API_KEY"),
            chat("Mistral", "mistral", "https://api.mistral.ai/v1", "devstral-medium-latest",
                    new ModelTiers(null, null, "mistral-small-latest"), "MISTRAL_API_KEY"),
            chat("Gemini (OpenAI-compatible)", "gemini", "https://generativelanguage.googleapis.com/v1beta/openai",
                    "gemini-2.5-pro", new ModelTiers(null, null, "gemini-2.5-flash"), "GEMINI_API_KEY"),
            chat("Ollama (local)", "ollama", "http://127.0.0.1:11434/v1", "qwen3-coder", ModelTiers.NONE, null),
            chat("LM Studio (local)", "lmstudio", "http://127.0.0.1:1234/v1", "qwen/qwen3-coder-30b",
                    ModelTiers.NONE, null),
            new Preset("Anthropic-compatible gateway", "anthropic", "https://api.anthropic.com",
                    ApiMode.ANTHROPIC_MESSAGES, "claude-sonnet-4-5", ModelTiers.NONE, null, Map.of(), null),
            new Preset("AWS Bedrock", "bedrock", "", ApiMode.BEDROCK_CONVERSE,
                    "us.anthropic.claude-sonnet-4-5-20250929-v1:0", ModelTiers.NONE, null,
                    Map.of("region", "us-east-1"), null));

    @Override
    public List<Preset> presets() {
        return PRESETS;
    }

    private static Preset chat(String name, String provider, String baseUrl, String model, ModelTiers tiers,
                               String apiKeyEnv) {
        return new Preset(name, provider, baseUrl, ApiMode.CHAT_COMPLETIONS, model, tiers, apiKeyEnv, Map.of(), null);
    }
}
