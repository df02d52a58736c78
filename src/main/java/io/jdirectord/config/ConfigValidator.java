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
                diagnostics.error(
                        service.line(),
                        "duplicate virtual service " + service.key().id() + " (also at line " + line + ")");
            }
        }
    }

    /**
     * Weight settings that fight a hashing scheduler (sh, mh), whose lookup table follows the weights:
     * slow start changes a real server's weight every second while it ramps, and each step remaps part of
     * the hash (clients move between servers); a quiesced real server (weight 0) keeps its share of the
     * hash, and the kernel drops the new connections that hash onto it unless the scheduler's fallback
     * flag (sh-fallback, mh-fallback) sends them elsewhere. Warnings at the directive's line, else the
     * virtual's (the setting was inherited).
     */
    void hashing(VirtualDraft draft, VirtualService service) {
        String scheduler = service.scheduler();
        if (!scheduler.equals("sh") && !scheduler.equals("mh")) {
            return;
        }
        if (service.shaping().slowStarts()) {
            diagnostics.warn(
                    draft.lineOf("slowstart"),
                    "slowstart with scheduler " + scheduler + ": every weight step while a real server ramps"
                            + " remaps part of the hash and moves clients between servers");
        }
        String flag = scheduler + "-fallback";
        boolean fallback = service.schedFlags()
                .map(flags -> List.of(flags.split(",")).contains(flag))
                .orElse(false);
        if (service.quiescent() && !fallback) {
            diagnostics.warn(
                    draft.lineOf("quiescent"),
                    "quiescent=yes with scheduler " + scheduler + " and without schedflags " + flag
                            + ": the kernel drops new connections that hash onto a quiesced (weight 0) real server");
        }
    }

    /**
     * Credentials in a file that others, or a group other than the service's own ({@code jdirectord}),
     * can read: recommend mode 0600 (or 0640 root:jdirectord, as the package installs it).
     */
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
            diagnostics.warn(
                    line,
                    "the file holds credentials (" + name + ") and can be read by group or others;"
                            + " chmod 0600 (or 0640 with group jdirectord) is recommended");
        }
    }

    /** The group the packaged service runs as; it may read the file. */
    static final String SERVICE_GROUP = "jdirectord";

    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            boolean serviceGroup = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class)
                    .group()
                    .getName()
                    .equals(SERVICE_GROUP);
            return (permissions.contains(PosixFilePermission.GROUP_READ) && !serviceGroup)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
