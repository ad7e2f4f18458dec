package dev.ccbridge.app.autostart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** macOS: a LaunchAgent, {@code ~/Library/LaunchAgents/dev.ccbridge.app.plist}, run at login. */
public record MacLaunchAgent(Path directory) implements StartAtLogin {
    static final String LABEL = "dev.ccbridge.app";

    public Path file() {
        return directory.resolve(LABEL + ".plist");
    }

    @Override
    public boolean enabled() {
        return Files.isRegularFile(file());
    }

    @Override
    public void enable(LaunchCommand command) throws IOException {
        Files.createDirectories(directory);
        String arguments = command.arguments().stream()
                .map(argument -> "    <string>" + xml(argument) + "</string>")
                .collect(Collectors.joining("\n"));
        Files.writeString(file(), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                %s
                  </array>
                  <key>RunAtLoad</key>
                  <true/>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                </dict>
                </plist>
                """.formatted(LABEL, arguments));
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file());
    }

    @Override
    public String location() {
        return file().toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
