"""The review registry: a SQLite file (stdlib sqlite3, WAL) that remembers every file seen,
what it contained and what was found, so a second run re-reads only what changed and an
interrupted run resumes where it stopped.

Schema versions are numbered with ``PRAGMA user_version``; :data:`MIGRATIONS` upgrades an
older file in place, and a newer file than this formkit knows is refused.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from formkit.jobs.entries import Entry, StoredFile
from formkit.model.errors import OutputFileError

if TYPE_CHECKING:  # the stored shape only; the registry does not load the reading pipeline
    from formkit.pipeline import ResultData

Migration = str | Callable[[sqlite3.Connection], None]  # SQL statements, or a step in Python


def _rounds_as_data(db: sqlite3.Connection) -> None:
    """Round snapshots (``meta`` ``round:N``) whose issues carry rendered words: their params
    cannot be recovered, so each issue keeps the words it was shown with as ``wording`` beside
    its meaning (code, field, document, place), by which rounds are compared."""
    rows = db.execute("SELECT key, value FROM meta WHERE key GLOB 'round:[0-9]*'").fetchall()
    for key, value in rows:
        try:
            snapshot = json.loads(value)
            zones = list(snapshot.values())
        except (ValueError, AttributeError):
            continue  # not a snapshot formkit wrote: refused when a round needs it
        for zone in zones:
            for issue in zone.get("issues", []) if isinstance(zone, dict) else []:
                if "message" in issue:
                    issue["wording"] = issue.pop("message")
                issue.setdefault("params", {})
                issue.setdefault("severity_override", None)
        text = json.dumps(snapshot, ensure_ascii=False, sort_keys=True)
        db.execute("UPDATE meta SET value=? WHERE key=?", (text, key))


MIGRATIONS: tuple[Migration, ...] = (
    # 1: files, their parsed results, findings, dossiers, runs
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY, started REAL NOT NULL, finished REAL,
        inbox TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'running',
        files_seen INTEGER DEFAULT 0, files_read INTEGER DEFAULT 0
    );
    CREATE TABLE files (
        path TEXT PRIMARY KEY,            -- relative to the inbox, '/' separated
        sha256 TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
        run_id INTEGER REFERENCES runs(id), seen_run INTEGER
    );
    CREATE TABLE records (
        path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
        member TEXT NOT NULL,             -- file name as shown (archive!member)
        ordinal INTEGER NOT NULL,
        form TEXT, unreadable INTEGER NOT NULL, result TEXT NOT NULL,  -- JSON
        PRIMARY KEY (path, ordinal)
    );
    CREATE TABLE findings (
        path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
        member TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL,
        field TEXT, location TEXT, message TEXT NOT NULL
    );
    CREATE TABLE dossiers (
        zone_key TEXT PRIMARY KEY, city TEXT, zone_name TEXT, status TEXT,
        errors INTEGER, warnings INTEGER, summary TEXT  -- JSON
    );
    CREATE INDEX findings_path ON findings(path);
    """,
    # 2: when each archive member was made (version order), settings that decide whether
    # stored results are still valid, and the outputs written (skipped when unchanged)
    """
    ALTER TABLE records ADD COLUMN received TEXT;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE outputs (
        path TEXT PRIMARY KEY,            -- relative to the output folder
        digest TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL
    );
    """,
    # 3: the cycle after the approved list (formkit monitor / evaluate): one row per zone and
    # reporting period of each kind (progress, self_eval), kept across runs
    """
    CREATE TABLE cycle_reports (
        kind TEXT NOT NULL, zone TEXT NOT NULL, year INTEGER NOT NULL, period TEXT NOT NULL,
        file TEXT NOT NULL, sha256 TEXT NOT NULL, fill_date TEXT, data TEXT NOT NULL,  -- JSON
        PRIMARY KEY (kind, zone, year, period)
    );
    """,
    # 4: findings stored as data (code, params, place, severity override), never as rendered
    # words, so outputs render them in any language and a wording fix reaches stored results.
    # Results stored before carry messages only: forgetting the settings they were read with
    # makes the next batch read every file again (``fingerprint``), so none is misread.
    """
    DELETE FROM meta WHERE key = 'fingerprint';
    DROP TABLE findings;
    CREATE TABLE findings (
        path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
        member TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL,
        severity_override TEXT, field TEXT, location TEXT, params TEXT NOT NULL  -- JSON
    );
    CREATE INDEX findings_path ON findings(path);
    """,
    # 5: round snapshots keep issues as data (code, params, place) too
    _rounds_as_data,
)


def _whole(result: ResultData) -> dict[str, object]:
    return cast("dict[str, Any]", result)


