package io.jdirectord.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a configuration file into lines: a regular file of at most {@link Limits#MAX_FILE_BYTES} (a FIFO,
 * device or directory is refused before it is opened), UTF-8 (invalid bytes replaced, with a warning naming
 * the first line that has one; a leading byte-order mark dropped), split at LF, a trailing CR removed (one
 * warning per file; ldirectord would keep it in the value). A CR that ends no CR LF pair is an error: the
 * file has old Mac line ends, which ldirectord reads as one long line.
 */
final class SourceReader {

    private final Diagnostics diagnostics;

    SourceReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The lines; empty when the file cannot be read (the error is reported). */
    List<String> lines(Path file) throws IOException {
        return bytes(file).map(bytes -> split(decode(bytes))).orElse(List.of());
    }

    private Optional<byte[]> bytes(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return diagnostics.reject(
                        0,
                        attributes.isDirectory()
                                ? "is a directory, not a configuration file"
                                : "is not a regular file (a FIFO, device or socket); name the configuration file itself");
            }
            if (attributes.size() > Limits.MAX_FILE_BYTES) {
                return tooLarge(attributes.size());
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) Limits.MAX_FILE_BYTES + 1);
                return bytes.length > Limits.MAX_FILE_BYTES ? tooLarge(bytes.length) : Optional.of(bytes);
            }
        } catch (NoSuchFileException e) {
            return diagnostics.reject(0, "no such file");
        } catch (AccessDeniedException e) {
            return diagnostics.reject(0, "permission denied");
        }
    }

    private Optional<byte[]> tooLarge(long size) {
        return diagnostics.reject(
                0,
                "file is too large (" + (size > Limits.MAX_FILE_BYTES ? "more than " : "")
                        + Limits.MAX_FILE_BYTES + " bytes); a configuration of the largest size jdirectord accepts"
                        + " (see Limits in /usr/share/doc/jdirectord/configuration.md) is far smaller");
    }

    private String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (decoder(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(bytes.length), true)
                .isError()) {
            diagnostics.warn(
                    lineAt(bytes, in.position()),
                    "line is not valid UTF-8 (the first such line);" + " invalid bytes were replaced");
        }
        try {
            String text = decoder(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The 1-based line of byte {@code offset}. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    private static CharsetDecoder decoder(CodingErrorAction action) {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    private List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        boolean crReported = false;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (line.endsWith("\r") && end >= 0) {
                line = line.substring(0, line.length() - 1);
                if (!crReported) {
                    diagnostics.warn(
                            lines.size() + 1,
                            "line ends in CR LF (DOS line ends); the CRs are ignored"
                                    + " (ldirectord keeps them and then rejects yes/no values)");
                    crReported = true;
                }
            }
            if (line.indexOf('\r') >= 0) {
                diagnostics.error(
                        lines.size() + 1,
                        "line holds a CR that is not followed by LF: the file has old Mac"
                                + " (CR only) line ends, which ldirectord reads as one long line; convert them to LF"
                                + " (tr '\\r' '\\n')");
                return List.of();
            }
            lines.add(line);
            start = end < 0 ? text.length() : end + 1;
        }
        return lines;
    }
}
