package dev.ccbridge.core.upstream.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.upstream.UpstreamErrors;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Maps what the AWS SDK throws (a Bedrock exception from the HTTP status or an in-stream
 * exception frame, or a client-side failure such as missing credentials) to the Anthropic error
 * Claude Code acts on. The AWS request id goes into the message, for support cases.
 */
final class BedrockErrors {
    /** Error codes of a request AWS could not authenticate (as opposed to one it refused). */
    private static final Set<String> NOT_AUTHENTICATED = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "IncompleteSignatureException", "MissingAuthenticationTokenException",
            "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch");

    static final String CREDENTIAL_OPTIONS = "Give ccbridge AWS credentials in one of these ways: "
            + "the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN); "
            + "a profile in ~/.aws/credentials or ~/.aws/config (the target's option profile, or AWS_PROFILE); "
            + "an SSO login (aws sso login --profile NAME); "
            + "or a Bedrock API key stored for this target in the keychain (or in AWS_BEARER_TOKEN_BEDROCK).";

    private static final int MAX_REASON = 300;

    private final UpstreamErrors errors;
    private final String target;
    private final Redactor redactor;

    BedrockErrors(UpstreamErrors errors) {
        this.errors = errors;
        this.target = errors.target();
        this.redactor = errors.redactor();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    ApiError map(Throwable failure) {
        return switch (unwrap(failure)) {
            case AwsServiceException service -> service(service);
            case SdkClientException client -> client(client);
            case Throwable other -> unreachable(other);
        };
    }

    /** Whether a failure means the credentials could not be loaded or were not accepted. */
    static boolean isCredentialProblem(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof AwsServiceException service) {
            return service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                    && NOT_AUTHENTICATED.contains(service.awsErrorDetails().errorCode());
        }
        return t instanceof SdkClientException client && mentionsCredentials(client);
    }

    private ApiError service(AwsServiceException e) {
        String message = redactor.redact(messageOf(e));
        String id = e.requestId() == null || e.requestId().isBlank() ? "" : " (AWS request id " + e.requestId() + ")";
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        ApiError error = switch (e) {
            case ValidationException v when UpstreamErrors.isContextOverflow(message.toLowerCase(Locale.ROOT)) ->
                    ApiError.invalidRequest(errors.promptTooLong(message));
            case ValidationException v -> ApiError.invalidRequest(target + ": " + message + id);
            case ThrottlingException t -> retryAfter(ApiError.rateLimited(target + " is throttling requests: "
                    + message + id), e);
            case ServiceQuotaExceededException q -> ApiError.rateLimited(target + ": an AWS service quota was reached: "
                    + message + id).notRetryable();
            case AccessDeniedException a -> ApiError.permission(target + ": access denied: " + message
                    + " (the identity needs bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream on this "
                    + "model or inference profile, and the model must be enabled in this region)" + id);
            case ResourceNotFoundException n -> ApiError.notFound(target + ": not found (check the model id, "
                    + "inference profile and region): " + message + id);
            case ModelTimeoutException t -> ApiError.api(504, target + ": the model timed out: " + message + id);
            case ModelNotReadyException r -> retryAfter(ApiError.overloaded(target + ": the model is not ready: "
                    + message + id), e);
            case ServiceUnavailableException u -> retryAfter(ApiError.overloaded(target + " is unavailable: "
                    + message + id), e);
            case ModelErrorException m -> ApiError.api(500, target + ": the model failed: " + message + id);
            case ModelStreamErrorException m -> ApiError.api(500, target + ": the model failed mid-answer: "
                    + message + id);
            case InternalServerException i -> ApiError.api(500, target + " failed: " + message + id);
            default -> byStatus(e, code, message, id);
        };
        return error.withProviderError(detail(e, code, message));
    }

    private ApiError byStatus(AwsServiceException e, String code, String message, String id) {
        if (code != null && NOT_AUTHENTICATED.contains(code) || e.statusCode() == 401) {
            return ApiError.authentication(target + " rejected the credentials: " + message + id
                    + ". " + CREDENTIAL_OPTIONS).notRetryable();
        }
        return switch (e.statusCode()) {
            case 403 -> ApiError.permission(target + ": access denied: " + message + id);
            case 404 -> ApiError.notFound(target + ": not found: " + message + id);
            case 429 -> retryAfter(ApiError.rateLimited(target + " is throttling requests: " + message + id), e);
            case 503, 529 -> ApiError.overloaded(target + " is unavailable: " + message + id);
            default -> ApiError.api(500, target + " failed (" + (code == null ? e.statusCode() : code) + "): "
                    + message + id);
        };
    }

    private ApiError client(SdkClientException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return ApiError.silent(target + " did not answer in time");
        }
        if (mentionsCredentials(e)) {
            // The SDK lists every source it tried; the start says enough.
            String reason = firstLine(e.getMessage());
            if (reason.length() > MAX_REASON) {
                reason = reason.substring(0, MAX_REASON) + "...";
            }
            return ApiError.authentication(target + ": no usable AWS credentials (" + redactor.redact(reason) + "). "
                    + CREDENTIAL_OPTIONS).notRetryable();
        }
        return unreachable(e);
    }

    /** A connection-level failure (the SDK passes some on unwrapped): why the endpoint could not be reached. */
    private ApiError unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String reason = switch (t) {
                case ConnectException c -> "connection refused";
                case UnknownHostException u -> "unknown host";
                case UnresolvedAddressException u -> "unknown host";
                case SSLException s -> "TLS handshake failed (" + redactor.redact(s.getMessage()) + ")";
                default -> null;
            };
            if (reason != null) {
                return ApiError.unreachable(502, "could not reach " + target + ": " + reason);
            }
        }
        // Only trouble with the connection itself is worth a quick retry; an unreadable answer is not.
        ApiError failed = ApiError.api(502, target + " failed: " + redactor.redact(describe(e)));
        return connectionTrouble(e) ? failed.withOrigin(ApiError.Origin.UNREACHABLE) : failed;
    }

    private static boolean connectionTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsCredentials(SdkClientException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return text.contains("credential") || text.contains("sso") || text.contains("profile")
                || text.contains("token") || text.contains("access key");
    }

    private static ApiError retryAfter(ApiError error, AwsServiceException e) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
            return error;
        }
        return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("retry-after")
                .map(value -> error.withHeader("retry-after", value)).orElse(error);
    }

    private static String messageOf(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if ((message == null || message.isBlank()) && e.awsErrorDetails() != null
                && e.awsErrorDetails().rawResponse() != null) {
            // Not an AWS error body (a proxy's page, plain text): its gist, as for the HTTP modes.
            String raw = e.awsErrorDetails().rawResponse().asUtf8String();
            message = raw.isBlank() ? null : UpstreamErrors.messageOf(null, raw);
        }
        if (message == null || message.isBlank()) {
            message = "no details given (HTTP " + e.statusCode() + ")";
        }
        return UpstreamErrors.truncate(message == null ? "no details given" : message.strip());
    }

    private ObjectNode detail(AwsServiceException e, String code, String message) {
        ObjectNode detail = Json.object();
        detail.put("status", e.statusCode());
        if (code != null) {
            detail.put("error_code", code);
        }
        detail.put("message", message);
        if (e.requestId() != null) {
            detail.put("request_id", e.requestId());
        }
        return detail;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return UpstreamErrors.truncate(newline < 0 ? text : text.substring(0, newline));
    }
}
