package dev.ccbridge.app.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTest {
    @Test
    void aFoldedMessageGivesItsTextToolCallsAndUsage() {
        Answer answer = Answer.fromBody("T", 200, 120, null, "{\"type\":\"message\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Let me look.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Read\",\"input\":{\"path\":\"a.txt\"}}],"
                + "\"usage\":{\"input_tokens\":40,\"output_tokens\":9}}");
        assertThat(answer.ok()).isTrue();
        assertThat(answer.text()).contains("Let me look.").contains("[tool call: Read {\"path\":\"a.txt\"}]");
        assertThat(answer.usage().inputTokens()).isEqualTo(40);
    }

    @Test
    void anErrorEnvelopeGivesItsMessage() {
        Answer answer = Answer.fromBody("T", 429, 30, null,
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");
        assertThat(answer.ok()).isFalse();
        assertThat(answer.error()).isEqualTo("slow down");
    }

    @Test
    void aRelayedStreamGivesItsTextDeltas() {
        String sse = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}\n\n";
        assertThat(Answer.fromBody("T", 200, 5, null, sse).text()).isEqualTo("Hello");
    }
}
