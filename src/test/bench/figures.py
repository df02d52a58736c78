"""The optional figures (--figures grpc,slowstart,commands; README.md here), jdirectord alone, each next
to a baseline measured just before it on the same real servers:

grpc       CPU per probe of the gRPC health check against the HTTP/1.1 check, at the same N.
slowstart  CPU during the ramp when every real server comes back at once with slowstart=30, against
           the same window without slow start, and the weight edits the ramp made.
commands   1,000 runtime commands in a row (weight 5 / weight reset) over the control socket, and
           through the command line (one JVM each): wall time and daemon CPU per command, and whether
           probing stayed on schedule meanwhile.

Each returns plain dicts (seconds, counts) that figures_report.py prints."""

import os
import socket
import subprocess
import time

import measure
from lab import PORT, address
from systems import HERE, Process

NAMES = ("grpc", "slowstart", "commands")
GRPC_PORT = 18081
GRPC_CHECK = '\tservice=grpc\n\tchecktype=negotiate\n\trequest="/"\n'
SLOWSTART, RAMP_WEIGHT = 30, 100
SETTLE = 10  # seconds after the table is full before measuring: the start's JIT compilations are done
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def start_full(jd, config, tag, live, bound):
    """Starts jdirectord and waits until every live server is in its table; whether it got there."""
    started = jd.start(config, tag)
    return measure.wait_for(jd, measure.full(live), started + bound)