class Registry:
    """A thin layer over the SQLite file; one instance per process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise OutputFileError(
                "registry-unopenable", path=str(self.path), detail=str(exc)
            ) from exc
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise OutputFileError("registry-newer", path=str(self.path), version=version)
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                if callable(script):
                    script(self.db)
                else:
                    for statement in script.split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # --- runs -------------------------------------------------------------------------
    def start_run(self, inbox: str) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO runs(started, inbox) VALUES (?, ?)", (time.time(), inbox))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, seen: int, read: int) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished=?, status='done', files_seen=?, files_read=? WHERE id=?",
                (time.time(), seen, read, run_id),
            )

    # --- files ------------------------------------------------------------------------
    def known(self) -> dict[str, StoredFile]:
        rows = self.db.execute("SELECT path, sha256, size, mtime_ns FROM files")
        return {
            r["path"]: StoredFile(r["path"], r["sha256"], r["size"], r["mtime_ns"]) for r in rows
        }

    def touch(self, stored: StoredFile, run_id: int) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE files SET mtime_ns=?, seen_run=? WHERE path=?",
                (stored.mtime_ns, run_id, stored.path),
            )

    def store(
        self,
        stored: StoredFile,
        run_id: int,
        results: Sequence[ResultData],
        unreadable: list[bool],
        received: list[str | None] | None = None,
    ) -> None:
        """Replace everything known about one inbox file in one transaction."""
        times = received or [None] * len(results)
        with self.transaction() as db:
            db.execute("DELETE FROM files WHERE path=?", (stored.path,))
            db.execute(
                "INSERT INTO files(path, sha256, size, mtime_ns, run_id, seen_run) "
                "VALUES (?,?,?,?,?,?)",
                (stored.path, stored.sha256, stored.size, stored.mtime_ns, run_id, run_id),
            )
            rows = zip(results, unreadable, times, strict=True)
            for ordinal, (result, bad, when) in enumerate(rows):
                db.execute(
                    "INSERT INTO records(path, member, ordinal, form, unreadable, result, received)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (
                        stored.path,
                        result["file"],
                        ordinal,
                        result.get("form"),
                        int(bad),
                        json.dumps(result, ensure_ascii=False, sort_keys=True),
                        when,
                    ),
                )
                db.executemany(
                    "INSERT INTO findings(path, member, code, severity, severity_override, field,"
                    " location, params) VALUES (?,?,?,?,?,?,?,?)",
                    [
                        (
                            stored.path,
                            result["file"],
                            f["code"],
                            f["severity"],
                            f.get("severity_override"),
                            f.get("field"),
                            f.get("location"),
                            json.dumps(f.get("params") or {}, ensure_ascii=False, sort_keys=True),
                        )
                        for f in result.get("findings", [])
                    ],
                )

    def forget_missing(self, present: set[str]) -> int:
        gone = [p for p in self.known() if p not in present]
        with self.transaction() as db:
            db.executemany("DELETE FROM files WHERE path=?", [(p,) for p in gone])
        return len(gone)

    def results(self) -> list[tuple[str, ResultData]]:
        """Every stored result as (inbox path, result dict), in a stable order."""
        rows = self.db.execute("SELECT path, result FROM records ORDER BY path, ordinal")
        return [(r["path"], cast("ResultData", json.loads(r["result"]))) for r in rows]

    def entries(self, keep: Callable[[ResultData], dict[str, object]] | None = None) -> list[Entry]:
        """Every stored result with its file's facts, in a stable order. ``keep`` cuts each
        result down to what the caller uses as it is read, row by row, so a large registry's
        unused parts (plan section texts, …) never sit in memory together."""
        cut = keep or _whole
        rows = self.db.execute(
            "SELECT r.path, r.ordinal, r.result, r.unreadable, r.received, f.mtime_ns, f.sha256,"
            " f.size FROM records r JOIN files f ON f.path = r.path ORDER BY r.path, r.ordinal"
        )
        return [
            Entry(
                r["path"],
                r["ordinal"],
                cut(cast("ResultData", json.loads(r["result"]))),  # as store() wrote it
                bool(r["unreadable"]),
                r["received"],
                r["mtime_ns"],
                r["sha256"],
                r["size"],
            )
            for r in rows
        ]

    def clear_files(self) -> None:
        """Forget every file (their results no longer hold, e.g. the programme changed)."""
        with self.transaction() as db:
            db.execute("DELETE FROM files")

    # --- settings and outputs ---------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def outputs(self) -> dict[str, tuple[str, int, int]]:
        """Outputs written before: relative path → (digest of their data, size, mtime_ns)."""
        rows = self.db.execute("SELECT path, digest, size, mtime_ns FROM outputs")
        return {r["path"]: (r["digest"], r["size"], r["mtime_ns"]) for r in rows}

    def save_outputs(self, rows: list[tuple[str, str, int, int]]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM outputs")
            db.executemany(
                "INSERT INTO outputs(path, digest, size, mtime_ns) VALUES (?,?,?,?)", rows
            )

    # --- the cycle: progress reports and self-evaluations ------------------------------
    def save_cycle_reports(self, rows: Sequence[Mapping[str, object]]) -> None:
        """Store reports (keys kind, zone, year, period, file, sha256, fill_date, data),
        replacing the stored report of the same kind, zone and period; others stay."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO cycle_reports(kind, zone, year, period, file, sha256,"
                " fill_date, data) VALUES (:kind, :zone, :year, :period, :file, :sha256,"
                " :fill_date, :data)",
                [
                    {**r, "data": json.dumps(r["data"], ensure_ascii=False, sort_keys=True)}
                    for r in rows
                ],
            )

    def cycle_reports(self, kind: str) -> list[dict[str, object]]:
        """Every stored report of ``kind``, by zone, year and period."""
        rows = self.db.execute(
            "SELECT * FROM cycle_reports WHERE kind=? ORDER BY zone, year, period", (kind,)
        )
        return [{**dict(r), "data": json.loads(r["data"])} for r in rows]

    def dossiers(self) -> list[dict[str, object]]:
        """The dossiers as last saved, in the order they were saved."""
        rows = self.db.execute(
            "SELECT zone_key, city, zone_name, status, errors, warnings, summary FROM dossiers"
            " ORDER BY rowid"
        )
        return [dict(r) for r in rows]

    def save_dossiers(self, rows: list[dict[str, object]]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM dossiers")
            db.executemany(
                "INSERT INTO dossiers(zone_key, city, zone_name, status, errors, warnings, summary)"
                " VALUES (:zone_key, :city, :zone_name, :status, :errors, :warnings, :summary)",
                rows,
            )
