"""The measurements. Every latency is taken between two instants on the same clock: the moment the fault
was injected or removed (just after iptables returned) and the time stamp the system's own log gives
the table change. A trial that runs out of time is recorded as a lower bound (Over), never dropped."""

import os
import random
import time
from dataclasses import dataclass, field

POLL = 0.02


@dataclass(frozen=True)
class Over:
    """A trial stopped at its time bound: the true value is above `bound` seconds."""
    bound: float
    note: str = ""


@dataclass
class Outcome:
    """The trials of one figure for one system, and what to say about trials not run."""
    trials: list = field(default_factory=list)
    note: str = ""


class Budget:
    """Time left for one system's measurements of one setup (seconds)."""

    def __init__(self, seconds):
        self.end = time.time() + seconds

    def left(self):
        return self.end - time.time()


def _key(value):
    return value.bound if isinstance(value, Over) else value


def wait_for(system, predicate, deadline):
    """Polls the system's table log until predicate(table) holds (True), the deadline passes or the
    process dies (False)."""
    while True:
        system.table.poll()
        if predicate(system.table):
            return True
        if time.time() >= deadline or not system.process.alive():
            system.table.poll()
            return predicate(system.table)
        time.sleep(POLL)


def full(live):
    return lambda table: live <= table.present


def start_trials(system, config_text, tag, live, trials, bound, budget):
    """Starts the system up to `trials` times (stopping it in between) and measures each start to the
    full table; another trial starts only while the budget has room for one more like the last. Leaves
    the last start running when it reached the full table; returns (Outcome, running?)."""
    outcome = Outcome()
    for trial in range(trials):
        if trial > 0:
            if budget.left() < _key(outcome.trials[-1]):
                outcome.note = f"{trial} trial{'s' if trial > 1 else ''} within the time budget"
                break
            system.stop()
            time.sleep(0.3)
        started = system.start(config_text, f"{tag}-start{trial}")
        if wait_for(system, full(live), started + bound):
            outcome.trials.append(system.table.last_change - started)
        else:
            in_table = len(live & system.table.present)
            outcome.trials.append(Over(time.time() - started, f"{in_table:,} of {len(live):,} in the table"))
            return outcome, False
    return outcome, True


def start_untimed(system, config_text, tag, live, bound):
    """For a system whose servers begin up (HAProxy): starts it once and waits until exactly the live
    servers are in its table (the dead ones found out). Returns (Outcome with a note, running?)."""
    started = system.start(config_text, f"{tag}-start0")
    time.sleep(1)
    settled = wait_for(system, lambda t: t.present == live, started + bound)
    note = "not comparable: its servers begin up" if settled else "did not settle on the live servers"
    return Outcome(note=note), settled


def failure_trials(system, lab, targets, kind, bound, budget):
    """Kills one live server at a time (kind: 'refused' = REJECT with reset, 'dead' = DROP), waits
    until it leaves the table, revives it (again at a random point of the cycle) and waits until it is
    back; each wait bounded by `bound`, and
    no trial started once the budget is spent. Returns (detection, recovery)."""
    kill, revive = ((lab.kill_service, lab.revive_service) if kind == "refused"
                    else (lab.kill_host, lab.revive_host))
    detection, recovery = Outcome(), Outcome()
    for target in targets:
        if budget.left() <= 0:
            detection.note = recovery.note = f"{len(detection.trials)} trial(s) within the time budget"
            break
        if not wait_for(system, lambda t: target in t.present, time.time() + bound):
            detection.note = recovery.note = f"stopped: {target} was not in the table before the trial"
            break
        time.sleep(random.uniform(0, 1))
        kill(target)
        injected = time.time()
        left = wait_for(system, lambda t: t.removed.get(target, 0) > injected and target not in t.present,
                        injected + bound)
        detection.trials.append(system.table.removed[target] - injected if left
                                else Over(time.time() - injected))
        time.sleep(random.uniform(0, 1))
        revive(target)
        revived = time.time()
        back = wait_for(system, lambda t: target in t.present, revived + bound)
        if left:
            recovery.trials.append(system.table.added[target] - revived if back
                                   else Over(time.time() - revived))
        if not back:
            detection.note = recovery.note = "stopped: the server did not come back in time"
            break
    return detection, recovery


def all_dead_trials(system, lab, reals, trials, bound, budget):
    """Kills every real server at once (one DROP rule over their address range) and measures the time
    until the last has left the table; then revives them and measures until all are back."""
    first, last = reals[0], reals[-1]
    every = set(reals)
    out, back = Outcome(), Outcome()
    for _ in range(trials):
        if budget.left() <= 0:
            out.note = back.note = f"{len(out.trials)} trial(s) within the time budget"
            break
        time.sleep(random.uniform(0, 1))
        lab.kill_range(first, last)
        injected = time.time()
        gone = wait_for(system, lambda t: not (every & t.present), injected + bound)
        if gone:
            out.trials.append(system.table.last_change - injected)
        else:
            removed = len(every) - len(every & system.table.present)
            out.trials.append(Over(time.time() - injected, f"{removed:,} of {len(every):,} out of the table"))
        time.sleep(random.uniform(0, 1))
        lab.revive_range(first, last)
        revived = time.time()
        if not gone:
            break
        if wait_for(system, full(every), revived + bound):
            back.trials.append(system.table.last_change - revived)
        else:
            returned = len(every & system.table.present)
            back.trials.append(Over(time.time() - revived, f"{returned:,} of {len(every):,} back"))
            break
    return out, back


def steady(system, lab, live, windows, window_seconds, access_log=None):
    """CPU seconds per minute over `windows` consecutive windows of steady probing, peak resident
    memory, and how regularly the real servers saw each live server probed meanwhile (nginx's log, or
    `access_log` in its format)."""
    time.sleep(2)
    access_log = access_log or lab.access_log()
    os.truncate(access_log, 0)
    begin = time.time()
    cpu = [system.process.cpu_seconds()]
    for _ in range(windows):
        time.sleep(window_seconds)
        cpu.append(system.process.cpu_seconds())
    end = time.time()
    per_minute = Outcome([(b - a) * 60 / window_seconds for a, b in zip(cpu, cpu[1:])])
    memory = Outcome([system.process.peak_rss_mib()])
    time.sleep(1.5)
    return per_minute, memory, probe_regularity(access_log, live, begin + 1.5, end - 0.5)


def probe_regularity(access_log, live, begin, end):
    """From nginx's log (msec, address, agent): probes per live server per second in [begin, end], and
    the gaps between consecutive probes of the same server (p50, p99, max, seconds)."""
    last, gaps, count = {}, [], 0
    with open(access_log) as f:
        for line in f:
            parts = line.split(" ", 2)
            if len(parts) < 2:
                continue
            at, addr = float(parts[0]), parts[1]
            if addr not in live:
                continue
            if begin <= at <= end:
                count += 1
                if addr in last:
                    gaps.append(at - last[addr])
            last[addr] = at
    gaps.sort()
    if not gaps:
        return {"rate": 0.0, "p50": None, "p99": None, "max": None}
    pick = lambda q: gaps[min(len(gaps) - 1, int(q * len(gaps)))]
    return {"rate": count / len(live) / (end - begin), "p50": pick(0.5), "p99": pick(0.99), "max": gaps[-1]}


def pick_targets(live, count, seed):
    """Distinct live servers for the single-failure trials, the same for both systems."""
    return random.Random(seed).sample(sorted(live), count)
