"""The transport floor (README.md here, "Transport floor"): CPU per probe of the least an HTTP check can
cost in Java (TransportFloor.java over java.nio and over JNA's direct system calls), next to jdirectord
and HAProxy, on the same N healthy real servers at one probe a second each, in one run.

Each system in turn, TRIALS rounds: started in the namespace, left WARM seconds, then measured over
WINDOW seconds: its CPU time (user and system, /proc) divided by the requests nginx logged in that
window. Prints each trial and, at the end, the medians and each one's ratio to HAProxy's."""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import systems  # noqa: E402
from lab import Lab, address  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class Floor:
    """TransportFloor.java run by the source launcher with the jar on the class path (for JNA)."""

    def __init__(self, lab, workdir, java, jar, mode, rate, n):
        self.lab, self.dir, self.java, self.jar = lab, workdir, java, jar
        self.mode, self.rate, self.n = mode, rate, n
        self.name = "floor-" + mode
        self.process = None

    def start(self, tag):
        argv = self.lab.netns_argv(self.java, *bench.JVM_OPTIONS.split(), "--enable-native-access=ALL-UNNAMED",
                                   "-cp", self.jar, os.path.join(HERE, "TransportFloor.java"), self.mode,
                                   str(self.rate), str(self.n), "3600", "50", "2")
        self.process = systems.Process(argv, self.dir, os.path.join(self.dir, f"{self.name}-{tag}.log"))

    def stop(self):
        self.process.stop(grace=0)


def measure(lab, process, warm, window):
    """CPU µs a probe and probes a second over `window` seconds after `warm`: the rate from nginx's log
    (buffered up to 1 s, so read 1.5 s after the window and without its first 1.5 s), CPU from /proc."""
    time.sleep(warm)
    lab.truncate_access_log()
    c0, t0 = process.cpu_seconds(), time.time()
    time.sleep(window)
    c1, t1 = process.cpu_seconds(), time.time()
    time.sleep(1.5)
    begin, end = t0 + 1.5, t1 - 0.5
    with open(lab.access_log()) as f:
        probes = sum(1 for line in f if begin <= float(line.split(" ", 1)[0]) <= end)
    rate = probes / (end - begin)
    return ((c1 - c0) / (t1 - t0)) / rate * 1e6 if rate else float("inf"), rate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", required=True)
    parser.add_argument("-n", type=int, default=10000)
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--warm", type=float, default=18)
    parser.add_argument("--window", type=float, default=10)
    parser.add_argument("--workdir", default=os.path.join("target", "bench-floor"))
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    workdir = os.path.abspath(args.workdir)
    lab = Lab(workdir, args.n)
    results = {}
    try:
        reals = [address(i) for i in range(args.n)]
        text = bench.config_text(reals, os.path.join(workdir, "ev"))
        for trial in range(args.trials):
            for name in ("haproxy", "jdirectord", "floor-nio", "floor-jna"):
                tag = f"{name}-{trial}"
                if name == "haproxy":
                    system = systems.Haproxy(lab, workdir, 1, 2)
                    system.start(text, tag)
                elif name == "jdirectord":
                    system = systems.Jdirectord(lab, workdir, args.java, args.jar, bench.JVM_OPTIONS.split(), False)
                    system.start(text, tag)
                else:
                    system = Floor(lab, workdir, args.java, args.jar, name.split("-")[1], args.n, args.n)
                    system.start(tag)
                micros, rate = measure(lab, system.process, args.warm, args.window)
                system.stop()
                time.sleep(2)
                results.setdefault(name, []).append(micros)
                print(f"  {name} trial {trial + 1}: {micros:.1f} µs a probe at {rate:.0f} probes a second", flush=True)
    finally:
        lab.close()
    base = statistics.median(results["haproxy"])
    print(f"\nCPU per probe at N = {args.n:,}, medians of {args.trials} (load average {os.getloadavg()[0]:.2f}):")
    for name, values in results.items():
        median = statistics.median(values)
        print(f"  {name:11s} {median:6.1f} µs   {median / base:.2f} × HAProxy's")


if __name__ == "__main__":
    main()
