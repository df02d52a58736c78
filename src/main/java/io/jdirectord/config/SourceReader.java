package io.jdirectord.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a configuration file into lines: UTF-8 (invalid bytes replaced, with a warning), split at LF, a
 * trailing CR removed (one warning per file; ldirectord would keep it in the value).
 */
final class SourceReader {

    /** Largest file read, in bytes; a configuration is a few kilobytes. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Diagnostics diagnostics;

    SourceReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    List<String> lines(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            diagnostics.error(0, "file is too large (" + size + " bytes, at most " + MAX_BYTES + ")");
            return List.of();
        }
        return split(decode(Files.readAllBytes(file)));
    }

    private String decode(byte[] bytes) {
        try {
            return decoder(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            diagnostics.warn(0, "file is not valid UTF-8; invalid bytes were replaced");
            try {
                return decoder(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
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
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
                if (!crReported) {
                    diagnostics.warn(lines.size() + 1, "line ends in CR LF (DOS line ends); the CRs are ignored"
                            + " (ldirectord keeps them and then rejects yes/no values)");
                    crReported = true;
                }
            }
            lines.add(line);
            start = end < 0 ? text.length() : end + 1;
        }
        return lines;
    }
}
