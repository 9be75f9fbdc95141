"""Summarise a py-spy profile (``py-spy record --format raw``, collapsed stacks): the share of
samples on top of each package and function (self), and under each of the project's own
functions (inclusive), with idle waits left out.

    .venv/bin/python -m bench.profile bench/results/profile-park_detail_200-*.txt [--top 40]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^()]*):(?P<line>\d+)\)$")
# Frames where a thread waits for work, not doing any: samples ending there are idle.
IDLE = ("Condition.wait", "Queue.get", "EpollSelector.select", "select ", "Event.wait")


def _parse(frame: str) -> tuple[str, str]:
    """(function, file relative to site-packages or the project) of one frame."""
    m = _FRAME.match(frame)
    if not m:
        return frame, ""
    path = m["file"].split("site-packages/")[-1].split("/work/main/")[-1]
    return m["func"], path


def _package(path: str) -> str:
    """What a file belongs to: the project's domain (backend/parks), a library (sqlalchemy), or
    the standard library module (threading)."""
    if path.startswith("backend/"):
        return "/".join(path.split("/")[:2]).removesuffix(".py")
    if "/lib/python" in path:
        return path.rsplit("/", 1)[-1].removesuffix(".py")
    return path.split("/", 1)[0].removesuffix(".py") or "?"


def summarise(path: Path, top: int = 40) -> list[str]:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    packages: Counter[str] = Counter()
    total = idle = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        frames = [_parse(f) for f in stack.split(";")]
        names = [f"{func} ({file})" for func, file in frames]
        if any(names[-1].startswith(i) for i in IDLE):
            idle += n
            continue
        total += n
        for name in {
            x for x, (_, file) in zip(names, frames, strict=True) if file.startswith("backend/")
        }:
            inclusive[name] += n
        own[names[-1]] += n
        packages[_package(frames[-1][1])] += n
    if not total:
        return ["no busy samples"]
    out = [f"{total} samples of threads holding the GIL ({idle} idle left out)", ""]
    out += ["self time by package (where the CPU is spent):"]
    out += [f"  {100 * v / total:5.1f}%  {k}" for k, v in packages.most_common(top // 2)]
    out += ["", "inclusive, the project's own functions:"]
    out += [f"  {100 * v / total:5.1f}%  {k}" for k, v in inclusive.most_common(top // 2)]
    out += ["", "self, by function:"]
    out += [f"  {100 * v / total:5.1f}%  {k}" for k, v in own.most_common(top)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    print("\n".join(summarise(args.file, args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
