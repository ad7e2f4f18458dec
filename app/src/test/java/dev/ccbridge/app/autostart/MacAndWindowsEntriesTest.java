package dev.ccbridge.app.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The login entries of the platforms these tests cannot log in to, checked as their readers see
 * them: the LaunchAgent as a property list (XML), the Run key's value as Windows splits a command line.
 */
class MacAndWindowsEntriesTest {
    @TempDir
    Path dir;

    @Test
    void theLaunchAgentRunsTheCommandAtLoad() throws Exception {
        var agent = new MacLaunchAgent(dir.resolve("LaunchAgents"));
        assertThat(agent.enabled()).isFalse();
        agent.enable(new LaunchCommand(List.of("/Applications/ccbridge.app/Contents/MacOS/ccbridge", "--config",
                "/Users/a & b/<cfg>.json")));

        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element dict = (Element) factory.newDocumentBuilder().parse(agent.file().toFile())
                .getElementsByTagName("dict").item(0);
        NodeList keys = dict.getElementsByTagName("key");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.getLength(); i++) {
            names.add(keys.item(i).getTextContent());
        }
        assertThat(names).containsExactly("Label", "ProgramArguments", "RunAtLoad", "ProcessType");
        NodeList arguments = ((Element) dict.getElementsByTagName("array").item(0)).getElementsByTagName("string");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < arguments.getLength(); i++) {
            values.add(arguments.item(i).getTextContent());
        }
        assertThat(values).containsExactly("/Applications/ccbridge.app/Contents/MacOS/ccbridge", "--config",
                "/Users/a & b/<cfg>.json");

        agent.disable();
        assertThat(agent.enabled()).isFalse();
    }

    @Test
    void theRunKeyValueQuotesEachArgumentAsWindowsSplitsThem() {
        String line = WindowsRunKey.commandLine(new LaunchCommand(List.of(
                "C:\\Users\\A B\\AppData\\Local\\ccbridge\\ccbridge.exe", "--config", "C:\\cfg dir\\", "say \"hi\"")));
        assertThat(line).isEqualTo("\"C:\\Users\\A B\\AppData\\Local\\ccbridge\\ccbridge.exe\" \"--config\" "
                + "\"C:\\cfg dir\\\\\" \"say \\\"hi\\\"\"");
    }
}
