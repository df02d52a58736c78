package io.jdirectord.netlink;

import static io.jdirectord.testing.Prerequisites.require;
import static org.junit.jupiter.api.Assertions.fail;

import io.jdirectord.ipvs.IpvsException;
import io.jdirectord.ipvs.IpvsUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Support for the tests tagged "kernel": a table on the real IPVS of this machine, and ipvsadm as the
 * independent observer (and, in adoption tests, as the other party). They run as root in the qemu guest
 * of src/test/vm; elsewhere they skip.
 */
final class KernelTables {

    private KernelTables() {}

    /** A table on an empty IPVS (flushed explicitly), or a skipped test when there is no IPVS or no root. */
    static NetlinkIpvsTable openEmpty() throws IpvsException {
        require("root".equals(System.getProperty("user.name")), "kernel tests run as root");
        require(Files.isExecutable(Path.of("/usr/sbin/ipvsadm")), "kernel tests need ipvsadm");
        NetlinkIpvsTable table;
        try {
            table = NetlinkIpvsTable.open();
        } catch (IpvsUnavailableException e) {
            require(false, e.getMessage());
            throw e;
        }
        table.flush();
        return table;
    }

    /** Runs ipvsadm and returns its standard output; fails the test when it exits non-zero. */
    static String ipvsadm(String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/sbin/ipvsadm"));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    /** The rules as {@code ipvsadm -S -n} saves them, one per line. */
    static List<String> saved() {
        return lines(ipvsadm("-S", "-n"));
    }

    /** The lines of {@code ipvsadm -L -n EXTRA...} after its headers, each run of blanks made one space. */
    static List<String> listed(String... extra) {
        List<String> args = new ArrayList<>(List.of("-L", "-n"));
        args.addAll(Arrays.asList(extra));
        List<String> lines = lines(ipvsadm(args.toArray(String[]::new))).stream()
                .map(line -> line.trim().replaceAll("\\s+", " "))
                .toList();
        return lines.subList(Math.min(3, lines.size()), lines.size());
    }

    /** Runs a command (a shell is not involved) and returns its standard output. */
    static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> lines(String text) {
        return text.lines()
                .map(String::stripTrailing)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
