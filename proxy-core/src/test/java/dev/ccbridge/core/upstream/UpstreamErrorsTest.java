package dev.ccbridge.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each upstream failure becomes the status and type that make Claude Code do the right thing. */
class UpstreamErrorsTest {
    private static ApiError map(int status, String body) {
        return new UpstreamErrors("DeepSeek", Redactor.patternsOnly(), 150_000, 128_000).fromHttp(status, Map.of(), body);
    }

    @ParameterizedTest
    @CsvSource({
            "400, invalid_request_error, 400",
            "401, authentication_error, 401",
            "403, permission_error, 403",
            "404, not_found_error, 404",
            "413, request_too_large, 413",
            "408, api_error, 504",
            "429, rate_limit_error, 429",
            "500, api_error, 500",
            "502, api_error, 502",
            "503, overloaded_error, 529",
            "504, api_error, 504",
            "529, overloaded_error, 529",
            "418, invalid_request_error, 400",
    })
    void statusesMapToAnthropicTypes(int upstream, String type, int status) {
        ApiError error = map(upstream, "{\"error\":{\"message\":\"nope\"}}");
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.message()).contains("nope");
    }

    @Test
    void quotaExhaustionIsNotRetriedTenTimes() {
        ApiError error = map(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\"}}");
        assertThat(error.type()).isEqualTo("rate_limit_error");
        assertThat(error.headers()).containsEntry("x-should-retry", "false");
        assertThat(map(402, "{\"error\":{\"message\":\"Insufficient Balance\"}}").headers())
                .containsEntry("x-should-retry", "false");
    }

    @Test
    void contextOverflowWithoutNumbersStillReadsAsPromptTooLong() {
        ApiError error = map(400, "{\"error\":{\"message\":\"Input is too long for requested model.\"}}");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.message()).startsWith("prompt is too long: 150000 tokens > 128000 maximum");
    }

    @Test
    void htmlErrorPagesBecomeAShortMessageAndStayInProviderError() {
        ApiError error = map(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assertThat(error.type()).isEqualTo("api_error");
        assertThat(error.message()).contains("502 Bad Gateway");
        assertThat(error.providerError().path("status").asInt()).isEqualTo(502);
    }
}
