package dev.ccbridge.core.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every finished request to a JSONL file ({@link RequestJsonl}), readable by its owner
 * only (it holds conversations). A refusal repeated in a flood appends again only at its 2nd,
 * 4th, 8th, ... time (the same id, a higher count). A {@link RequestLog} listener; the redactor
 * is asked for at each line, so keys added while running are scrubbed too.
 */
public final class RequestLogFile implements Consumer<RequestRecord>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLogFile.class);

    private final Writer out;
    private final Supplier<Redactor> redactor;

    public RequestLogFile(Path file, Supplier<Redactor> redactor) {
        this.redactor = redactor;
        try {
            OwnerOnly.file(file);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the request log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void accept(RequestRecord record) {
        if (record.inFlight() || record.rejection().filter(r -> !r.reportable()).isPresent()) {
            return;
        }
        try {
            out.write(new RequestJsonl(redactor.get()).line(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            LOG.warn("could not append to the request log: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
