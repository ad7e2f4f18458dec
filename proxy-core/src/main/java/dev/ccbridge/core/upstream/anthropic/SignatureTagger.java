package dev.ccbridge.core.upstream.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.translate.anthropic.GatewaySignatures;
import dev.ccbridge.core.translate.common.CarriedSignature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tags the thinking signatures of a relayed event stream with the target that made them (see
 * {@link GatewaySignatures}), leaving every other byte as it came. Bytes go out whole events at a
 * time: the part of an event not yet complete waits for the rest. Only an event that carries a
 * signature is written anew ({@code event:} and {@code data:} lines); one without passes as is.
 */
final class SignatureTagger {
    private static final byte[] MARK = "signature".getBytes(StandardCharsets.US_ASCII);

    private final CarriedSignature.Origin origin;
    private byte[] pending = new byte[0];

    SignatureTagger(CarriedSignature.Origin origin) {
        this.origin = origin;
    }

    /** The complete events among what arrived so far, signatures tagged. */
    byte[] feed(byte[] bytes) {
        byte[] all = concat(pending, bytes);
        int end = lastEventEnd(all);
        pending = Arrays.copyOfRange(all, end, all.length);
        return tagged(all, end);
    }

    /** What was left of an unfinished last event, as it came. */
    byte[] finish() {
        byte[] rest = pending;
        pending = new byte[0];
        return rest;
    }

    /** A whole JSON answer with its thinking signatures tagged. */
    byte[] message(byte[] json) {
        JsonNode message = Json.parseOrNull(new String(json, StandardCharsets.UTF_8));
        return GatewaySignatures.tagMessage(message, origin).map(Json::bytes).orElse(json);
    }

    private byte[] tagged(byte[] all, int end) {
        if (indexOf(all, MARK, 0, end) < 0) {
            return end == all.length ? all : Arrays.copyOf(all, end); // no signature in these events: as they came
        }
        var out = new ByteArrayOutputStream(end + 256);
        int start = 0;
        while (start < end) {
            int eventEnd = nextEventEnd(all, start, end);
            out.writeBytes(event(Arrays.copyOfRange(all, start, eventEnd)));
            start = eventEnd;
        }
        return out.toByteArray();
    }

    /** One event, written anew if it carries a signature to tag, else as it came. */
    private byte[] event(byte[] raw) {
        if (indexOf(raw, MARK, 0, raw.length) < 0) {
            return raw;
        }
        String name = null;
        var data = new StringBuilder();
        for (String line : new String(raw, StandardCharsets.UTF_8).split("\r\n|\r|\n")) {
            if (line.startsWith("event:")) {
                name = value(line, "event:");
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(value(line, "data:"));
            }
        }
        Optional<ObjectNode> tagged = GatewaySignatures.tagEvent(Json.parseOrNull(data.toString()), origin);
        if (tagged.isEmpty()) {
            return raw;
        }
        String frame = (name == null ? "" : "event: " + name + "\n") + "data: " + Json.write(tagged.get()) + "\n\n";
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    private static String value(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    /** Where the last complete event in {@code bytes} ends (after its blank line), or 0. */
    private static int lastEventEnd(byte[] bytes) {
        for (int i = bytes.length; i > 0; i--) {
            if (endsEvent(bytes, i)) {
                return i;
            }
        }
        return 0;
    }

    private static int nextEventEnd(byte[] bytes, int from, int limit) {
        for (int i = from + 1; i <= limit; i++) {
            if (endsEvent(bytes, i)) {
                return i;
            }
        }
        return limit;
    }

    /** Whether the bytes before {@code at} end with a blank line: LF LF, CR CR, CRLF CRLF, or CR CRLF. */
    private static boolean endsEvent(byte[] bytes, int at) {
        if (at < 2) {
            return false;
        }
        byte last = bytes[at - 1];
        byte before = bytes[at - 2];
        if (last == '\n') {
            return before == '\n' || at >= 3 && before == '\r'
                    && (bytes[at - 3] == '\r' || at >= 4 && bytes[at - 3] == '\n' && bytes[at - 4] == '\r');
        }
        return last == '\r' && before == '\r' && (at == bytes.length || bytes[at] != '\n');
    }

    private static int indexOf(byte[] bytes, byte[] mark, int from, int to) {
        outer:
        for (int i = from; i <= to - mark.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (bytes[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
