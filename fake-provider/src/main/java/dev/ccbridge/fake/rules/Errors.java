package dev.ccbridge.fake.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Reply;

/** Error bodies exactly as each provider writes them (shapes from their docs and their users' reports). */
public final class Errors {
    private Errors() {}

    /** OpenAI: {@code {"error":{"message","type","param","code"}}}; DeepSeek, Qwen and vLLM's OpenAI mode copy it. */
    public static Reply openai(int status, String message, String param, String code) {
        ObjectNode error = Jsons.object().put("message", message).put("type", "invalid_request_error");
        putOrNull(error, "param", param);
        putOrNull(error, "code", code);
        return Reply.json(status, Jsons.write(Jsons.object().set("error", error)));
    }

    /** Groq and Kimi: {@code {"error":{"message","type"[,"param"]}}}. */
    public static Reply brief(String message, String param) {
        ObjectNode error = Jsons.object().put("message", message).put("type", "invalid_request_error");
        if (param != null) {
            error.put("param", param);
        }
        return Reply.json(400, Jsons.write(Jsons.object().set("error", error)));
    }

    /** Qwen (DashScope, compatible mode): OpenAI's shape with DashScope's code, id and request id. */
    public static Reply dashscope(String message) {
        ObjectNode body = Jsons.object();
        body.putObject("error").put("message", message).put("type", "invalid_request_error").putNull("param")
                .put("code", "invalid_parameter_error");
        body.put("id", "chatcmpl-fake").put("request_id", "00000000-fake-request");
        return Reply.json(400, Jsons.write(body));
    }

    /** Gemini's OpenAI-compatible endpoint: a JSON array around Google's error. */
    public static Reply gemini(String message) {
        ObjectNode error = Jsons.object();
        error.putObject("error").put("code", 400).put("message", message).put("status", "INVALID_ARGUMENT");
        return Reply.json(400, Jsons.write(Jsons.array().add(error)));
    }

    /** Mistral: {@code {"object":"error","message","type","param","code"}}. */
    public static Reply mistral(String message, String type, String code) {
        ObjectNode body = Jsons.object().put("object", "error").put("message", message).put("type", type);
        body.putNull("param");
        putOrNull(body, "code", code);
        return Reply.json(400, Jsons.write(body));
    }

    /** vLLM: {@code {"object":"error","message","type":"BadRequestError","param","code":400}}. */
    public static Reply vllm(String message, String param) {
        ObjectNode body = Jsons.object().put("object", "error").put("message", message).put("type", "BadRequestError");
        putOrNull(body, "param", param);
        body.put("code", 400);
        return Reply.json(400, Jsons.write(body));
    }

    /** OpenRouter: its envelope, with the provider's own error as {@code metadata.raw}. */
    public static Reply openrouter(String raw, String providerName) {
        ObjectNode body = Jsons.object();
        ObjectNode error = body.putObject("error").put("message", "Provider returned error").put("code", 400);
        error.putObject("metadata").put("raw", raw).put("provider_name", providerName);
        body.put("user_id", "user_fake");
        return Reply.json(400, Jsons.write(body));
    }

    /** Anthropic and the gateways that copy it: {@code {"type":"error","error":{"type","message"}}}. */
    public static Reply anthropic(int status, String type, String message) {
        ObjectNode body = Jsons.object().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", "req_fake");
        return Reply.json(status, Jsons.write(body));
    }

    public static Reply anthropic(String message) {
        return anthropic(400, "invalid_request_error", message);
    }

    /** The request id the fake Bedrock names in every answer ({@code x-amzn-RequestId}, set by the profile). */
    public static final String BEDROCK_REQUEST_ID = "fake-req-0001";

    /** Bedrock: {@code {"message"}} with the exception's name in {@code x-amzn-ErrorType}. */
    public static Reply bedrock(int status, String exception, String message) {
        return bedrockBody(status, exception, Jsons.write(Jsons.object().put("message", message)));
    }

    /** Bedrock's error with this body as it is (null exception: a plain answer with Bedrock's headers). */
    public static Reply bedrockBody(int status, String exception, String body) {
        Reply reply = Reply.json(status, body);
        return exception == null ? reply : reply.withHeader("x-amzn-ErrorType",
                exception + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
    }

    public static Reply bedrockValidation(String message) {
        return bedrock(400, "ValidationException", message);
    }

    private static void putOrNull(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
