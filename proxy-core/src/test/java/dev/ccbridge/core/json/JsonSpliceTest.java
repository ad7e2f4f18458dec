package dev.ccbridge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSpliceTest {
    private static String splice(String json, Map<String, com.fasterxml.jackson.databind.JsonNode> replace,
                                 Set<String> remove) {
        return new String(JsonSplice.apply(json.getBytes(StandardCharsets.UTF_8), replace, remove).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    @Test
    void replacesValuesAndKeepsEveryOtherByte() {
        String json = "{ \"model\" : \"claude\\u002dx\", \"n\":1.50e2,\n  \"s\":\"caf\\u00e9\",\"max_tokens\":32000 }";

        String out = splice(json, Map.of("model", TextNode.valueOf("deepseek-v4"), "max_tokens", IntNode.valueOf(8192)),
                Set.of());

        assertThat(out).isEqualTo("{ \"model\" : \"deepseek-v4\", \"n\":1.50e2,\n  \"s\":\"caf\\u00e9\",\"max_tokens\":8192 }");
    }

    @Test
    void removesFirstMiddleAndLastFieldsLeavingValidJson() {
        String json = "{\"a\":1,\"b\":[2],\"c\":{\"d\":3},\"e\":true}";

        assertThat(splice(json, Map.of(), Set.of("a"))).isEqualTo("{\"b\":[2],\"c\":{\"d\":3},\"e\":true}");
        assertThat(splice(json, Map.of(), Set.of("c"))).isEqualTo("{\"a\":1,\"b\":[2],\"e\":true}");
        assertThat(splice(json, Map.of(), Set.of("e"))).isEqualTo("{\"a\":1,\"b\":[2],\"c\":{\"d\":3}}");
        assertThat(splice(json, Map.of(), Set.of("c", "e"))).isEqualTo("{\"a\":1,\"b\":[2]}");
        assertThat(splice(json, Map.of("b", IntNode.valueOf(9)), Set.of("a", "c", "e"))).isEqualTo("{\"b\":9}");
        assertThat(splice(json, Map.of(), Set.of("a", "b", "c", "e"))).isEqualTo("{}");
        assertThat(splice(json, Map.of(), Set.of("absent"))).isEqualTo(json);
    }

    @Test
    void refusesWhatIsNotOneObjectWithUniqueKeys() {
        assertThat(JsonSplice.apply("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), Map.of(), Set.of("a")))
                .isEmpty();
        assertThat(JsonSplice.apply("[1]".getBytes(StandardCharsets.UTF_8), Map.of(), Set.of())).isEmpty();
        assertThat(JsonSplice.apply("{\"a\":1} {}".getBytes(StandardCharsets.UTF_8), Map.of(), Set.of())).isEmpty();
    }
}
