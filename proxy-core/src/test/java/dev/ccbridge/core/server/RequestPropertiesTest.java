package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.agent.Agent;
import dev.ccbridge.core.testing.SseText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and adversarial request bodies, sent over HTTP to a real gateway with a target of each
 * HTTP mode (the providers behind answer anything with a fixed, valid answer): whatever the body,
 * Claude Code gets either an answer or a 4xx in Anthropic's envelope whose message says what is
 * wrong in words (no Java types, no stack trace) — never a 5xx, never a hang.
 */
class RequestPropertiesTest {
    private static final Set<String> CLIENT_ERROR_TYPES = Set.of("invalid_request_error", "request_too_large",
            "not_found_error", "authentication_error", "permission_error");
    private static final String BASE = """
            {"model":"claude-sonnet-4-6","max_tokens":1024,"stream":false,
             "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],
             "tools":[{"name":"Bash","description":"Run","input_schema":{"type":"object","properties":
               {"command":{"type":"string"}},"required":["command"]}}],
             "tool_choice":{"type":"auto"},
             "thinking":{"type":"enabled","budget_tokens":2048},
             "metadata":{"user_id":"u"},"stop_sequences":["STOP"],"temperature":1,
             "messages":[
               {"role":"user","content":[{"type":"text","text":"hi"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},
               {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig"},
                 {"type":"text","text":"Running."},
                 {"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"ls"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1",
                 "content":[{"type":"text","text":"a.txt"}]},{"type":"text","text":"go on"}]}]}
            """;

    private static FakeProvider chat;
    private static FakeProvider responses;
    private static FakeProvider anthropic;
    private static GatewayHarness gateway;
    private static List<String> routes;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeContainer
    static void start() {
        chat = FakeProvider.start(Profile.of(Dialect.CHAT).answering(Agent.saying("OK")));
        responses = FakeProvider.start(Profile.of(Dialect.RESPONSES).answering(Agent.saying("OK")));
        anthropic = FakeProvider.start(Profile.of(Dialect.ANTHROPIC).answering(Agent.saying("OK")));
        gateway = GatewayHarness.start(target("chat", chat.baseUrl(), ApiMode.CHAT_COMPLETIONS));
        Target viaResponses = gateway.registry.put(target("responses", responses.baseUrl(), ApiMode.CODEX_RESPONSES));
        Target viaAnthropic = gateway.registry.put(target("anthropic", anthropic.rootUrl(), ApiMode.ANTHROPIC_MESSAGES));
        routes = List.of("", Route.PINNED_PREFIX + viaResponses.routeKey(), Route.PINNED_PREFIX + viaAnthropic.routeKey());
    }

    @AfterContainer
    static void stop() throws Exception {
        gateway.close();
        chat.close();
        responses.close();
        anthropic.close();
    }

    private static Target target(String id, String baseUrl, ApiMode mode) {
        return Target.builder().id(id).name(id).provider("fake").baseUrl(baseUrl).model("fake-model").apiMode(mode).build();
    }

    // ---- bodies ----------------------------------------------------------------------------

    /** The realistic request with one to three random changes: a value replaced, removed, or added. */
    @Provide
    Arbitrary<byte[]> mutatedRequests() {
        return Arbitraries.longs().map(seed -> {
            var random = new Random(seed);
            JsonNode tree = Json.parseOrNull(BASE);
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                tree = mutate(tree, random);
            }
            ((ObjectNode) tree).put("stream", random.nextBoolean());
            return Json.write(tree).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Any JSON at all, and bytes that are not JSON, or barely. */
    @Provide
    Arbitrary<byte[]> adversarialBodies() {
        Arbitrary<byte[]> anyJson = Arbitraries.longs().map(seed ->
                Json.write(randomValue(new Random(seed), 4)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, BASE.length() - 1)
                .map(at -> BASE.substring(0, at).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> fixed = Arbitraries.of(
                "", " ", "null", "[]", "{}", "\"text\"", "1e999999", "{\"model\":1}",
                "[".repeat(100_000), "{\"a\":".repeat(5_000),
                "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":-1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":99999999999999999999,\"messages\":[]}",
                "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":10,\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}",
                "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":null}]}",
                "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[null]}]}",
                "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{}]}]}",
                "{\"model\":\"\\u0000\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "\uFEFF{\"model\":\"claude-sonnet-4-6\"}",
                "{\"model\":\"claude-sonnet-4-6\",\"model\":\"again\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.integers().between(0, BASE.length() - 1).map(at -> {
            byte[] base = BASE.getBytes(StandardCharsets.UTF_8);
            base[at] = (byte) 0xC3;
            return base;
        });
        return Arbitraries.oneOf(anyJson, truncated, bytes, fixed, invalidUtf8);
    }

