"""jdirectord, ldirectord and HAProxy side by side on the same real servers: see README.md next to this file.
Run through ./run (which checks the prerequisites), not directly."""

import argparse
import json
import os
import random
import signal
import sys
import time
from dataclasses import asdict

import figures
import figures_report
import lab as lab_module
import measure
import report
import systems
from lab import Lab, address

CONFIG = """checktimeout=2
negotiatetimeout=2
checkinterval=1
quiescent=no
{extra}logfile="{logfile}"
virtual={virtual}
{check}\tscheduler=wrr
\tprotocol=tcp
"""
HTTP_CHECK = '\tservice=http\n\tchecktype=negotiate\n\trequest="/"\n\treceive="ok"\n'
CHECKINTERVAL, CHECKTIMEOUT = 1.0, 2.0
# jdirectord's JVM: without a limit the heap grows with the garbage rate up to a quarter of the memory
# (1.2 GB resident at N = 10,000 on a 24 GB machine); the serial collector suits a small live set.
JVM_OPTIONS = "-XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Xms16m -Xmx80m -XX:NewSize=4m -XX:MaxNewSize=32m -XX:SurvivorRatio=2 -XX:TargetSurvivorRatio=90 -XX:TrimNativeHeapInterval=1000 -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:CompileCommand=quiet -XX:CompileCommand=exclude,jdk.internal.classfile.impl.StackMapGenerator::processBlock"


def config_text(reals, logfile, check=HTTP_CHECK, port=lab_module.PORT, weight=1, extra=""):
    """The configuration both systems get; the real servers in a shuffled (but fixed) order, so the dead
    block of addresses is spread through ldirectord's serial pass. The optional figures change the
    check, the real servers' port and weight, and add global directives (`extra`, whole lines)."""
    order = list(reals)
    random.Random(len(reals)).shuffle(order)
    body = "".join(f"\treal={r}:{port} masq {weight}\n" for r in order)
    return CONFIG.format(extra=extra, logfile=logfile, virtual=lab_module.VIRTUAL, check=check) + body


def plan(args):
    """Trials, bounds and time budgets (seconds) per system and N. A bound stops one wait (the figure is
    then reported as "> bound"); a budget stops starting new trials of one figure. ldirectord's are
    sized so that the default run takes about 40 minutes."""
    quick = args.quick
    p = {"trials": args.trials or (3 if quick else 5),
         "windows": 5, "window": 4.0 if quick else 12.0,
         "jd": {"start_bound": 60, "trial_bound": 15, "budget": 600, "all_dead_bound": 30},
         "ld": {}}
    for n in args.sizes:
        if n <= 100:
            p["ld"][n] = {"start_bound": 60, "trial_bound": 60, "budget": 60 if quick else 120,
                          "all_dead_bound": 120}
        elif n <= 2000:
            p["ld"][n] = {"start_bound": 240 if quick else 300, "trial_bound": 90,
                          "budget": 60 if quick else 150, "all_dead_bound": 60 if quick else 300}
        else:
            p["ld"][n] = {"start_bound": 60 if quick else 120, "trial_bound": 90, "budget": 60,
                          "all_dead_bound": 300}
    return p


def measure_setup(system, lab, n, k, p, bounds, results):
    """One system, N real servers of which the last K are dead hosts: starts, single failures of
    both kinds, and for K = 0 steady probing and everything dying at once. Returns whether the system
    reached its full table."""
    reals = [address(i) for i in range(n)]
    live = set(reals[:n - k])
    tag = f"n{n}-k{k}"
    lab.clear_faults()
    if k:
        lab.kill_range(reals[n - k], reals[-1])
    lab.truncate_access_log()
    key = lambda figure: results.setdefault(f"{figure}|{n}|{k}", {})
    logfile = os.path.join(system.dir, f"{tag}.events")
    if getattr(system, "measures_start", True):
        start, running = measure.start_trials(system, config_text(reals, logfile), tag, live, p["trials"],
                                              bounds["start_bound"], measure.Budget(bounds["budget"]))
    else:
        start, running = measure.start_untimed(system, config_text(reals, logfile), tag, live,
                                               bounds["start_bound"])
    key("start")[system.name] = start
    print(f"  {system.name} N={n} K={k}: start {report.cell(start, 's', p['trials'])}", flush=True)
    if running:
        targets = measure.pick_targets(live, 2 * p["trials"], seed=n + k)
        for kind, chosen in (("refused", targets[:p["trials"]]), ("dead", targets[p["trials"]:])):
            detection, recovery = measure.failure_trials(system, lab, chosen, kind, bounds["trial_bound"],
                                                         measure.Budget(bounds["budget"]))
            key(f"detect-{kind}")[system.name] = detection
            key(f"recover-{kind}")[system.name] = recovery
            print(f"  {system.name} N={n} K={k}: {kind}: detection {report.cell(detection, 's', p['trials'])},"
                  f" recovery {report.cell(recovery, 's', p['trials'])}", flush=True)
        if k == 0:
            steady_and_all_dead(system, lab, reals, live, p, bounds, key)
    else:
        key("start")[system.name].note = "the other figures of this setup were not measured"
    system.stop()
    lab.clear_faults()
    return running


