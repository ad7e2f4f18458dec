package dev.ccbridge.app.autostart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** macOS: a LaunchAgent, {@code ~/Library/LaunchAgents/dev.ccbridge.app.plist}, run at login. */
public record MacLaunchAgent(Path directory) implements LoginFile {
    static final String LABEL = "dev.ccbridge.app";

    @Override
    public Path file() {
        return directory.resolve(LABEL + ".plist");
    }

    @Override
    public void enable(LaunchCommand command) throws IOException {
        String arguments = command.arguments().stream()
                .map(argument -> "    <string>" + xml(argument) + "</string>")
                .collect(Collectors.joining("\n"));
        LoginFile.write(file(), """
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

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