    private static JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.set(name, randomValue(random, 2));
                case 1 -> object.remove(name);
                default -> object.set(randomName(random), randomValue(random, 2));
            }
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.set(index, randomValue(random, 2));
                case 1 -> array.remove(index);
                default -> array.add(array.get(index).deepCopy());
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), into);
            }
        }
    }

    private static String randomName(Random random) {
        String[] names = {"type", "text", "content", "role", "id", "name", "input", "source", "tool_use_id",
                "cache_control", "signature", "thinking", "budget_tokens", "model", "max_tokens", "x"};
        return names[random.nextInt(names.length)];
    }

    private static JsonNode randomValue(Random random, int depth) {
        var f = JsonNodeFactory.instance;
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt(7) - 3);
            case 3 -> f.numberNode(random.nextDouble() * 1e12);
            case 4 -> f.textNode(new String[] {"", "text", "user", "assistant", "tool_use", "image", "\u0000",
                    "😀", "x".repeat(300)}[random.nextInt(9)]);
            case 5 -> f.numberNode(Long.MAX_VALUE);
            case 6 -> {
                ArrayNode array = f.arrayNode();
                for (int i = 0, n = random.nextInt(3); i < n; i++) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    object.set(randomName(random), randomValue(random, depth - 1));
                }
                yield object;
            }
        };
    }

    // ---- properties ------------------------------------------------------------------------

    @Property(tries = 300)
    void mutatedRequestsGetAnAnswerOrAClearClientError(@ForAll("mutatedRequests") byte[] body,
                                                       @ForAll("route") String route) {
        checkReply(body, route + "/v1/messages");
    }

    @Property(tries = 300)
    void adversarialBodiesGetAClearClientError(@ForAll("adversarialBodies") byte[] body,
                                               @ForAll("route") String route, @ForAll boolean countTokens) {
        checkReply(body, route + (countTokens ? "/v1/messages/count_tokens" : "/v1/messages"));
    }

    @Provide
    Arbitrary<String> route() {
        return Arbitraries.of(0, 1, 2).map(i -> routes.get(i));
    }

    private static void checkReply(byte[] body, String path) {
        String token = path.startsWith(Route.PINNED_PREFIX) ? gateway.registry.targets().stream()
                .filter(t -> path.contains(t.routeKey())).findFirst().orElseThrow().token()
                : gateway.registry.installToken();
        var request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("no reply from the gateway", e);
        }
        int status = response.statusCode();
        String reply = response.body();
        Statistics.label("status").collect(status);
        assertThat(status).as("status for %s; reply %s", path, reply).isIn(200, 400, 404, 413);
        if (status == 200) {
            if (reply.startsWith("event:")) {
                assertThat(SseText.parse(reply).getLast().event()).as(reply).isEqualTo("message_stop");
            } else {
                assertThat(Json.parseOrNull(reply)).as(reply).isNotNull();
            }
            return;
        }
        JsonNode error = Json.parseOrNull(reply);
        assertThat(error).as(reply).isNotNull();
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isIn(CLIENT_ERROR_TYPES);
        String message = error.at("/error/message").asText();
        assertThat(message).as(reply).isNotBlank().hasSizeLessThan(600)
                .doesNotContain("Exception", "java.", "dev.ccbridge", "com.fasterxml", "\tat ", "`");
    }
}
