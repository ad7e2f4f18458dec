package dev.ccbridge.core.translate.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolTurnsTest {
    private static List<Message> repaired(String messagesJson) throws Exception {
        var request = Json.WIRE.readValue("{\"model\":\"m\",\"messages\":" + messagesJson + "}", MessagesRequest.class);
        return ToolTurns.repair(request.messages());
    }

    private static List<String> resultIds(Message user) {
        return user.contentOrEmpty().stream().filter(b -> b instanceof ToolResultBlock)
                .map(b -> ((ToolResultBlock) b).toolUseId()).toList();
    }

    @Test
    void parallelResultsComeInCallOrderBeforeTheUsersText() throws Exception {
        List<Message> out = repaired("""
                [{"role":"user","content":"go"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"a","name":"X","input":{}},
                                                {"type":"tool_use","id":"b","name":"Y","input":{}}]},
                 {"role":"system","content":"<env/>"},
                 {"role":"user","content":[{"type":"text","text":"note"},
                   {"type":"tool_result","tool_use_id":"b","content":"B"},
                   {"type":"tool_result","tool_use_id":"a","content":"A"}]}]""");
        assertThat(out).extracting(Message::role).containsExactly("user", "assistant", "system", "user");
        assertThat(resultIds(out.get(3))).containsExactly("a", "b");
        ContentBlock last = out.get(3).content().getLast();
        assertThat(((TextBlock) last).text()).isEqualTo("note");
    }

    @Test
    void anInterruptedCallGetsANoteAndAStrayResultBecomesText() throws Exception {
        List<Message> out = repaired("""
                [{"role":"user","content":[{"type":"tool_result","tool_use_id":"old","content":"42"}]},
                 {"role":"assistant","content":[{"type":"tool_use","id":"a","name":"X","input":{}}]},
                 {"role":"assistant","content":"I was interrupted."},
                 {"role":"user","content":"continue"}]""");
        assertThat(out).extracting(Message::role).containsExactly("user", "assistant", "user", "assistant", "user");
        assertThat(((TextBlock) out.get(0).content().getFirst()).text()).contains("old").contains("42");
        ToolResultBlock stub = (ToolResultBlock) out.get(2).content().getFirst();
        assertThat(stub.toolUseId()).isEqualTo("a");
        assertThat(((TextBlock) stub.content().getFirst()).text()).isEqualTo(ToolTurns.NO_RESULT);
    }

    @Test
    void aHistoryWithoutToolsIsLeftAsItIs() throws Exception {
        List<Message> in = Json.WIRE.readValue("""
                {"model":"m","messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},
                 {"role":"user","content":"c"}]}""", MessagesRequest.class).messages();
        List<Message> out = ToolTurns.repair(in);
        assertThat(out).isEqualTo(in);
        assertThat(out.get(0)).isSameAs(in.get(0));
    }
}
