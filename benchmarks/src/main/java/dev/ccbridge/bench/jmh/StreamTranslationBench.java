package dev.ccbridge.bench.jmh;

import dev.ccbridge.bench.BenchTargets;
import dev.ccbridge.bench.UpstreamChunks;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.sse.SseWriter;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.translate.bedrock.ConverseStreamTranslator;
import dev.ccbridge.core.translate.chat.ChatStreamTranslator;
import dev.ccbridge.core.stream.MessageAccumulator;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.translate.StreamTranslator;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.responses.ResponsesStreamTranslator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

/**
 * The answer side, per upstream chunk: one whole streamed answer of {@value UpstreamChunks#TEXT_CHUNKS}
 * text chunks (plus its opening and closing events) per invocation, from the upstream's bytes
 * (SSE modes; Bedrock: the SDK's decoded event objects) to the SSE frames Claude Code gets. The
 * sink does what the gateway's streaming sink does apart from the socket write: fold each event
 * for the request log and encode its frame. Passthrough relays the bytes and watches them for the
 * end of the message, as the passthrough upstream does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class StreamTranslationBench {
    @Param({"chat_completions", "codex_responses", "anthropic_messages", "bedrock_converse"})
    public String mode;

    private List<byte[]> sseChunks;
    private List<ConverseStreamOutput> converseEvents;
    private ResolvedModel model;

    @Setup
    public void setUp() {
        model = BenchTargets.model(BenchTargets.target(ApiMode.fromWire(mode), "http://127.0.0.1:9/v1"));
        switch (mode) {
            case "chat_completions" -> sseChunks = UpstreamChunks.chatSse();
            case "codex_responses" -> sseChunks = UpstreamChunks.responsesSse();
            case "anthropic_messages" -> sseChunks = UpstreamChunks.anthropicSse();
            case "bedrock_converse" -> converseEvents = UpstreamChunks.converseEvents();
            default -> throw new IllegalArgumentException(mode);
        }
    }

    @Benchmark
    @OperationsPerInvocation(UpstreamChunks.TEXT_CHUNKS)
    public void perChunk(Blackhole blackhole) {
        var sink = new FramingSink(blackhole);
        var out = new EventSequencer("msg_bench", "claude-sonnet-4-6", 12_000);
        switch (mode) {
            case "chat_completions" -> pump(new ChatStreamTranslator(out, ToolNames.of(List.of()), model), out, sink);
            case "codex_responses" -> pump(new ResponsesStreamTranslator(out, ToolNames.of(List.of()), model),
                    out, sink);
            case "anthropic_messages" -> relay(blackhole);
            case "bedrock_converse" -> {
                var translator = new ConverseStreamTranslator(out, ToolNames.of(List.of()));
                for (ConverseStreamOutput event : converseEvents) {
                    translator.onEvent(event);
                    sink.send(out.drain());
                }
                translator.onEnd();
                sink.send(out.drain());
            }
            default -> throw new IllegalStateException(mode);
        }
    }

    /** As the exchange does: each upstream read parsed and translated, its events drained and framed. */
    private void pump(StreamTranslator translator, EventSequencer out, FramingSink sink) {
        var parser = new SseParser(translator::onEvent);
        for (byte[] chunk : sseChunks) {
            parser.feed(chunk, 0, chunk.length);
            sink.send(out.drain());
        }
        parser.finish();
        translator.onEnd();
        sink.send(out.drain());
    }

    /** Passthrough: every read is copied out and fed to a parser watching for the end of the message. */
    private void relay(Blackhole blackhole) {
        boolean[] ended = new boolean[1];
        var parser = new SseParser(event -> {
            if ("message_stop".equals(event.event()) || "error".equals(event.event())) {
                ended[0] = true;
            }
        });
        for (byte[] chunk : sseChunks) {
            blackhole.consume(java.util.Arrays.copyOf(chunk, chunk.length));
            parser.feed(chunk, 0, chunk.length);
        }
        blackhole.consume(ended[0]);
    }

    /** What the streaming sink does with each event, without the socket. */
    private static final class FramingSink {
        private final Blackhole blackhole;
        private final MessageAccumulator answer = new MessageAccumulator();

        FramingSink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        void send(List<StreamEvent> events) {
            for (StreamEvent event : events) {
                answer.accept(event);
                blackhole.consume(SseWriter.frame(event));
            }
        }
    }
}
