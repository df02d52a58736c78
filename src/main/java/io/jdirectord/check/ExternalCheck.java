package io.jdirectord.check;

import io.jdirectord.check.spec.ExternalSpec;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.net.AddressText;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * checktype=external and external-perl: runs checkcommand, without a shell, as
 * {@code checkcommand <virtual ip or fwmark> <virtual port, "0" for fwmark> <real ip> <real port>}
 * (IPv6 addresses in brackets, as ldirectord); external-perl runs {@code /usr/bin/perl checkcommand ...}.
 * The environment is replaced by PATH, LANG=C and the JDIRECTORD_* variables (the only place the
 * password appears); stdin is /dev/null; stdout and stderr are merged and only their first
 * maxReceiveBytes are kept.
 *
 * <p>Exit status 0 is up; anything else is down, except with dynamicweight, where 2..255 are up with
 * weight status-2 (keepalived's MISC_DYNAMIC convention) and 1 is down. The probe ends within
 * checktimeout: at the deadline minus a grace (500 ms, at most half the timeout) the process and its
 * descendants get SIGTERM, at the deadline SIGKILL, and the result is down.
 */
public final class ExternalCheck implements Check {

    private static final Duration MAX_GRACE = Duration.ofMillis(500);
    private static final String PERL = "/usr/bin/perl";

    private final ProcessBuilder builder;
    private final String command;
    private final boolean dynamicWeight;
    private final int maxBytes;
    private final Duration timeout;

    public ExternalCheck(ExternalSpec spec) {
        this.command = spec.command();
        this.dynamicWeight = spec.dynamicWeight();
        this.maxBytes = spec.probe().maxReceiveBytes();
        this.timeout = spec.probe().timeout();
        this.builder = new ProcessBuilder(arguments(spec))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        environment(builder.environment(), spec);
    }

    private static List<String> arguments(ExternalSpec spec) {
        VirtualServiceKey virtual = spec.virtual();
        List<String> args = new ArrayList<>();
        if (spec.perl()) {
            args.add(PERL);
        }
        args.add(spec.command());
        args.add(
                virtual.isFwmark()
                        ? Integer.toString(virtual.mark())
                        : AddressText.bracketed(virtual.endpoint().address()));
        args.add(Integer.toString(virtual.port()));
        args.add(AddressText.bracketed(spec.probe().address()));
        args.add(Integer.toString(spec.realPort()));
        return args;
    }

    private static void environment(Map<String, String> env, ExternalSpec spec) {
        VirtualServiceKey virtual = spec.virtual();
        env.clear();
        env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("LANG", "C");
        env.put(
                "JDIRECTORD_VIRTUAL_HOST",
                virtual.isFwmark() ? Integer.toString(virtual.mark()) : bare(virtual.endpoint()));
        env.put("JDIRECTORD_VIRTUAL_PORT", Integer.toString(virtual.port()));
        env.put("JDIRECTORD_REAL_HOST", AddressText.of(spec.probe().address()));
        env.put("JDIRECTORD_REAL_PORT", Integer.toString(spec.realPort()));
        env.put("JDIRECTORD_CHECK_PORT", Integer.toString(spec.probe().port()));
        env.put("JDIRECTORD_SERVICE", spec.service().ldName());
        env.put("JDIRECTORD_REQUEST", spec.request());
        env.put("JDIRECTORD_RECEIVE", spec.receive());
        env.put("JDIRECTORD_LOGIN", spec.login());
        env.put("JDIRECTORD_PASSWD", spec.passwd());
        env.put("JDIRECTORD_TIMEOUT_MS", Long.toString(spec.probe().timeout().toMillis()));
    }

    private static String bare(Endpoint endpoint) {
        return AddressText.of(endpoint.address());
    }

    @Override
    public CheckResult run(Deadline deadline) throws InterruptedException {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return CheckResult.down("cannot run '" + command + "': " + e.getMessage());
        }
        OutputCollector output = OutputCollector.start(process, maxBytes);
        ProcessTree tree = new ProcessTree(process);
        try {
            if (!exitsBy(process, new Deadline(deadline.nanoTime() - grace().toNanos()))) {
                return stop(process, tree, deadline, timeout.minus(deadline.remaining()));
            }
            return judge(process.exitValue(), output, deadline);
        } catch (InterruptedException e) {
            tree.kill();
            throw e;
        }
    }

    private Duration grace() {
        Duration half = timeout.dividedBy(2);
        return half.compareTo(MAX_GRACE) < 0 ? half : MAX_GRACE;
    }

    private static boolean exitsBy(Process process, Deadline by) throws InterruptedException {
        try {
            process.onExit().get(by.remaining().toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the check program failed", e);
        }
    }

    /**
     * SIGTERM now, SIGKILL at the deadline; the probe then waits at most the grace for the child to go.
     *
     * @param ran how long the probe had run when the program was told to stop (the timeout less the grace)
     */
    private CheckResult stop(Process process, ProcessTree tree, Deadline deadline, Duration ran)
            throws InterruptedException {
        tree.terminate();
        boolean ended = exitsBy(process, deadline);
        tree.kill();
        if (!ended) {
            exitsBy(process, new Deadline(deadline.nanoTime() + grace().toNanos()));
        }
        return CheckResult.down("timeout: '" + Reasons.excerpt(command) + "' still running after " + Reasons.millis(ran)
                + " (checktimeout " + Reasons.millis(timeout) + "), " + (ended ? "terminated" : "killed"));
    }

    private CheckResult judge(int status, OutputCollector output, Deadline deadline) throws InterruptedException {
        if (status == 0) {
            return CheckResult.up("exit status 0");
        }
        if (dynamicWeight && status >= 2) {
            return CheckResult.upWithWeight("exit status " + status + ": weight " + (status - 2), status - 2);
        }
        String line = output.firstLine(deadline.remaining());
        return CheckResult.down("exit status " + status + (line.isEmpty() ? "" : ": " + Reasons.excerpt(line)));
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
