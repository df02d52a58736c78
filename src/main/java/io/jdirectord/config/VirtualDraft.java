package io.jdirectord.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One virtual block as written (null = not given); the last occurrence of a directive wins. */
final class VirtualDraft {
    final int line;
    final Family family;
    final String address;
    final SharedDraft shared = new SharedDraft();
    final List<RealDraft> reals = new ArrayList<>();
    /** Line of the last occurrence of each directive, for messages about combinations. */
    final Map<String, Integer> lines = new HashMap<>();

    CheckType checkType;
    int hybridConnects;
    ServiceKind service;
    String request;
    String receive;
    HttpMethod httpMethod;
    HttpVersion httpVersion;
    String virtualHost;
    String login;
    String passwd;
    String database;
    String secret;
    String checkCommand;
    Integer checkPort;
    Path sshKey;
    String scheduler;
    Integer persistent;
    Integer netmask;
    String schedFlags;
    Protocol protocol;
    Boolean ops;
    Path monitorFile;
    String serviceName;
    String comment;
    FallbackDraft fallback;
    Integer quorum;
    Integer hysteresis;

    /**
     * @param address the text after {@code virtual=} / {@code virtual6=}
     */
    VirtualDraft(int line, Family family, String address) {
        this.line = line;
        this.family = family;
        this.address = address;
    }

    /** The line of a directive of this block, else the virtual line. */
    int lineOf(String directive) {
        return lines.getOrDefault(directive, line);
    }
}
