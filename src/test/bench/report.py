"""Median and worst of each figure, the ratios between the systems, the target, printed as a Markdown table."""

from measure import Over


def _key(value):
    return value.bound if isinstance(value, Over) else value


def median(trials):
    """The median trial; a lower bound (Over) when the median trial ran out of time."""
    ordered = sorted(trials, key=_key)
    n = len(ordered)
    if n == 0:
        return None
    if n % 2:
        return ordered[n // 2]
    a, b = ordered[n // 2 - 1], ordered[n // 2]
    mean = (_key(a) + _key(b)) / 2
    return Over(mean) if isinstance(a, Over) or isinstance(b, Over) else mean


def worst(trials):
    """The largest trial; a lower bound when any trial ran out of time."""
    if not trials:
        return None
    top = max(_key(t) for t in trials)
    return Over(top) if any(isinstance(t, Over) for t in trials) else top


def fmt(value, unit):
    if value is None:
        return "–"
    prefix, number = (">", value.bound) if isinstance(value, Over) else ("", value)
    if unit == "s":
        text = f"{number:.2f} s" if number < 100 else f"{number:,.0f} s"
    elif unit == "MiB":
        text = f"{number:,.0f} MiB"
    elif unit == "cpu":
        text = f"{number:.1f} s"
    else:
        text = f"{number:.2f}"
    return prefix + text


def cell(outcome, unit, planned):
    if outcome is None or not outcome.trials:
        return "not measured"
    m, w = median(outcome.trials), worst(outcome.trials)
    text = fmt(m, unit) if len(outcome.trials) == 1 else f"{fmt(m, unit)} / {fmt(w, unit)}"
    if len(outcome.trials) < planned:
        text += f" ({len(outcome.trials)} trial{'s' if len(outcome.trials) > 1 else ''})"
    return text


def ratio(base, other):
    """other's median over base's, e.g. "12.5×"; "–" when either is missing."""
    if base is None or other is None or not base.trials or not other.trials:
        return "–"
    a, b = median(base.trials), median(other.trials)
    if isinstance(a, Over) or _key(a) <= 0:
        return "–"
    return (">" if isinstance(b, Over) else "") + f"{_key(b) / _key(a):,.1f}×"


def verdict(outcome, target):
    """Whether the worst jdirectord trial is within the target (None: no target for this figure)."""
    if target is None or outcome is None or not outcome.trials:
        return ""
    w = worst(outcome.trials)
    return "yes" if not isinstance(w, Over) and w <= target else "**no**"


def table(rows, planned):
    """rows: dicts with figure, n, k, unit, jd, ld, hap (Outcome or None), target (number or None),
    target_text. The ratios are ldirectord's median over jdirectord's, and jdirectord's over HAProxy's.
    Returns the Markdown table and the notes collected from the outcomes."""
    lines = ["| figure | N | dead | jdirectord median / worst | ldirectord median / worst | ldirectord ÷ jdirectord | "
             "HAProxy median / worst | jdirectord ÷ HAProxy | target (jdirectord) | met |",
             "|---|---:|---:|---|---|---:|---|---:|---|---|"]
    notes = []
    for r in rows:
        for system, outcome in (("jdirectord", r["jd"]), ("ldirectord", r["ld"]), ("HAProxy", r.get("hap"))):
            for trial in (outcome.trials if outcome else []):
                if isinstance(trial, Over) and trial.note:
                    notes.append(f"{r['figure']}, N = {r['n']:,} with {r['k']:,} dead, {system}: stopped after "
                                 f"{trial.bound:.0f} s with {trial.note}")
            if outcome and outcome.note:
                notes.append(f"{r['figure']}, N = {r['n']:,} with {r['k']:,} dead, {system}: {outcome.note}")
        lines.append(f"| {r['figure']} | {r['n']:,} | {r['k']:,} | {cell(r['jd'], r['unit'], planned)} | "
                     f"{cell(r['ld'], r['unit'], planned)} | {ratio(r['jd'], r['ld'])} | "
                     f"{cell(r.get('hap'), r['unit'], planned)} | {ratio(r.get('hap'), r['jd'])} | "
                     f"{r.get('target_text', '')} | {verdict(r['jd'], r.get('target'))} |")
    return "\n".join(lines), notes
