package dev.ccbridge.fake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque tokens a provider hands out and later checks, as real providers sign thinking
 * (Anthropic, Bedrock, gateways), encrypt reasoning (OpenAI's {@code encrypted_content}) or sign
 * thoughts (Gemini): an HMAC of the content under the provider's own key, so a token made by
 * another provider, or for other content, fails the check, as it does for real.
 */
public record Signer(String family, String prefix) {
    /** Anthropic's signatures; Bedrock's are Anthropic's too (signatures work across Claude platforms). */
    public static final Signer CLAUDE = new Signer("claude", "Eq");
    public static final Signer OPENAI = new Signer("openai", "gAAAAB");
    public static final Signer GEMINI = new Signer("gemini", "Ci");

    public String sign(String content) {
        return prefix + Base64.getEncoder().encodeToString(mac(content));
    }

    public boolean verifies(String content, String token) {
        if (token == null || !token.startsWith(prefix)) {
            return false;
        }
        try {
            byte[] given = Base64.getDecoder().decode(token.substring(prefix.length()));
            return MessageDigest.isEqual(given, mac(content));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("fake-provider-key:" + family).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
