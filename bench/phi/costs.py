"""Where the PHI guard's time goes on its slowest notes, in CPU time (steady on a shared, loaded machine).

    python -m bench.phi.costs                 # p50/p99 by wall and CPU time; each detector's CPU time
    python -m bench.phi.costs --patterns 40   # also the 40 regex calls (pattern, method, call site) costing most
    python -m bench.phi.costs --gate 40       # also what a literal gate (bench/phi/literal_gate.py) in front of each
                                              # module-level pattern would skip and save, and what its check costs
    --slowest 0.03                            # the share of notes called slowest (by CPU time), 3% unless told

The notes are those `python -m bench.phi` times (its 500-character cuts of every evaluation text); each figure is the
best of three runs, with the guard's per-text caches emptied before each scan. Figures are per slow note, in
microseconds of the process's CPU time (thread time), so other work on the machine disturbs them much less than the
wall-clock speed figure. The probes add their own cost (about a microsecond a call), which is in the figures. Prints
no text, only counts, times, module and pattern names and pattern sources."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import statistics
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import commands.phi as phi  # noqa: E402
from bench.phi.__main__ import _text_caches, load  # noqa: E402
from bench.phi.literal_gate import may_match, needs  # noqa: E402

clock = time.thread_time


def notes() -> list[str]:
    blob = " ".join(it["text"] for it in load("phi") + load("clean"))
    return [blob[i : i + 500] for i in range(0, len(blob) - 500, 500)]


def _scan_all(texts: list[str], caches: list) -> None:
    for text in texts:
        for c in caches:
            c.cache_clear()
        phi.scan(text)


def timings(texts: list[str], caches: list, repeat: int = 7) -> list[tuple[float, float, str]]:
    """(CPU seconds, wall seconds, note) per note, each the best of repeat runs."""
    out = []
    for text in texts:
        cpu = wall = float("inf")
        for _ in range(repeat):
            for c in caches:
                c.cache_clear()
            t0, c0 = time.perf_counter(), clock()
            phi.scan(text)
            cpu, wall = min(cpu, clock() - c0), min(wall, time.perf_counter() - t0)
        out.append((cpu, wall, text))
    return out


def _quantiles(values: list[float]) -> str:
    v = sorted(values)
    return f"p50 {statistics.median(v) * 1e3:.2f} ms, p99 {v[int(len(v) * 0.99)] * 1e3:.2f} ms"


def detectors(slow: list[str], caches: list) -> dict[str, float]:
    """CPU seconds per slow note in each detector _all_spans calls (and in allowed), outermost calls only."""
    spent: dict[str, float] = {}
    depth = [0]

    def probe(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            depth[0] += 1
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    spent[name] = spent.get(name, 0.0) + clock() - t0

        return timed

    names = [
        n
        for n, v in vars(phi).items()
        if isinstance(v, types.FunctionType) and (n.startswith(("find", "_find")) or n in ("allowed", "_patient_names"))
    ]
    saved = {n: getattr(phi, n) for n in names}
    best: dict[str, float] = {}
    try:
        for n in names:
            setattr(phi, n, probe(n, saved[n]))
        for _ in range(3):
            spent.clear()
            _scan_all(slow, caches)
            for n, t in spent.items():
                best[n] = min(best.get(n, float("inf")), t / len(slow))
    finally:
        for n in names:
            setattr(phi, n, saved[n])
    return best


def _regex_calls(slow: list[str], caches: list) -> dict[tuple[int, str, str], list[Any]]:
    """CPU seconds and calls of each regex method call site over one scan of the slow notes."""
    spent: dict[tuple[int, str, str], list[Any]] = {}
    stack: list[Any] = []

    def hook(frame: Any, event: str, arg: Any) -> None:
        if event == "c_call":
            rx = getattr(arg, "__self__", None)
            if isinstance(rx, re.Pattern):
                where = f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"
                stack.append((rx, arg.__name__, where, clock()))
            else:
                stack.append(None)
        elif event in ("c_return", "c_exception") and stack:
            top = stack.pop()
            if top is not None:
                rx, method, where, t0 = top
                row = spent.setdefault((id(rx), method, where), [0.0, 0, rx])
                row[0] += clock() - t0
                row[1] += 1

    sys.setprofile(hook)
    try:
        _scan_all(slow, caches)
    finally:
        sys.setprofile(None)
    return spent


def patterns(slow: list[str], caches: list) -> list[tuple[float, float, str, str, re.Pattern[str]]]:
    """(CPU seconds, calls) per slow note of each regex method call site, the best of three runs."""
    best: dict[tuple[int, str, str], tuple[float, float, re.Pattern[str]]] = {}
    for _ in range(3):
        for key, (t, n, rx) in _regex_calls(slow, caches).items():
            if key not in best or t / len(slow) < best[key][0]:
                best[key] = (t / len(slow), n / len(slow), rx)
    return sorted(((t, n, method, where, rx) for (_, method, where), (t, n, rx) in best.items()), key=lambda r: -r[0])


class _Probe:
    """Stands in for a module-level pattern: times each call, and what a literal gate would have skipped."""

    def __init__(self, rx: re.Pattern[str], need: Any) -> None:
        self.rx, self.need = rx, need
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex
        self.calls = self.skips = 0
        self.spent = self.saved = self.check = 0.0

    def _call(self, method: str, text: str, *args: Any, **kwargs: Any) -> Any:
        t0 = clock()
        out = getattr(self.rx, method)(text, *args, **kwargs)
        t1 = clock()
        self.calls += 1
        self.spent += t1 - t0
        if self.need is not None and method not in ("match", "fullmatch") and not kwargs:
            # (a literal anywhere in the text says little of a match at one place: match calls are not gated)
            ok = may_match(self.need, text, *args)
            self.check += clock() - t1
            if not ok:
                self.skips += 1
                self.saved += t1 - t0
        return out

    def __getattr__(self, method: str) -> Callable[..., Any]:
        if method not in ("search", "match", "fullmatch", "finditer", "findall", "split"):
            return getattr(self.rx, method)
        return lambda text, *args, **kwargs: self._call(method, text, *args, **kwargs)

    def sub(self, repl: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        return self.rx.sub(repl, text, *args, **kwargs)


# Patterns the guard compares by identity ("m.re is _FOR_OPENING", "rx is _WITH_AGE") or keeps in tables built at
# import: a stand-in put in their module's name would change what the guard does, so they are left as they are.
_BY_IDENTITY = {
    ("narrative", "_FOR_OPENING"),
    ("narrative", "_FOR_AT_STOP"),
    ("narrative", "_WITH_AGE"),
    ("names", "_NAME_THEN_VERB"),
    ("names", "_PT_WHERE_NAME"),
}


def gate(slow: list[str], caches: list) -> tuple[list[tuple[str, _Probe]], int]:
    """The probes, by module and name, after a scan of the slow notes; and how many notes' findings the stand-ins
    changed (0, or a pattern is used by identity and belongs in _BY_IDENTITY)."""
    before = [phi.scan(text) for text in slow]
    probes: dict[int, _Probe] = {}
    where: dict[int, str] = {}
    replaced: list[tuple[types.ModuleType, str, re.Pattern[str]]] = []
    for info in pkgutil.iter_modules(phi.__path__):
        module = importlib.import_module(f"commands.phi.{info.name}")
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern) and (info.name, name) not in _BY_IDENTITY:
                if id(value) not in probes:
                    probes[id(value)] = _Probe(value, needs(value))
                    where[id(value)] = f"{info.name}.{name}"
                replaced.append((module, name, value))
                setattr(module, name, probes[id(value)])
    try:
        changed = 0
        for text, found in zip(slow, before, strict=True):
            for c in caches:
                c.cache_clear()
            changed += phi.scan(text) != found
    finally:
        for module, name, value in replaced:
            setattr(module, name, value)
    return [(where[k], p) for k, p in probes.items()], changed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--slowest", type=float, default=0.03)
    ap.add_argument("--patterns", type=int, default=0)
    ap.add_argument("--gate", type=int, default=0)
    args = ap.parse_args()
    texts = notes()
    for text in texts[:20]:
        phi.scan(text)
    caches = _text_caches()
    timed = timings(texts, caches)
    load_now = os.getloadavg()[0]
    print(
        f"{len(texts)} notes of 500 characters: CPU time {_quantiles([c for c, _, _ in timed])}; wall time "
        f"{_quantiles([w for _, w, _ in timed])} (best of 7 each; load average {load_now:.1f} on {os.cpu_count()} cores)"
    )
    timed.sort(key=lambda r: r[0])
    slow = [text for _, _, text in timed[-max(1, int(len(timed) * args.slowest)) :]]
    per = detectors(slow, caches)
    print(f"the slowest {len(slow)} notes ({args.slowest:.0%}), CPU time per note in each detector (best of 3):")
    for name, t in sorted(per.items(), key=lambda kv: -kv[1]):
        if t >= 5e-6:
            print(f"    {name:<28} {t * 1e6:7.0f} us")
    if args.patterns:
        rows = patterns(slow, caches)
        total = sum(r[0] for r in rows)
        calls = sum(r[1] for r in rows)
        print(f"regex calls on those notes: {calls:.0f} per note, {total * 1e3:.2f} ms per note; the costliest:")
        for t, n, method, where, rx in rows[: args.patterns]:
            source = rx.pattern[:70].replace("\n", "\\n")
            print(f"    {t * 1e6:6.1f} us {n:5.1f} calls  {method:<9} {where:<24} {source}")
    if args.gate:
        probes, changed = gate(slow, caches)
        n = len(slow)
        saved = sum(p.saved for _, p in probes) / n
        check = sum(p.check for _, p in probes) / n
        print(
            f"a literal gate in front of every module-level pattern would save {saved * 1e6:.0f} us per slow note "
            f"and its checks cost {check * 1e6:.0f} us (findings changed by the probes: {changed} notes); by saving:"
        )
        for name, p in sorted(probes, key=lambda r: -r[1].saved)[: args.gate]:
            print(
                f"    {name:<36} {p.spent / n * 1e6:5.0f} us {p.calls / n:5.1f} calls, skips {p.skips / n:4.1f} "
                f"saving {p.saved / n * 1e6:4.0f} us, checks {p.check / n * 1e6:4.0f} us"
            )


if __name__ == "__main__":
    main()
