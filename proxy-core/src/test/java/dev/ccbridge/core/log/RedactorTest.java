package dev.ccbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void knownSecretsAndCommonKeyShapesAreMasked() {
        var redactor = new Redactor(List.of("my-very-own-key-1234"));
        String text = "key my-very-own-key-1234, openai sk-proj-AbCdEfGh12345678, anthropic sk-ant-api03-xyzXYZ12345,"
                + " Authorization: Bearer abcdefghijklmnop, aws AKIAIOSFODNN7EXAMPLE, local ccb_Q2xhdWRlQ29kZUJyaWRnZQ";
        String out = redactor.redact(text);
        assertThat(out).doesNotContain("my-very-own-key-1234", "sk-proj-AbCd", "sk-ant-api03", "abcdefghijklmnop",
                "AKIAIOSFODNN7EXAMPLE", "ccb_Q2xh");
        assertThat(out).contains("Bearer [redacted]").contains("openai [redacted]");
    }

    @Test
    void jsonFieldsNamedLikeCredentialsAreBlankedEverywhere() {
        var node = Json.parseOrNull("{\"error\":{\"message\":\"bad key sk-abcdefghijkl\",\"api_key\":\"plain\"},"
                + "\"list\":[{\"Authorization\":\"x\"}]}");
        String out = Redactor.patternsOnly().redact(node).toString();
        assertThat(out).doesNotContain("plain").doesNotContain("sk-abcdefghijkl").doesNotContain("\"x\"");
        assertThat(node.toString()).contains("plain"); // the original is left alone
    }

    @Test
    void aStoredBodyIsRedactedAsTextWithCredentialFieldsBlanked() {
        String body = "{\"error\":{\"message\":\"bad key sk-abcdefghijkl\",\"api_key\" : \"pla\\\"in\"},"
                + "\"list\":[{\"Authorization\":\"x\"}],\"max_tokens\":100,\"text\":\"" + "a".repeat(200_000)
                + "\",\"token\":\"ccb-local\"}";
        String out = redactDocument(Redactor.patternsOnly(), body);
        assertThat(out).doesNotContain("pla\\\"in").doesNotContain("sk-abcdefghijkl").doesNotContain("\"x\"")
                .doesNotContain("ccb-local");
        assertThat(out).contains("\"api_key\" : \"[redacted]\"").contains("\"max_tokens\":100");
        assertThat(Json.parseOrNull(out)).as("still JSON").isNotNull();
    }

    @Test
    void everyOccurrenceIsMaskedWhereverItStands() {
        String text = "sk-proj-AAAAbbbbCCCC1234 task-sk-notakeyatall1234 then sk-proj-AAAAbbbbCCCC1234, authorization:"
                + " bearer abcdefghijklmnop and BEARER qrstuvwxyz123456";
        String out = Redactor.patternsOnly().redact(text);
        assertThat(out).isEqualTo("[redacted] task-sk-notakeyatall1234 then [redacted], authorization:"
                + " bearer [redacted] and BEARER [redacted]");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Fix the skeleton task-runner in src/ask-tools.ts";
        assertThat(Redactor.patternsOnly().redact(text)).isEqualTo(text);
        String json = "{\"max_tokens\":100,\"messages\":[{\"content\":\"the token: \\\"abc\\\"\"}]}";
        assertThat(redactDocument(Redactor.patternsOnly(), json)).isEqualTo(json);
    }

    @Test
    void aStoredBodyInAnyScriptKeepsItsTextWhileKeysBesideItAreMasked() {
        String body = "{\"text\":\"clé é sk-abcdefghijkl 鍵 ключ🔑sk-proj-AAAAbbbbCCCC1234, ключ\","
                + "\"Password\":\"пароль\",\"note\":\"my-secret-ключ\"}";
        String out = redactDocument(new Redactor(List.of("my-secret-ключ")), body);
        assertThat(out).isEqualTo("{\"text\":\"clé é [redacted] 鍵 ключ🔑[redacted], ключ\","
                + "\"Password\":\"[redacted]\",\"note\":\"[redacted]\"}");
    }

    private static String redactDocument(Redactor redactor, String body) {
        return new String(redactor.redactDocument(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
