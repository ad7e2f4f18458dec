package dev.ccbridge.core.translate.responses;

import dev.ccbridge.core.protocol.openai.responses.InputContent;
import dev.ccbridge.core.protocol.openai.responses.InputItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Responses API rejects a {@code function_call} without a {@code function_call_output} and an
 * output without its call. Claude Code's history does not always oblige: a call the user
 * interrupted has no result, and parallel results come back in completion order. This puts the
 * outputs right after the assistant turn that made the calls, in call order, answers unanswered
 * calls with a short note, and turns stray outputs into user text.
 */
final class FunctionCallPairing {
    static final String NO_RESULT = "(no result: the tool call was interrupted)";

    private FunctionCallPairing() {}

    static List<InputItem> repair(List<InputItem> items) {
        List<InputItem> out = new ArrayList<>(items.size());
        int i = 0;
        while (i < items.size()) {
            if (items.get(i) instanceof InputItem.FunctionCallOutput stray) {
                out.add(stray(stray));
                i++;
                continue;
            }
            if (!isAssistantItem(items.get(i))) {
                out.add(items.get(i++));
                continue;
            }
            // One assistant turn: its messages, reasoning and calls, then the outputs that answer it.
            List<InputItem.FunctionCall> calls = new ArrayList<>();
            while (i < items.size() && isAssistantItem(items.get(i))) {
                InputItem item = items.get(i++);
                out.add(item);
                if (item instanceof InputItem.FunctionCall call) {
                    calls.add(call);
                }
            }
            Map<String, InputItem.FunctionCallOutput> outputs = new LinkedHashMap<>();
            List<InputItem.FunctionCallOutput> strays = new ArrayList<>();
            while (i < items.size() && items.get(i) instanceof InputItem.FunctionCallOutput output) {
                i++;
                boolean called = calls.stream().anyMatch(c -> c.callId().equals(output.callId()));
                if (called && !outputs.containsKey(output.callId())) {
                    outputs.put(output.callId(), output);
                } else {
                    strays.add(output);
                }
            }
            for (InputItem.FunctionCall call : calls) {
                InputItem.FunctionCallOutput output = outputs.get(call.callId());
                out.add(output != null ? output : new InputItem.FunctionCallOutput(call.callId(), NO_RESULT));
            }
            strays.forEach(s -> out.add(stray(s)));
        }
        return out;
    }

    private static boolean isAssistantItem(InputItem item) {
        return switch (item) {
            case InputItem.FunctionCall ignored -> true;
            case InputItem.Reasoning ignored -> true;
            case InputItem.Message message -> "assistant".equals(message.role());
            case InputItem.FunctionCallOutput ignored -> false;
        };
    }

    private static InputItem stray(InputItem.FunctionCallOutput output) {
        return InputItem.Message.user(List.of(new InputContent.InputText(
                "[result of tool call " + output.callId() + "]\n" + output.output())));
    }
}
