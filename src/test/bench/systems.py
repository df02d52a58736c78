"""The systems under test, each started in the namespace against its own table-without-a-kernel, and
what they did to that table read back from their logs as timed events.

jdirectord: --dry-run keeps the table in memory and logs every change on standard error as
    2026-11-21T07:24:54.481Z INFO  dryrun: ipvsadm -a -t VIP -r RIP -m -w 1
ldirectord: -d runs ./ipvsadm from its working directory, here fake-ipvsadm, which logs every call as
    1795245954.009817 rc=0 -a -t VIP -r RIP -m -w 1
haproxy: no table; its log on standard error says when a server changes state:
    2026-12-03T21:56:48.809766+00:00 Server reals/RIP is DOWN, reason: ...
"""

import os
import re
import shutil
import signal
import subprocess
import time
from datetime import datetime

import lab as lab_module

HERE = os.path.dirname(os.path.abspath(__file__))
JD_LINE = re.compile(r"^(\S+) INFO  dryrun: ipvsadm (.*)$")
LD_LINE = re.compile(r"^(\d+\.\d+) rc=0 (.*)$")
CLOCK_TICK = os.sysconf("SC_CLK_TCK")


class TableLog:
    """Follows an operation log and keeps which real servers (addresses) are in the table and when each
    was last added or removed (times taken from the log lines, in epoch seconds), each one's last weight
    (text), and every weight edit (-e) as (time, address)."""

    def __init__(self, path, parse):
        self.path = path
        self.parse = parse
        self.offset = 0
        self.partial = b""
        self.present = set()
        self.added = {}
        self.removed = {}
        self.last_change = None
        self.weight = {}
        self.edits = []

    def poll(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                chunk = f.read()
        except FileNotFoundError:
            return
        self.offset += len(chunk)
        lines = (self.partial + chunk).split(b"\n")
        self.partial = lines.pop()
        for raw in lines:
            event = self.parse(raw.decode("utf-8", "replace"))
            if event is not None:
                self._apply(*event)

    def _apply(self, at, args):
        words = args.split()
        if "-r" not in words:
            return
        real = words[words.index("-r") + 1].rsplit(":", 1)[0]
        op = words[0]
        if "-w" in words[:-1]:
            self.weight[real] = words[words.index("-w") + 1]
        if op == "-e":
            self.edits.append((at, real))
        if op == "-a":
            self.present.add(real)
            self.added[real] = at
        elif op == "-d":
            self.present.discard(real)
            self.removed[real] = at
        else:
            return
        self.last_change = at


def parse_jd(line):
    m = JD_LINE.match(line)
    return (datetime.fromisoformat(m.group(1)).timestamp(), m.group(2)) if m else None


def parse_ld(line):
    m = LD_LINE.match(line)
    return (float(m.group(1)), m.group(2)) if m else None


class Process:
    """A monitor process started in the namespace, with its CPU time and peak memory from /proc."""

    def __init__(self, argv, cwd, out_path, env=None):
        self.out = open(out_path, "ab")
        self.started = time.time()
        self.proc = subprocess.Popen(argv, cwd=cwd, stdout=self.out, stderr=subprocess.STDOUT, env=env)
        self.pid = self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def cpu_seconds(self):
        """utime + stime of the process and of its waited-for children (ipvsadm runs, for ldirectord)."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / CLOCK_TICK

    def peak_rss_mib(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return None

    def stop(self, grace):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM if grace > 0 else signal.SIGKILL)
            try:
                self.proc.wait(max(grace, 5))
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.out.close()


class Jdirectord:
    name = "jdirectord"

    def __init__(self, lab, workdir, java, jar, jvm_options, debug):
        self.lab, self.dir = lab, os.path.join(workdir, "jd")
        self.java, self.jar, self.jvm_options, self.debug = java, jar, jvm_options, debug
        os.makedirs(self.dir, exist_ok=True)
        self.process = None
        self.table = None
        self.config = self.pid_file = None

    def start(self, config_text, tag):
        config = os.path.join(self.dir, f"{tag}.cf")
        with open(config, "w") as f:
            f.write(config_text)
        log = os.path.join(self.dir, f"{tag}.log")
        if os.path.exists(log):
            os.remove(log)
        argv = [self.java, *self.jvm_options, "-jar", self.jar, *(["-d"] if self.debug else []), "--foreground", "--dry-run",
                "--pid-file", os.path.join(self.dir, f"{tag}.pid"), config, "start"]
        self.process = Process(self.lab.netns_argv(*argv), self.dir, log)
        self.table = TableLog(log, parse_jd)
        self.config, self.pid_file = config, argv[argv.index("--pid-file") + 1]
        return self.process.started

    def stop(self):
        self.process.stop(grace=10)


class Ldirectord:
    name = "ldirectord"

    def __init__(self, lab, workdir):
        self.lab, self.dir = lab, os.path.join(workdir, "ld")
        os.makedirs(self.dir, exist_ok=True)
        shutil.copy(os.path.join(HERE, "fake-ipvsadm"), os.path.join(self.dir, "ipvsadm"))
        os.chmod(os.path.join(self.dir, "ipvsadm"), 0o755)
        self.process = None
        self.table = None

    def start(self, config_text, tag):
        config = os.path.join(self.dir, f"{tag}.cf")
        with open(config, "w") as f:
            f.write(config_text)
        for name in ("table", "calls.log"):
            if os.path.exists(os.path.join(self.dir, name)):
                os.remove(os.path.join(self.dir, name))
        env = dict(os.environ, FAKE_IPVSADM_DIR=self.dir)
        self.process = Process(self.lab.netns_argv("ldirectord", "-d", config, "start"), self.dir,
                               os.path.join(self.dir, f"{tag}.out"), env)
        self.table = TableLog(os.path.join(self.dir, "calls.log"), parse_ld)
        return self.process.started

    def stop(self):
        # ldirectord deletes every real server on TERM, one ipvsadm run each: minutes at N = 1,000.
        self.process.stop(grace=0)


HAPROXY_CONF = """global
    log stderr format iso local0 info
    maxconn {maxconn}
defaults
    mode http
    log global
    timeout connect {timeout}s
    timeout check {timeout}s
    timeout client 10s
    timeout server 10s
frontend virtual
    bind {virtual}
    default_backend reals
backend reals
    option httpchk GET {request}
    http-check expect string {receive}
    default-server check inter {interval}s fall 1 rise 1
{servers}"""
HAP_LINE = re.compile(r"^(\S+) Server reals/(\S+) is (UP|DOWN)\b")
REAL = re.compile(r"^\s*real=(\S+):(\d+)\s", re.MULTILINE)


def parse_hap(line):
    """HAProxy's state changes, as the table operations they would be in an IPVS table."""
    m = HAP_LINE.match(line)
    if not m:
        return None
    op = "-a" if m.group(3) == "UP" else "-d"
    return datetime.fromisoformat(m.group(1)).timestamp(), f"{op} -r {m.group(2)}:0"


class Haproxy:
    """Debian's HAProxy with active HTTP checks on the same real servers and timings as the monitors
    (inter = checkinterval, timeout check and connect = checktimeout, fall 1, rise 1). It has no IPVS
    table: its log's "Server reals/ADDR is UP|DOWN" lines stand for the table changes. Its servers
    begin up, so its start is not measured."""

    name = "haproxy"
    measures_start = False

    def __init__(self, lab, workdir, checkinterval, checktimeout):
        self.lab, self.dir = lab, os.path.join(workdir, "hap")
        self.interval, self.timeout = checkinterval, checktimeout
        os.makedirs(self.dir, exist_ok=True)
        self.process = None
        self.table = None

    def start(self, config_text, tag):
        reals = REAL.findall(config_text)
        servers = "".join(f"    server {addr} {addr}:{port}\n" for addr, port in reals)
        config = os.path.join(self.dir, f"{tag}.cfg")
        with open(config, "w") as f:
            f.write(HAPROXY_CONF.format(maxconn=256, timeout=f"{self.timeout:g}",
                                        virtual=lab_module.VIRTUAL, request="/", receive="ok",
                                        interval=f"{self.interval:g}", servers=servers))
        log = os.path.join(self.dir, f"{tag}.log")
        if os.path.exists(log):
            os.remove(log)
        self.process = Process(self.lab.netns_argv("haproxy", "-db", "-f", config), self.dir, log)
        self.table = TableLog(log, parse_hap)
        self.table.present = {addr for addr, _ in reals}
        return self.process.started

    def stop(self):
        self.process.stop(grace=5)