class GrpcServers:
    """GrpcHealthLab.java (one grpc-java server on 0.0.0.0:GRPC_PORT in the namespace, answering
    Health/Check on every address of its lo), started from the project's test class path."""

    def __init__(self, lab, workdir, java):
        self.dir = os.path.join(workdir, "grpc")
        os.makedirs(self.dir, exist_ok=True)
        self.log = os.path.join(self.dir, "access.log")
        open(self.log, "w").close()
        out = os.path.join(self.dir, "server.out")
        argv = [java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", self._classpath(), os.path.join(HERE, "GrpcHealthLab.java"), str(GRPC_PORT), self.log]
        self.process = Process(lab.netns_argv(*argv), self.dir, out)
        deadline = time.time() + 60
        while b"listening on" not in open(out, "rb").read():
            if time.time() > deadline or not self.process.alive():
                self.process.stop(grace=0)
                raise RuntimeError(f"the gRPC health server did not start: see {out}")
            time.sleep(0.2)

    def _classpath(self):
        """The test class path (grpc-java and its dependencies) from Maven, without logback: Netty then
        logs through java.util.logging at INFO, not a DEBUG line per connection."""
        path = os.path.join(self.dir, "test.classpath")
        done = subprocess.run([os.path.join(ROOT, "build"), "mvn", "-o", "-q", "dependency:build-classpath",
                               f"-Dmdep.outputFile={path}", "-Dmdep.includeScope=test"], cwd=ROOT,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"the test class path: ./build mvn dependency:build-classpath failed:\n{done.stdout}{done.stderr}")
        with open(path) as f:
            return ":".join(j for j in f.read().strip().split(":") if "logback" not in j)

    def stop(self):
        self.process.stop(grace=5)


def grpc(jd, lab, n, p, config_text, servers):
    """Steady probing with the HTTP/1.1 check, then with the gRPC check, on the same N addresses:
    {check: {"cpu": Outcome (CPU s per minute), "regularity": dict, "dropped": real servers taken out
    of the table meanwhile (a server too slow to answer)} or {"failed": why}}."""
    reals = [address(i) for i in range(n)]
    live = set(reals)
    out = {}
    for name, check, port, log in (("HTTP/1.1", None, PORT, lab.access_log()),
                                   ("gRPC", GRPC_CHECK, GRPC_PORT, servers.log)):
        tag = f"n{n}-grpc-{'http' if port == PORT else 'grpc'}"
        extra = {} if check is None else {"check": check}
        config = config_text(reals, os.path.join(jd.dir, f"{tag}.events"), port=port, **extra)
        if not start_full(jd, config, tag, live, p["jd"]["start_bound"]):
            out[name] = {"failed": f"{len(live & jd.table.present):,} of {n:,} in the table after the start bound"}
        else:
            time.sleep(SETTLE)
            began = time.time()
            cpu, _, regularity = measure.steady(jd, lab, live, p["windows"], p["window"], access_log=log)
            jd.table.poll()
            dropped = sum(1 for at in jd.table.removed.values() if at >= began)
            out[name] = {"cpu": cpu, "regularity": regularity, "dropped": dropped}
        jd.stop()
    return out


def slowstart(jd, lab, n, p, config_text, trials):
    """Per variant ("without", "slowstart=30"): the daemon started with every real server at weight
    RAMP_WEIGHT, then `trials` times every server killed at once and revived at once; each trial's CPU
    from the revival to SLOWSTART + 2 s after the last server was back, and the weight edits logged in
    that window. {variant: [trial dict] or {"failed": why}}."""
    reals = [address(i) for i in range(n)]
    live = set(reals)
    bound = max(30, p["jd"]["all_dead_bound"])
    out = {}
    for variant, extra in (("without", ""), (f"slowstart={SLOWSTART}", f"slowstart={SLOWSTART}\n")):
        tag = f"n{n}-slowstart-{'on' if extra else 'off'}"
        config = config_text(reals, os.path.join(jd.dir, f"{tag}.events"), weight=RAMP_WEIGHT, extra=extra)
        if not start_full(jd, config, tag, live, p["jd"]["start_bound"]):
            out[variant] = {"failed": f"{len(live & jd.table.present):,} of {n:,} in the table after the start bound"}
        else:
            time.sleep(SETTLE)
            out[variant] = [one_ramp(jd, lab, reals, live, bound) for _ in range(trials)]
        jd.stop()
        lab.clear_faults()
    return out


def one_ramp(jd, lab, reals, live, bound):
    lab.kill_range(reals[0], reals[-1])
    killed = time.time()
    if not measure.wait_for(jd, lambda t: not (live & t.present), killed + bound):
        lab.revive_range(reals[0], reals[-1])
        return {"failed": f"{len(live & jd.table.present):,} still in the table {bound} s after the kill"}
    time.sleep(2)
    jd.table.poll()
    first_edit, cpu0 = len(jd.table.edits), jd.process.cpu_seconds()
    lab.revive_range(reals[0], reals[-1])
    revived = time.time()
    back = measure.wait_for(jd, measure.full(live), revived + bound)
    back_after = (jd.table.last_change - revived) if back else None
    end = revived + (back_after if back else bound) + SLOWSTART + 2
    time.sleep(max(0.0, end - time.time()))
    cpu1 = jd.process.cpu_seconds()
    jd.table.poll()
    edits = [e for e in jd.table.edits[first_edit:] if e[0] <= end]
    full_weight = sum(1 for r in reals if jd.table.weight.get(r) == str(RAMP_WEIGHT))
    return {"cpu": cpu1 - cpu0, "window": end - revived, "back": back_after, "edits": len(edits),
            "servers_edited": len({r for _, r in edits}), "passes": passes(sorted(at for at, _ in edits)),
            "full_weight": full_weight, "n": len(reals)}


def passes(times, gap=0.3):
    """Groups of edits logged less than `gap` seconds apart: the table passes that carried them."""
    return sum(1 for i, at in enumerate(times) if i == 0 or at - times[i - 1] > gap)


def commands(jd, lab, n, p, config_text, java, jar, count, cli_count):
    """With N real servers probed: `count` commands one after another over the control socket, then
    `cli_count` through the command line, each between two baseline windows of probing only (before,
    between, after). {"baselines": [3 dicts], "socket": dict, "command line": dict}."""
    reals = [address(i) for i in range(n)]
    live = set(reals)
    tag = f"n{n}-commands"
    config = config_text(reals, os.path.join(jd.dir, f"{tag}.events"))
    if not start_full(jd, config, tag, live, p["jd"]["start_bound"]):
        jd.stop()
        return {"failed": f"{len(live & jd.table.present):,} of {n:,} in the table after the start bound"}
    time.sleep(SETTLE)
    socket_path = jd.pid_file[:-len(".pid")] + ".sock"
    cli = [java, "-jar", jar, "--pid-file", jd.pid_file, jd.config]
    baseline = lambda: timed(jd, lab, live, lambda: idle(2 * p["window"]), 0)
    out = {"baselines": [baseline()],
           "socket": timed(jd, lab, live, lambda: command_run(count, reals, lambda w: ask(socket_path, w)), count)}
    out["baselines"].append(baseline())
    out["command line"] = timed(jd, lab, live, lambda: command_run(cli_count, reals, lambda w: run_cli(cli, w)),
                                cli_count)
    out["baselines"].append(baseline())
    jd.stop()
    return out


def idle(seconds):
    time.sleep(seconds)
    return 0, []


def timed(jd, lab, live, work, count):
    """Runs work() (which returns (answers ok, wall seconds per command)) and measures the daemon's CPU
    meanwhile, the weight edits it logged (up to 3.5 s after the end) and the probes the real servers saw
    from its start to 2 s after its end."""
    os.truncate(lab.access_log(), 0)
    jd.table.poll()
    edits0, cpu0, began = len(jd.table.edits), jd.process.cpu_seconds(), time.time()
    ok, walls = work()
    cpu1, ended = jd.process.cpu_seconds(), time.time()
    time.sleep(3.5)  # 2 s of probes after the run, and nginx's 1 s log flush
    jd.table.poll()
    return {"count": count, "ok": ok, "walls": walls, "cpu": cpu1 - cpu0, "seconds": ended - began,
            "edits": len(jd.table.edits) - edits0,
            "regularity": measure.probe_regularity(lab.access_log(), live, began, ended + 2)}


def command_run(count, reals, send):
    """`count` commands in a row: weight 5 then weight reset on one real server, then the next one."""
    ok, walls = 0, []
    for i in range(count):
        real = f"{reals[(i // 2) % len(reals)]}:{PORT}"
        words = ["weight", "5", real] if i % 2 == 0 else ["weight", "reset", real]
        began = time.perf_counter()
        ok += send(words).startswith("ok:")
        walls.append(time.perf_counter() - began)
    return ok, walls


def ask(path, words):
    """One request on the control socket, as the command line sends it: a line, then the answer to EOF."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(15)
        s.connect(path)
        s.sendall((" ".join(words) + "\n").encode())
        chunks = []
        while chunk := s.recv(4096):
            chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def run_cli(cli, words):
    """The command line prints the daemon's answer without its "ok: " and exits 0 when it was carried out."""
    done = subprocess.run([*cli, *words], capture_output=True, timeout=60)
    return "ok: " if done.returncode == 0 else "error: " + done.stderr.decode("utf-8", "replace")
