package dev.ccbridge.app.targets;

import dev.ccbridge.core.client.GatewayClient;

/** "Test connection" results in plain words, with what to check next. */
public final class ConnectionReport {
    /** What the editor shows under the form. */
    public record Report(boolean ok, String text) {}

    private ConnectionReport() {}

    /**
     * The result in words; when it failed and the target has no key, that comes first: the
     * provider's answer (often "unreachable" or a gateway error) would send the user elsewhere.
     */
    public static Report describe(GatewayClient.Check result, boolean keyMissing) {
        if (result.ok() || !keyMissing) {
            return new Report(result.ok(), describe(result));
        }
        return new Report(false, "This target has no API key: paste one under API key and save (or set the key"
                + " variable), then test again. What came back: " + describe(result));
    }

    public static String describe(GatewayClient.Check result) {
        if (result.ok()) {
            String answer = result.answer() == null || result.answer().isBlank() ? "(an empty answer)"
                    : "\u201c" + shorten(result.answer().strip()) + "\u201d";
            return "Connected in " + result.millis() + " ms. The model answered: " + answer;
        }
        String what = switch (result.status()) {
            case 0 -> "No answer";
            case 400 -> "The provider rejected the request";
            case 401, 403 -> "The provider refused the key";
            case 404 -> "Not found";
            case 408, 504 -> "The provider timed out";
            case 429 -> "Rate limited or out of credit";
            case 501 -> "This API mode is not available in this version of ccbridge";
            case 502, 503, 529 -> "The provider could not be reached or is overloaded";
            default -> result.status() >= 500 ? "The provider failed" : "The request failed";
        };
        String hint = switch (result.status()) {
            case 401, 403 -> " Check the API key.";
            case 404 -> " Check the base URL and the model name.";
            case 400 -> " Check the model name and the API mode.";
            case 0, 502, 503 -> " Check the base URL and your network.";
            default -> "";
        };
        String status = result.status() == 0 ? "" : " (HTTP " + result.status() + ")";
        return what + status + " after " + result.millis() + " ms: " + shorten(String.valueOf(result.answer()))
                + "." + hint;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.endsWith(".")) {
            oneLine = oneLine.substring(0, oneLine.length() - 1);
        }
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "\u2026" : oneLine;
    }
}
