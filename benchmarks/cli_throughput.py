"""Measure `textclean normalize --jsonl --workers N` as a program: wall time, MB/s and peak memory.

    python -m benchmarks.cli_throughput                                  # 50 MB, --workers 1 and 2
    python -m benchmarks.cli_throughput --sizes-mb 50 500 --workers 2    # does memory grow with the input?

For each size a JSONL corpus is generated from the seeds (``benchmarks/corpus.py``; kept in
``--work-dir`` and reused when given) and cleaned once per ``--workers`` value by the command line
in a child process, with this interpreter. Reported per run: wall time, input MB/s, speed-up over
the first ``--workers`` value, the peak resident memory of the largest process (exact, from the
kernel's accounting of the child and its workers) and, with psutil installed, the peak of the sum
over all the processes (sampled every 50 ms).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus


@dataclass(frozen=True)
class Measure:
    size_mb: float
    workers: int
    seconds: float
    input_mb: float
    largest_rss_mb: float
    total_rss_mb: float | None


class TreeMemory:
    """Samples the summed resident memory of a process and its descendants, in a thread, when psutil exists."""

    def __init__(self, pid: int) -> None:
        self.peak: float | None = None
        try:
            import psutil
        except ImportError:
            return
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(psutil, pid), daemon=True)
        self._thread.start()

    def _sample(self, psutil: object, pid: int) -> None:
        process_class = psutil.Process  # type: ignore[attr-defined]
        errors = (psutil.NoSuchProcess, psutil.AccessDenied)  # type: ignore[attr-defined]
        while not self._stop.is_set():
            try:
                root = process_class(pid)
                total = 0
                for process in [root, *root.children(recursive=True)]:
                    try:
                        total += process.memory_info().rss
                    except errors:
                        continue
                self.peak = max(self.peak or 0.0, total / 1e6)
            except errors:
                return
            self._stop.wait(0.05)

    def stop(self) -> float | None:
        if self.peak is not None:
            self._stop.set()
            self._thread.join()
        return self.peak


def run_cli(path: Path, output: Path, workers: int, steps: str | None) -> tuple[float, float, float | None]:
    """Clean ``path`` with the command line; return (seconds, peak RSS of the largest process, summed peak)."""
    command = [sys.executable, "-m", "textclean", "normalize", str(path), "--jsonl", "--workers", str(workers)]
    command += ["-o", str(output), "--quiet"]
    if steps:
        command += ["--steps", steps]
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
        sampler = TreeMemory(process.pid)
        assert process.stderr is not None
        errors = process.stderr.read()
        # wait4, unlike wait, also returns the child's resource usage: its peak RSS, or that of the
        # largest of its own children (the workers) if that was larger
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        total = sampler.stop()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{errors.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024, total  # ru_maxrss is in KiB on Linux


def corpus_file(work_dir: Path, size_mb: float, seed: int) -> Path:
    """The generated corpus of that size, made unless the work folder has it already."""
    path = work_dir / f"corpus-{size_mb:g}MB-seed{seed}.jsonl"
    if not path.exists():
        print(f"generating {path} ...", file=sys.stderr)
        partial = path.with_suffix(".part")
        corpus.write_jsonl(partial, int(size_mb * 1e6), seed)
        partial.replace(path)
    return path


def measure(sizes: list[float], workers: list[int], work_dir: Path, seed: int, steps: str | None) -> list[Measure]:
    results = []
    for size in sizes:
        path = corpus_file(work_dir, size, seed)
        input_mb = path.stat().st_size / 1e6
        for count in workers:
            print(f"cleaning {path.name} with --workers {count} ...", file=sys.stderr)
            seconds, largest, total = run_cli(path, work_dir / "cleaned.jsonl", count, steps)
            results.append(Measure(size, count, seconds, input_mb, largest, total))
    return results


def table(results: list[Measure]) -> str:
    first: dict[float, float] = {}
    lines = [
        "| input | workers | wall time | MB/s | speed-up | peak RSS, largest process | peak RSS, all processes |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for m in results:
        rate = m.input_mb / m.seconds
        first.setdefault(m.size_mb, rate)
        total = "n/a (no psutil)" if m.total_rss_mb is None else f"{m.total_rss_mb:.0f} MB"
        lines.append(
            f"| {m.input_mb:.0f} MB | {m.workers} | {m.seconds:.1f} s | {rate:.2f} | {rate / first[m.size_mb]:.2f}x "
            f"| {m.largest_rss_mb:.0f} MB | {total} |"
        )
    by_workers: dict[int, list[Measure]] = {}
    for m in results:
        by_workers.setdefault(m.workers, []).append(m)
    for count, runs in by_workers.items():
        if len(runs) > 1:
            small, large = min(runs, key=lambda m: m.input_mb), max(runs, key=lambda m: m.input_mb)
            growth = large.largest_rss_mb / small.largest_rss_mb
            lines.append(
                f"\nWith --workers {count}, the largest process peaked at {growth:.2f}x the memory on "
                f"{large.input_mb:.0f} MB of input that it used on {small.input_mb:.0f} MB."
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[50.0], help="corpus sizes (default: 50)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="--workers values (default: 1 2)")
    parser.add_argument("--steps", help="passed to the command line's --steps (default: the default pipeline)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpus (default: 0)")
    parser.add_argument("--work-dir", type=Path, help="keep the generated corpora here, to reuse (default: a temp dir)")
    parser.add_argument("--out", type=Path, help="also write the markdown table to this file")
    args = parser.parse_args(argv)
    if any(size <= 0 for size in args.sizes_mb) or any(count < 1 for count in args.workers):
        parser.error("sizes must be above 0 and --workers values at least 1")
    if args.work_dir is not None:
        args.work_dir.mkdir(parents=True, exist_ok=True)
        results = measure(args.sizes_mb, args.workers, args.work_dir, args.seed, args.steps)
    else:
        with tempfile.TemporaryDirectory(prefix="textclean-bench-") as folder:
            results = measure(args.sizes_mb, args.workers, Path(folder), args.seed, args.steps)
    markdown = table(results)
    print(markdown)
    if args.out is not None:
        args.out.write_text(markdown + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
