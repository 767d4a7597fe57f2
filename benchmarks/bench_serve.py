"""The web check under load, on loopback only: 50 uploads of a typical form from 10
concurrent clients against ``formkit serve`` in its own process.

    python benchmarks/bench_serve.py [--uploads 50] [--clients 10] [--write]

Reports: every answer correct (same JSON as ``formkit check --json``), the server time
per request (its ``Server-Timing`` header: receive, check in a worker, answer) as median
and 95th percentile, the wall time seen by clients, and the peak resident memory of the
server and its workers together (sampled every 20 ms from /proc). The loop is bounded in
count; the server is stopped at the end. With ``--write`` the numbers replace the
"## Web check" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Web check"
TYPICAL = ROOT / "samples" / "inbox" / "太原市" / "太原试点产业园区" / "申报信息表.docx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_tree(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError):
            continue
    return total


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, rss_tree(self.pid))


def expected_json() -> str:
    from formkit.pipeline import check

    cwd = os.getcwd()
    os.chdir(TYPICAL.parent)
    try:
        results = check([TYPICAL.name])
    finally:
        os.chdir(cwd)
    return json.dumps([r.to_dict("zh") for r in results], ensure_ascii=False, indent=2)


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-c",
        "from formkit.cli.serve import serve_cmd; serve_cmd()",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).text == "ok":
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("formkit serve did not start")


def one_upload(url: str, data: bytes) -> tuple[str, float, float]:
    started = time.perf_counter()
    answer = httpx.post(url, files=[("files", (TYPICAL.name, data))], timeout=120)
    wall = time.perf_counter() - started
    server = float(answer.headers["server-timing"].split("dur=")[1]) / 1000
    return answer.text, server, wall


def run(uploads: int, clients: int, workers: int) -> dict[str, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/api/check"
    data, expected = TYPICAL.read_bytes(), expected_json()
    proc = start_server(port, workers)
    sampler = Sampler(proc.pid)
    try:
        idle = rss_tree(proc.pid)
        sampler.start()
        one_upload(url, data)  # warm-up
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            answers = list(pool.map(lambda _: one_upload(url, data), range(uploads)))
        elapsed = time.perf_counter() - started
        single = [one_upload(url, data)[1] for _ in range(10)]
    finally:
        sampler.stop.set()
        proc.terminate()
        proc.wait(timeout=30)
    server = sorted(a[1] for a in answers)
    return {
        "correct": sum(a[0] == expected for a in answers),
        "uploads": uploads,
        "clients": clients,
        "workers": workers,
        "elapsed": elapsed,
        "median": statistics.median(server),
        "p95": server[int(0.95 * (len(server) - 1))],
        "wall_median": statistics.median(a[2] for a in answers),
        "single_median": statistics.median(single),
        "idle_mb": idle / 2**20,
        "peak_mb": sampler.peak / 2**20,
    }


def report(r: dict[str, float]) -> str:
    today = dt.date.today().isoformat()
    return "\n".join([
        HEADING, "",
        f"`python benchmarks/bench_serve.py` ({today}, {platform.python_version()}, "
        f"{os.cpu_count()} cores; `formkit serve --workers {r['workers']:.0f}` on 127.0.0.1, "
        f"typical form: `{TYPICAL.relative_to(ROOT)}`, {TYPICAL.stat().st_size // 1024} KB).", "",
        "| measure | value |", "|---|---|",
        f"| answers identical to `check --json` | {r['correct']:.0f} / {r['uploads']:.0f} |",
        f"| {r['uploads']:.0f} uploads from {r['clients']:.0f} concurrent clients, total | "
        f"{r['elapsed']:.2f} s ({r['uploads'] / r['elapsed']:.1f} uploads/s) |",
        f"| server time under load, median / p95 | {r['median'] * 1000:.0f} / "
        f"{r['p95'] * 1000:.0f} ms (queued behind the {r['workers']:.0f} workers) |",
        f"| client wall time under load, median | {r['wall_median'] * 1000:.0f} ms |",
        f"| server time for one form alone, median of 10 | {r['single_median'] * 1000:.0f} ms |",
        f"| memory (server + workers, RSS): idle / peak | {r['idle_mb']:.0f} / "
        f"{r['peak_mb']:.0f} MB |", "",
    ])  # fmt: skip


def write(section: str) -> None:
    current = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmarks\n"
    if HEADING in current:
        start = current.index(HEADING)
        nxt = current.find("\n## ", start + len(HEADING))
        end = len(current) if nxt < 0 else nxt + 1
        current = current[:start] + section + current[end:]
    else:
        current = current.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(current, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    section = report(run(min(args.uploads, 500), min(args.clients, 50), args.workers))
    print(section)
    if args.write:
        write(section)


if __name__ == "__main__":
    main()
