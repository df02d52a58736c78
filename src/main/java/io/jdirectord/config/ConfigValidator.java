package io.jdirectord.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks across virtual services and on the file itself. */
final class ConfigValidator {

    private static final List<String> CREDENTIALS = List.of("login", "passwd", "secret");

    private final Diagnostics diagnostics;

    ConfigValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void duplicates(List<VirtualService> services) {
        Map<VirtualServiceKey, Integer> first = new HashMap<>();
        for (VirtualService service : services) {
            Integer line = first.putIfAbsent(service.key(), service.line());
            if (line != null) {
                diagnostics.error(service.line(), "duplicate virtual service " + service.key().id()
                        + " (also at line " + line + ")");
            }
        }
    }

    /** Credentials in a file that group or others can read: recommend mode 0600. */
    void credentials(Path file, List<VirtualDraft> virtuals) {
        int line = Integer.MAX_VALUE;
        String name = null;
        for (VirtualDraft v : virtuals) {
            for (String credential : CREDENTIALS) {
                Integer at = v.lines.get(credential);
                if (at != null && at < line) {
                    line = at;
                    name = credential;
                }
            }
        }
        if (name != null && readableByOthers(file)) {
            diagnostics.warn(line, "the file holds credentials (" + name + ") and can be read by group or others;"
                    + " chmod 0600 is recommended");
        }
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
