"""Run a command as a real subprocess and measure what it cost: wall time and the peak resident
memory of every process it started (the ingest reads each file in a child of a fork server, so
the parent's own rusage would miss it). Sampled from /proc every 20 ms."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[2]


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the largest resident size any one process of the tree reached


def reportqa(data_dir: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120) -> Run:
    """`reportqa --data-dir DATA ARGS…` in a fresh interpreter, measured."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "OMP_WAIT_POLICY": "PASSIVE",
                "REPORTQA_EMBEDDER": "fake", **(env or {})}
    cmd = [sys.executable, "-c", "import sys; from ui.cli import cli; cli(sys.argv[1:], prog_name=\"reportqa\")",
           "--data-dir", str(data_dir), *args]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], max((_rss_mb(p) for p in _tree(proc.pid)), default=0.0))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        done.set()
        sampler.join()
        if proc.poll() is None:
            proc.kill()
    return Run(proc.returncode, out, err, time.monotonic() - start, peak[0])


def _tree(root: int) -> list[int]:
    """`root` and all its descendants now alive."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
