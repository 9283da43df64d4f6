package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What identifies a source file between a run and its resumption: its absolute path, size in bytes and last
 * modification time in milliseconds. A resumed run re-plans the same chunks only from an unchanged source.
 *
 * @param path the absolute path, never null
 * @param size bytes
 * @param modified milliseconds since the epoch
 */
record SourceFingerprint(String path, long size, long modified) {

    /** The fingerprint of a file now. */
    static SourceFingerprint of(Path file) {
        try {
            return new SourceFingerprint(file.toAbsolutePath().normalize().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            throw new DbferryException(ErrorCode.SOURCE_NOT_FOUND, "cannot read the size and time of " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
