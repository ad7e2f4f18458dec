package dev.ccbridge.core.env;

import java.util.Locale;

/** The shells ccbridge writes environment snippets for. */
public enum Shell {
    BASH("bash / zsh"), FISH("fish"), POWERSHELL("PowerShell"), CMD("cmd");

    private final String label;

    Shell(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Shell parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT).strip()) {
            case "bash", "zsh", "sh", "bash/zsh", "posix" -> BASH;
            case "fish" -> FISH;
            case "powershell", "pwsh", "ps" -> POWERSHELL;
            case "cmd", "bat", "batch" -> CMD;
            default -> throw new IllegalArgumentException("unknown shell '" + name
                    + "'; use bash, zsh, fish, powershell or cmd");
        };
    }
}
