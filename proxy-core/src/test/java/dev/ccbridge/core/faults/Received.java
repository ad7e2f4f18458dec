package dev.ccbridge.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.testing.SseText;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What Claude Code received for one request: status, headers, and the body read as SSE or JSON. */
record Received(int status, HttpResponse<byte[]> response, String body, long millis) {

    static Received of(HttpResponse<byte[]> response, long millis) {
        return new Received(response.statusCode(), response, strictUtf8(response.body()), millis);
    }

    /** Our replies are always valid UTF-8, whatever the provider sent. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("the reply is not valid UTF-8: " + e);
        }
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    boolean isStream() {
        String type = header("content-type");
        return type != null && type.startsWith("text/event-stream");
    }

    List<SseText.Frame> frames() {
        return SseText.parse(body);
    }

    List<String> events() {
        return frames().stream().map(SseText.Frame::event).toList();
    }

    JsonNode json() {
        JsonNode json = Json.parseOrNull(body);
        assertThat(json).as("a JSON reply: %s", body).isNotNull();
        return json;
    }

    /** An HTTP error in Anthropic's envelope, as Claude Code reads it before a stream started. */
    Received isHttpError(int expectedStatus, String type, String messagePart) {
        assertThat(status).as("status; body %s", abbreviated()).isEqualTo(expectedStatus);
        JsonNode json = json();
        assertThat(json.path("type").asText()).isEqualTo("error");
        assertThat(json.at("/error/type").asText()).isEqualTo(type);
        assertThat(json.at("/error/message").asText()).contains(messagePart);
        assertThat(json.path("request_id").asText()).startsWith("req_");
        return this;
    }

    /**
     * A stream that started (200) and ended with one {@code error} event in the envelope: no
     * {@code message_stop}, so Claude Code never takes the cut answer for a whole one.
     */
    Received isStreamCutWithError(String type, String messagePart) {
        assertThat(status).as("status; body %s", abbreviated()).isEqualTo(200);
        assertThat(isStream()).isTrue();
        List<SseText.Frame> frames = frames();
        assertThat(frames.getFirst().event()).isEqualTo("message_start");
        assertThat(frames.getLast().event()).as(abbreviated()).isEqualTo("error");
        assertThat(events()).doesNotContain("message_stop").containsOnlyOnce("error");
        JsonNode error = frames.getLast().data();
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo(type);
        assertThat(error.at("/error/message").asText()).contains(messagePart);
        return this;
    }

    /** A complete stream: starts, ends with message_stop, no error. */
    Received isCompleteStream() {
        assertThat(status).as(abbreviated()).isEqualTo(200);
        assertThat(events()).startsWith("message_start").endsWith("message_stop").doesNotContain("error");
        return this;
    }

    /** The text of a complete answer, streamed or not. */
    String text() {
        if (isStream()) {
            var text = new StringBuilder();
            for (SseText.Frame frame : frames()) {
                if (frame.event().equals("content_block_delta")) {
                    text.append(frame.data().at("/delta/text").asText(""));
                }
            }
            return text.toString();
        }
        var text = new StringBuilder();
        json().path("content").forEach(block -> text.append(block.path("text").asText("")));
        return text.toString();
    }

    String abbreviated() {
        return body.length() <= 600 ? body : body.substring(0, 600) + "...";
    }
}
