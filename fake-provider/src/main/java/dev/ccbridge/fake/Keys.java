package dev.ccbridge.fake;

import dev.ccbridge.fake.rules.Errors;

/** The API key check, and how each protocol's best-known provider refuses a wrong key. */
final class Keys {
    private Keys() {}

    static boolean carries(Received request, String key) {
        return ("Bearer " + key).equals(request.header("authorization")) || key.equals(request.header("x-api-key"));
    }

    static Reply refusal(Dialect dialect) {
        return switch (dialect) {
            case CHAT, RESPONSES -> Reply.json(401, """
                    {"error":{"message":"Incorrect API key provided. You can find your API key at \
                    https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,\
                    "code":"invalid_api_key"}}""");
            case ANTHROPIC -> Reply.json(401, """
                    {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""");
            case BEDROCK -> Errors.bedrock(403, "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        };
    }
}
