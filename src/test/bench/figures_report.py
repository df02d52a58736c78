"""The optional figures' tables (figures.py), in Markdown, after the main table."""

import report
from figures import RAMP_WEIGHT, SLOWSTART


def lines(results):
    """results: {(figure, n): what figures.<figure> returned}, in the order measured."""
    out = []
    for title, name, render in (("gRPC check cost", "grpc", grpc),
                                ("Slow start: every real server back at once", "slowstart", slowstart),
                                ("Runtime commands in a row", "commands", commands)):
        chosen = [(n, r) for (figure, n), r in results.items() if figure == name]
        failed = [f"- N = {n:,}: not measured: {r['failed']}" for n, r in chosen if set(r) == {"failed"}]
        chosen = [(n, r) for n, r in chosen if set(r) != {"failed"}]
        if chosen or failed:
            out += ["", f"{title}:", "", *(render(chosen) if chosen else []), *([""] if chosen and failed else []), *failed]
    return out


def _median(values):
    values = sorted(values)
    return report.median(values) if values else None


def _gaps(r):
    show = lambda v: "–" if v is None else f"{v:.2f} s"
    return f"{r['rate']:.2f} | {show(r['p99'])} | {show(r['max'])}"


def grpc(chosen):
    rows = ["jdirectord only (HAProxy has no gRPC health check): the same N real servers probed with the HTTP/1.1",
            "check (nginx), then with the gRPC check (grpc-java's health service); CPU per probe = median CPU",
            "per minute over the probes of a minute at the rate the servers saw.", "",
            "| N | check | CPU s per minute median / worst | probes per second | gap p99 | gap max | taken out meanwhile "
            "| CPU per probe |",
            "|---:|---|---|---:|---:|---:|---:|---:|"]
    for n, r in chosen:
        per_probe = {}
        for check, m in r.items():
            if "failed" in m:
                rows.append(f"| {n:,} | {check} | not measured: {m['failed']} | | | | | |")
                continue
            reg = m["regularity"]
            cpu = report.median(m["cpu"].trials)
            per_probe[check] = cpu / (n * reg["rate"] * 60) * 1e6 if reg["rate"] > 0 else None
            shown = "–" if per_probe[check] is None else f"{per_probe[check]:,.0f} µs"
            rows.append(f"| {n:,} | {check} | {report.cell(m['cpu'], 'cpu', len(m['cpu'].trials))} | {_gaps(reg)} |"
                        f" {m['dropped']:,} | {shown} |")
        if per_probe.get("HTTP/1.1") and per_probe.get("gRPC"):
            rows.append(f"| {n:,} | gRPC ÷ HTTP/1.1 | | | | | | {per_probe['gRPC'] / per_probe['HTTP/1.1']:.2f}× |")
    return rows


def slowstart(chosen):
    rows = [f"jdirectord, every real server at weight {RAMP_WEIGHT}, all killed at once (one DROP rule), then revived at once;",
            f"window: from the revival to {SLOWSTART + 2} s after the last server was back in the table. Medians over the trials.", "",
            "| N | variant | trials | CPU s per minute in the window | window | all back after | weight edits "
            "| edits per server | passes with edits | at full weight at the end |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, r in chosen:
        rates = {}
        for variant, trials in r.items():
            if isinstance(trials, dict):
                rows.append(f"| {n:,} | {variant} | 0 | not measured: {trials['failed']} | | | | | | |")
                continue
            done = [t for t in trials if "failed" not in t]
            if not done:
                rows.append(f"| {n:,} | {variant} | 0 | not measured: {trials[0]['failed']} | | | | | | |")
                continue
            med = lambda key: _median([t[key] for t in done])
            rates[variant] = _median([t["cpu"] * 60 / t["window"] for t in done])
            back = [t["back"] for t in done if t["back"] is not None]
            rows.append(f"| {n:,} | {variant} | {len(done)} | {rates[variant]:.1f} s | {med('window'):.1f} s |"
                        f" {f'{_median(back):.2f} s' if len(back) == len(done) else '> bound'} | {med('edits'):,.0f} |"
                        f" {med('edits') / n:.1f} | {med('passes'):,.0f} | {med('full_weight'):,.0f} of {n:,} |")
        if len(rates) == 2 and min(rates.values()) > 0:
            without, ramp = rates["without"], rates[f"slowstart={SLOWSTART}"]
            rows.append(f"| {n:,} | slow start's cost | | {ramp - without:+.1f} s ({ramp / without:.2f}×) | | | | | | |")
    return rows


def commands(chosen):
    rows = ["jdirectord, one command after another, alternately `weight 5 REAL` and `weight reset REAL`; daemon CPU per",
            "command net of probing = (its CPU during the run − the CPU rate of the baselines before and after it",
            "× the run's length) ÷ commands, ± the spread of the three baselines' rates over the run (the probing's noise);",
            "probes: what nginx saw from the start of the run to 2 s after its end (per live server).", "",
            "| N | client | commands | answered ok | table edits | wall per command p50 / p99 | daemon CPU per command "
            "| net of probing | probes per second | gap p99 | gap max |",
            "|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for n, r in chosen:
        bases = r["baselines"]
        for i, client in enumerate(("socket", "command line")):
            m, before, after = r[client], bases[i], bases[i + 1]
            if i == 0:
                rows.append(_baseline(n, before))
            if not m["count"]:
                rows.append(_baseline(n, after))
                continue
            rates = [b["cpu"] / b["seconds"] for b in bases]
            base_rate = (before["cpu"] + after["cpu"]) / (before["seconds"] + after["seconds"])
            spread = (max(rates) - min(rates)) * m["seconds"] / m["count"]
            walls = sorted(m["walls"])
            p99 = walls[min(len(walls) - 1, int(0.99 * len(walls)))]
            net = (m["cpu"] - base_rate * m["seconds"]) / m["count"]
            rows.append(f"| {n:,} | {client} | {m['count']:,} | {m['ok']:,} | {m['edits']:,} | {_median(walls) * 1e3:,.1f} / "
                        f"{p99 * 1e3:,.1f} ms | {m['cpu'] / m['count'] * 1e3:,.2f} ms | {net * 1e3:,.2f} ± {spread * 1e3:,.2f} ms |"
                        f" {_gaps(m['regularity'])} |")
            rows.append(_baseline(n, after))
    return rows


def _baseline(n, base):
    return (f"| {n:,} | none (probing only, {base['seconds']:.0f} s) | | | {base['edits']:,} | |"
            f" {base['cpu'] / base['seconds'] * 60:,.1f} s per minute | | {_gaps(base['regularity'])} |")
