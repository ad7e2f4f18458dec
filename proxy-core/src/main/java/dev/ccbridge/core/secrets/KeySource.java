package dev.ccbridge.core.secrets;

/** Where a target's API key was found, in the order {@link KeyResolver} looks. */
public sealed interface KeySource {
    /** Words for a list or a message, e.g. "OS keychain" or "$OPENAI_API_KEY". */
    String describe();

    /** The writable store: the OS keychain (or, in an app without one, memory). */
    record Store(String name) implements KeySource {
        @Override
        public String describe() {
            return name;
        }
    }

    /** The environment variable the target names ({@code apiKeyEnv}). */
    record TargetVariable(String name) implements KeySource {
        @Override
        public String describe() {
            return "$" + name;
        }
    }

    /** ccbridge's own variable for the target, {@code CCBRIDGE_KEY_<ID>}. */
    record CcbridgeVariable(String name) implements KeySource {
        @Override
        public String describe() {
            return "$" + name;
        }
    }
}