def steady_and_all_dead(system, lab, reals, live, p, bounds, key):
    cpu, memory, regularity = measure.steady(system, lab, live, p["windows"], p["window"])
    key("cpu")[system.name] = cpu
    key("rss")[system.name] = memory
    key("regularity")[system.name] = regularity
    print(f"  {system.name} N={len(reals)}: cpu/min {report.cell(cpu, 'cpu', p['windows'])}, peak RSS "
          f"{report.cell(memory, 'MiB', 1)}, probes {regularity}", flush=True)
    trials = 1 if system.name == "ldirectord" else p["trials"]
    bound = bounds.get("all_dead_bound", bounds["trial_bound"])
    out, back = measure.all_dead_trials(system, lab, reals, trials, bound, measure.Budget(bounds["budget"]))
    key("alldead")[system.name] = out
    key("allback")[system.name] = back
    print(f"  {system.name} N={len(reals)}: all dead: last out {report.cell(out, 's', trials)}, "
          f"all back {report.cell(back, 's', trials)}", flush=True)


FIGURES = [  # figure key, label, unit, target for jdirectord (value, text)
    ("start", "start → full table", "s", None, ""),
    ("detect-refused", "detection, refused", "s", CHECKINTERVAL + 0.2, "≤ 1.2 s"),
    ("detect-dead", "detection, dead host", "s", CHECKINTERVAL + CHECKTIMEOUT + 0.2, "≤ 3.2 s"),
    ("recover-refused", "recovery after refused", "s", None, ""),
    ("recover-dead", "recovery after dead host", "s", None, ""),
    ("cpu", "CPU s per minute, steady", "cpu", 60.0, "≤ 60 s (one core)"),
    ("rss", "peak resident memory", "MiB", 256.0, "≤ 256 MiB"),
    ("alldead", "all dead at once: last out", "s", CHECKINTERVAL + CHECKTIMEOUT + 1, "≤ 4 s"),
    ("allback", "all revived: last back in", "s", None, ""),
]


