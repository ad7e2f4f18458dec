package dev.ccbridge.fake.providers;

import dev.ccbridge.fake.Profile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The conformance profiles: for each of ccbridge's provider presets (by preset id), a fake of
 * that provider that holds requests to its documented rules (docs/providers.md names them and
 * their sources) and speaks as it does.
 */
public final class Providers {
    private static final Map<String, Supplier<Profile>> BY_PRESET = new LinkedHashMap<>();

    static {
        BY_PRESET.put("openai", OpenAiChat::profile);
        BY_PRESET.put("openai-responses", OpenAiResponses::profile);
        BY_PRESET.put("openrouter", OpenRouterChat::profile);
        BY_PRESET.put("deepseek", DeepSeekChat::profile);
        BY_PRESET.put("deepseek-anthropic", AnthropicMessages::deepseek);
        BY_PRESET.put("moonshot", KimiChat::profile);
        BY_PRESET.put("qwen", QwenChat::profile);
        BY_PRESET.put("groq", GroqChat::profile);
        BY_PRESET.put("mistral", MistralChat::profile);
        BY_PRESET.put("gemini", GeminiChat::profile);
        BY_PRESET.put("ollama", LocalChat::ollama);
        BY_PRESET.put("lmstudio", LocalChat::lmStudio);
        BY_PRESET.put("vllm", LocalChat::vllm);
        BY_PRESET.put("anthropic", AnthropicMessages::anthropic);
        BY_PRESET.put("anthropic-gateway", AnthropicMessages::gateway);
        BY_PRESET.put("bedrock", BedrockConverse::profile);
    }

    private Providers() {}

    /** The profile of a preset's provider. */
    public static Profile forPreset(String presetId) {
        Supplier<Profile> profile = BY_PRESET.get(presetId);
        if (profile == null) {
            throw new NoSuchElementException("no conformance profile for the preset " + presetId);
        }
        return profile.get();
    }

    /** The preset ids that have a profile, in the presets' order. */
    public static Set<String> presets() {
        return Collections.unmodifiableSet(BY_PRESET.keySet());
    }
}
