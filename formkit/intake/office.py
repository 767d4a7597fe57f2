"""LibreOffice as a converter: many files in one ``soffice`` call.

Starting LibreOffice costs about 0.9 s of CPU, so :func:`convert` hands a whole batch to one
process. Each call has its own profile (``-env:UserInstallation``) in a temporary folder, since two
``soffice`` processes on one profile hand work to each other or fail. ``FONTCONFIG_FILE`` points at
``formkit/fonts/fonts.conf``, which maps the 公文 typefaces (仿宋_GB2312 …) to free fonts so a
PDF shows each face distinctly and without empty boxes. A hung process is killed with its whole
process group; files that did not come out are tried once more; every output must exist and be
non-empty.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from formkit.intake.isolate import release_limits
from formkit.model.errors import ConfigError, OutputFileError

__all__ = ["ConversionError", "convert", "fontconfig_file", "soffice_available", "soffice_path"]

_CANDIDATES = (
    "soffice",
    "libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


class ConversionError(OutputFileError):
    """Some files did not convert. ``failed`` names them; ``converted`` holds the outputs that
    did come out, so a batch caller can report per file."""

    def __init__(
        self, code: str, failed: Sequence[Path], converted: Sequence[Path], **params: object
    ) -> None:
        super().__init__(code, **params)
        self.failed = list(failed)
        self.converted = list(converted)


def soffice_path() -> str | None:
    """The LibreOffice executable, or None. ``FORMKIT_SOFFICE`` overrides the search."""
    override = os.environ.get("FORMKIT_SOFFICE")
    if override:
        return override if shutil.which(override) or Path(override).is_file() else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def soffice_available() -> bool:
    return soffice_path() is not None


def fontconfig_file() -> Path:
    return Path(__file__).resolve().parent.parent / "fonts" / "fonts.conf"


def convert(
    paths: Sequence[Path], fmt: str, outdir: Path, *, timeout: float = 120, retries: int = 1
) -> list[Path]:
    """Convert ``paths`` into ``outdir`` as ``fmt`` (``pdf``, ``docx``, ``xlsx``, or a full
    ``pdf:writer_pdf_Export`` filter spec); returns the outputs in input order.

    ``timeout`` is seconds per file: a call over n files may run n × timeout. Files whose
    output is missing or empty after the call are converted again, up to ``retries`` times.
    Raises ConfigError when LibreOffice is not installed and :class:`ConversionError`
    (an OutputFileError) naming the files that still failed.
    """
    exe = soffice_path()
    if exe is None:
        raise ConfigError("office-missing")
    sources = [Path(p).resolve() for p in paths]
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    targets = {src: outdir / f"{src.stem}.{fmt.split(':', 1)[0]}" for src in sources}
    pending = [src for src in sources if _clear(targets[src])]
    timed_out = False
    for _ in range(retries + 1):
        for batch in _unique_stems(pending):
            timed_out |= not _run(exe, batch, fmt, outdir, timeout * len(batch))
        pending = [src for src in pending if not _ok(targets[src])]
        if not pending:
            break
    if pending:
        raise _failure(
            pending, [targets[s] for s in sources if s not in pending], timed_out, timeout
        )
    return [targets[src] for src in sources]


def _clear(target: Path) -> bool:
    """Remove an old output so a stale file is never taken for a fresh one."""
    target.unlink(missing_ok=True)
    return True


def _ok(target: Path) -> bool:
    try:
        return target.stat().st_size > 0
    except OSError:
        return False


def _unique_stems(sources: Sequence[Path]) -> list[list[Path]]:
    """Batches in which no two inputs share a stem (they would write the same output)."""
    batches: list[list[Path]] = []
    for src in sources:
        for batch in batches:
            if all(other.stem != src.stem for other in batch):
                batch.append(src)
                break
        else:
            batches.append([src])
    return batches


def _run(exe: str, batch: Sequence[Path], fmt: str, outdir: Path, budget: float) -> bool:
    """One soffice process over ``batch`` with a private profile; False when it timed out."""
    with tempfile.TemporaryDirectory(prefix="formkit-lo-") as profile:
        command = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, batch),
        ]
        env = _private_env(Path(profile))
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
            # A parse worker runs under a memory limit meant for parsers, not for LibreOffice.
            preexec_fn=release_limits,
        )
        try:
            proc.wait(timeout=budget)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            return False
        finally:
            _kill_group(proc)  # helpers soffice may leave behind
    return True


def _private_env(profile: Path) -> dict[str, str]:
    """soffice's environment: home, config and cache in the private profile, since LibreOffice
    (through GLib's dconf) writes ~/.cache and ~/.config otherwise and `check` writes nothing
    outside its temp folder; fonts a user installed (XDG data) stay visible."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return {
        **os.environ,
        "FONTCONFIG_FILE": str(fontconfig_file()),
        "HOME": str(profile),
        "XDG_CONFIG_HOME": str(profile / "config"),
        "XDG_CACHE_HOME": str(profile / "cache"),
        "XDG_DATA_HOME": data,
    }


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _failure(
    failed: Sequence[Path], converted: Sequence[Path], timed_out: bool, timeout: float
) -> ConversionError:
    files = "、".join(p.name for p in failed)
    if timed_out:
        return ConversionError(
            "office-timeout", failed, converted, seconds=f"{timeout:g}", files=files
        )
    return ConversionError(
        "office-failed", failed, converted, files=files, reason="office-output-missing"
    )