def rows(results, sizes, p):
    out = []
    for key, label, unit, target, text in FIGURES:
        for n in sizes:
            for k in (0, n // 10):
                cell = results.get(f"{key}|{n}|{k}")
                if cell is None:
                    continue
                out.append({"figure": label, "n": n, "k": k, "unit": unit, "jd": cell.get("jdirectord"),
                            "ld": cell.get("ldirectord"), "hap": cell.get("haproxy"), "target": target,
                            "target_text": text})
    return out


def regularity_lines(results, sizes):
    lines = ["", "Probes seen by nginx during the steady windows (per live server), and CPU per probe (the median",
             "CPU per minute over the probes of a minute at that rate):", "",
             "| N | system | probes per second | on time | gap p50 | gap p99 | gap max | CPU per probe |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        for name, r in sorted(results.get(f"regularity|{n}|0", {}).items()):
            show = lambda v: "–" if v is None else f"{v:.2f} s"
            per_probe = cpu_per_probe(results.get(f"cpu|{n}|0", {}).get(name), r["rate"], n)
            lines.append(f"| {n:,} | {name} | {r['rate']:.2f} | {r['rate'] / CHECKINTERVAL:.0%} | {show(r['p50'])} |"
                         f" {show(r['p99'])} | {show(r['max'])} | {per_probe} |")
    return lines


def cpu_per_probe(cpu, rate, n):
    """Microseconds of CPU per probe: the median CPU seconds per minute over n * rate * 60 probes."""
    if cpu is None or not cpu.trials or rate <= 0:
        return "–"
    return f"{report.median(cpu.trials) / (n * rate * 60) * 1e6:,.0f} µs"


def interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main():
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")])
    parser.add_argument("--trials", type=int)
    parser.add_argument("--only", type=lambda s: s.split(","),
                        help="comma-separated systems to run: jdirectord, ldirectord, haproxy (default: all)")
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", required=True)
    parser.add_argument("--jvm-options", default=JVM_OPTIONS)
    parser.add_argument("--jd-debug", action="store_true")
    parser.add_argument("--figures", type=lambda s: s.split(","), default=[],
                        help="optional jdirectord figures, comma-separated: grpc, slowstart, commands")
    parser.add_argument("--figures-only", action="store_true", help="skip the main figures")
    parser.add_argument("--commands", type=int, default=1000, help="commands over the control socket (commands)")
    parser.add_argument("--cli-commands", type=int,
                        help="commands through the command line (default: --commands, 100 with --quick)")
    parser.add_argument("--workdir", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "target",
                                                          "bench", time.strftime("%Y%m%d-%H%M%S")))
    args = parser.parse_args()
    unknown = set(args.figures) - set(figures.NAMES)
    if unknown:
        parser.error(f"unknown figure {', '.join(sorted(unknown))} (known: {', '.join(figures.NAMES)})")
    if args.cli_commands is None:
        args.cli_commands = min(args.commands, 100) if args.quick else args.commands
    args.sizes = args.sizes or ([20, 1000] if args.quick else [20, 1000, 10000])
    p = plan(args)
    args.workdir = os.path.abspath(args.workdir)
    os.makedirs(args.workdir, exist_ok=True)
    print(f"logs and results in {args.workdir}", flush=True)
    began = time.time()
    began_load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results, skipped, extra = {}, {}, {}
    lab = Lab(args.workdir, max(args.sizes))
    jd = systems.Jdirectord(lab, args.workdir, args.java, args.jar, args.jvm_options.split(), args.jd_debug)
    ld = systems.Ldirectord(lab, args.workdir)
    hap = systems.Haproxy(lab, args.workdir, CHECKINTERVAL, CHECKTIMEOUT)
    servers = {}
    try:
        for n in ([] if args.figures_only else args.sizes):
            started = {}
            for k in (0, n // 10):
                for system, bounds in ((jd, p["jd"]), (ld, p["ld"][n]), (hap, p["jd"])):
                    if args.only is not None and system.name not in args.only:
                        continue
                    if k and not started.get(system.name, True):
                        skipped[f"{system.name}|{n}|{k}"] = True
                        continue
                    started[system.name] = measure_setup(system, lab, n, k, p, bounds, results)
        for n in args.sizes:
            measure_figures(jd, lab, n, p, args, servers, extra)
    finally:
        for server in servers.values():
            server.stop()
        for system in (jd, ld, hap):
            if system.process is not None and system.process.alive():
                system.process.stop(grace=0)
        lab.close()
    print_report(results, skipped, extra, args, p, began, began_load)


def measure_figures(jd, lab, n, p, args, servers, extra):
    """The optional figures at N, in a fixed order; extra[(figure, n)] = what each returned, or
    {"failed": why} when it raised (the other figures and the report still follow). `servers` holds the
    gRPC servers, started for the first gRPC figure."""
    for name in (f for f in figures.NAMES if f in args.figures):
        try:
            if name == "grpc":
                if "grpc" not in servers:
                    servers["grpc"] = figures.GrpcServers(lab, args.workdir, args.java)
                out = figures.grpc(jd, lab, n, p, config_text, servers["grpc"])
            elif name == "slowstart":
                out = figures.slowstart(jd, lab, n, p, config_text, p["trials"])
            else:
                out = figures.commands(jd, lab, n, p, config_text, args.java, args.jar, args.commands,
                                       args.cli_commands)
        except Exception as e:
            if jd.process is not None and jd.process.alive():
                jd.stop()
            lab.clear_faults()
            out = {"failed": f"{type(e).__name__}: {e}"}
        extra[(name, n)] = out
        brief = {k: ({f: v for f, v in m.items() if f != "walls"} if isinstance(m, dict) else m) for k, m in out.items()}
        print(f"  jdirectord N={n}: {name} {brief}", flush=True)


def print_report(results, skipped, extra, args, p, began, began_load):
    text, notes = report.table(rows(results, args.sizes, p), p["trials"]) if results else ("", [])
    notes += [f"{key.split('|')[0]}, N = {int(key.split('|')[1]):,} with {int(key.split('|')[2]):,} dead: not run, "
              f"since it did not reach its full table without dead hosts" for key in skipped]
    lines = ["", text, *(regularity_lines(results, args.sizes) if results else []), *figures_report.lines(extra)]
    if notes:
        lines += ["", "Notes:", *[f"- {n}" for n in notes]]
    lines.append(f"\n{p['trials']} trials per figure unless marked; CPU: {p['windows']} windows of {p['window']:.0f} s;"
                 f" jdirectord JVM options: {args.jvm_options or 'none'}{' and -d' if args.jd_debug else ''};"
                 f" load average before / after: {began_load} / {' '.join(f'{x:.2f}' for x in os.getloadavg())};"
                 f" whole run {(time.time() - began) / 60:.1f} min.")
    print("\n".join(lines))
    with open(os.path.join(args.workdir, "results.json"), "w") as f:
        json.dump({k: {s: (asdict(o) if hasattr(o, "trials") else o) for s, o in v.items()}
                   for k, v in results.items()}, f, indent=1, default=str)
    with open(os.path.join(args.workdir, "figures.json"), "w") as f:
        json.dump([{"figure": k[0], "n": k[1], "result": v} for k, v in extra.items()], f, indent=1,
                  default=lambda o: asdict(o) if hasattr(o, "trials") else str(o))
    with open(os.path.join(args.workdir, "report.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
