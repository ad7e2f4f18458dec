package dev.ccbridge.core.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Tool-call ids: what Claude Code sees is legal for Anthropic, and each upstream gets back the id it wrote. */
class ToolIdsTest {
    @Test
    void kimisIdsReachClaudeCodeLegalAndGoBackAsKimiWroteThem() {
        String kimi = "functions.Bash:1";
        String seen = ToolIds.toAnthropic(kimi);
        assertThat(seen).matches("[A-Za-z0-9_-]+");
        assertThat(ToolIds.toUpstream(seen)).isEqualTo(kimi);
        assertThat(ToolIds.toLegalUpstream(seen)).as("Bedrock takes only legal ids").isEqualTo(seen);
    }

    @Test
    void legalIdsPassUnchangedEverywhere() {
        for (String id : new String[] {"toolu_01ABCdef", "call_abc-123", "tooluse_XyZ"}) {
            assertThat(ToolIds.toAnthropic(id)).isEqualTo(id);
            assertThat(ToolIds.toUpstream(id)).isEqualTo(id);
            assertThat(ToolIds.toLegalUpstream(id)).isEqualTo(id);
        }
    }

    @Property
    void everyUpstreamIdRoundTrips(@ForAll String upstreamId) {
        if (upstreamId.isBlank() || upstreamId.length() > 40) {
            return;
        }
        String seen = ToolIds.toAnthropic(upstreamId);
        assertThat(seen).matches("[A-Za-z0-9_-]+");
        assertThat(ToolIds.original(seen)).isEqualTo(upstreamId);
    }
}
