"""Instructions per source line of the Rust core, inlined code included.

``callgrind_annotate`` charges the work of inlined helpers (``str`` slicing, iterator
adapters, hashing) to the library files they come from, so a hot rule shows up as
"core/src/str/traits.rs" rather than as its own line. This script reads a callgrind
profile recorded per instruction, asks ``addr2line -i`` for each instruction's chain of
inlined frames, and charges the instruction to the innermost frame that is a file of
this repository (``src/``): the project line that did the work.

Usage (from the repository root; ``addr2line`` is in binutils)::

    CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release --example dump_pipeline
    valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file=cg.out \\
        target/release/examples/dump_pipeline DOCS.jsonl --quiet
    python bench/line_profile.py cg.out target/release/examples/dump_pipeline \\
        [--function newsframe::segment::segment] [--lines 40] [--top 30000]

``--function`` keeps the instructions of functions whose name contains it (default: every
``newsframe::`` function; a function's own instructions, not its callees'). ``--top`` is
how many of the costliest instruction addresses are looked up (the rest are left out of
the lines but counted in the total). Build without the debug setting again afterwards:
the line tables change nothing in the code, but the profile setting is part of cargo's
fingerprint.
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
from typing import Counter, Dict, Optional

NAME = re.compile(r"(?:c?fn|c?ob)=\((\d+)\)(?: (.*))?")


def instruction_costs(path: str, function: str, binary_name: str) -> Counter[int]:
    """Own Ir per instruction address of the matching functions of ``binary_name``."""
    fns: Dict[str, str] = {}
    obs: Dict[str, str] = {}
    fn: Optional[str] = None
    ob: Optional[str] = None
    addr = 0
    call_cost_next = False
    costs: Counter[int] = collections.Counter()
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line:
                continue
            head = line.split("=", 1)[0]
            if head in ("fn", "cfn", "ob", "cob"):
                m = NAME.match(line)
                if m:
                    table = fns if head.endswith("fn") else obs
                    if m.group(2):
                        table[m.group(1)] = m.group(2)
                    if head == "fn":
                        fn = fns.get(m.group(1))
                    elif head == "ob":
                        ob = obs.get(m.group(1))
                continue
            if line.startswith("calls="):
                call_cost_next = True  # the next cost line is the call's, not own work
                continue
            if line[0] not in "0123456789+-*":
                continue
            parts = line.split()
            a = parts[0]
            if a.startswith("0x"):
                addr = int(a, 16)
            elif a[0] in "+-":
                step = int(a[1:], 16) if a[1:].startswith("0x") else int(a[1:])
                addr += step if a[0] == "+" else -step
            if call_cost_next:
                call_cost_next = False
                continue
            if len(parts) >= 3 and fn and function in fn and ob and ob.endswith(binary_name):
                costs[addr] += int(parts[2])
    return costs


def project_lines(binary: str, costs: Counter[int], top: int) -> Counter[str]:
    """The costs of the ``top`` costliest addresses, by project source line."""
    addrs = [a for a, _ in costs.most_common(top)]
    out = subprocess.run(
        ["addr2line", "-i", "-a", "-e", binary, *[hex(a) for a in addrs]],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    by_line: Counter[str] = collections.Counter()
    current: Optional[int] = None
    frames: list = []

    def flush() -> None:
        if current is None:
            return
        own = [f for f in frames if "/src/" in f and "/rustc/" not in f and "/.cargo/" not in f]
        key = ("src/" + own[0].split("/src/", 1)[1]) if own else (frames[0] if frames else "?")
        by_line[key] += costs[current]

    for line in out.splitlines():
        if line.startswith("0x"):
            flush()
            current, frames = int(line, 16), []
        else:
            frames.append(line)
    flush()
    return by_line


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("profile", help="callgrind output recorded with --dump-instr=yes")
    p.add_argument("binary", help="the profiled binary, built with line tables")
    p.add_argument("--function", default="newsframe::", help="substring of the function names kept")
    p.add_argument("--lines", type=int, default=40, help="how many lines to print")
    p.add_argument("--top", type=int, default=30000, help="how many addresses to look up")
    args = p.parse_args()
    costs = instruction_costs(args.profile, args.function, args.binary.rsplit("/", 1)[-1])
    print(f"{sum(costs.values()):,} Ir in {len(costs):,} instructions of {args.function!r}")
    for where, ir in project_lines(args.binary, costs, args.top).most_common(args.lines):
        print(f"{ir:>14,}  {where}")


if __name__ == "__main__":
    main()
