package io.dbferry.transfer.reject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.transform.StrictUtf8;
import io.dbferry.transfer.transform.TransformResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rejects to {@code DIRECTORY/<table>.jsonl}, one JSON object a line: {@code table}, {@code primaryKey}
 * (an object, column → value), {@code column}, {@code value}, {@code reason}, {@code message}. Integers and
 * reals are JSON numbers (a non-finite real a string), text a JSON string, and bytes a JSON string when they
 * are valid UTF-8, else {@code {"base64": "…"}}. The directory is created with the first reject; lines are
 * flushed before {@link #write} returns. Thread-safe: writers of several tables call it at once.
 */
public final class RejectFiles implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path directory;
    private final boolean append;
    private final Map<String, OutputStream> files = new HashMap<>();

    /**
     * Prepares the reject files of a new run in a directory, which is not created yet: a table's file left by
     * an earlier run is replaced when this run writes its first reject for that table.
     *
     * @param directory where the files go, never null
     */
    public RejectFiles(Path directory) {
        this(directory, false);
    }

    /**
     * Prepares the reject files in a directory, which is not created yet.
     *
     * @param directory where the files go, never null
     * @param append true to add to the files an earlier run left ({@code --resume} continues that run), false
     *     to replace them, so a file never mixes the rejects of two runs
     */
    public RejectFiles(Path directory, boolean append) {
        this.directory = directory;
        this.append = append;
    }

    /**
     * The file of a table's rejects, whether or not it exists.
     *
     * @param table the source table's name, never null
     * @return never null
     */
    public Path file(String table) {
        return directory.resolve(fileName(table));
    }

    /**
     * Appends rejects of one table to its file.
     *
     * @param rejects the rejects, never null, possibly empty
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when the file cannot be written
     */
    public synchronized void write(List<Reject> rejects) {
        for (Reject reject : rejects) {
            writeLine(reject.table(), line(reject));
        }
    }

    /**
     * Appends lines made by {@link #line} to a table's file, e.g. those a resumed run's checkpoints hold.
     *
     * @param table the source table's name, never null
     * @param lines the lines, each ending in a newline, never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when the file cannot be written
     */
    public synchronized void writeLines(String table, List<String> lines) {
        lines.forEach(line -> writeLine(table, line));
    }

    private void writeLine(String table, String line) {
        try {
            OutputStream out = open(table);
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "cannot write the reject file "
                    + file(table) + ": " + e.getMessage() + "; choose another directory with --rejects", e);
        }
    }

    /**
     * Closes every file.
     *
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when a file cannot be closed
     */
    @Override
    public synchronized void close() {
        for (Map.Entry<String, OutputStream> file : files.entrySet()) {
            try {
                file.getValue().close();
            } catch (IOException e) {
                throw new DbferryException(ErrorCode.LOAD_FAILED, "cannot close the reject file "
                        + file(file.getKey()) + ": " + e.getMessage(), e);
            }
        }
        files.clear();
    }

    private OutputStream open(String table) throws IOException {
        OutputStream out = files.get(table);
        if (out == null) {
            Files.createDirectories(directory);
            out = Files.newOutputStream(file(table), StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            files.put(table, out);
        }
        return out;
    }

    /**
     * One reject as its JSON line, ending in a newline.
     *
     * @param reject never null
     * @return never null
     */
    public static String line(Reject reject) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("table", reject.table());
            json.writeObjectFieldStart("primaryKey");
            for (Map.Entry<String, Object> key : reject.primaryKey().entrySet()) {
                json.writeFieldName(key.getKey());
                value(json, key.getValue());
            }
            json.writeEndObject();
            json.writeStringField("column", reject.column());
            json.writeFieldName("value");
            value(json, reject.value());
            json.writeStringField("reason", reject.reason().name());
            json.writeStringField("message", reject.message());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return text.append('\n').toString();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Long l -> json.writeNumber(l);
            case Double d when Double.isFinite(d) -> json.writeNumber(d);
            case byte[] b -> bytes(json, b);
            default -> json.writeString(value.toString());
        }
    }

    private static void bytes(JsonGenerator json, byte[] bytes) throws IOException {
        if (StrictUtf8.decode(bytes) instanceof TransformResult.Converted c) {
            json.writeString((String) c.value());
            return;
        }
        json.writeStartObject();
        json.writeStringField("base64", Base64.getEncoder().encodeToString(bytes));
        json.writeEndObject();
    }

    /** The table's name with path separators, NUL and other control characters replaced by {@code _}. */
    private static String fileName(String table) {
        return table.replaceAll("[/\\\\\\x00-\\x1f]", "_") + ".jsonl";
    }
}
