"""``formkit notice KIND --data FILE --out FILE.docx [--pdf]``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click

import formkit.programme  # its names load on use (see formkit.programme)
from formkit.cli.common import debug_option, force_option, guarded, lang_option
from formkit.cli.zh import Command
from formkit.model.codes import text
from formkit.model.dates import impossible_dates
from formkit.model.errors import InputFileError
from formkit.writers.atomic import refuse_existing


def load_data(path: Path) -> Mapping[str, object]:
    """The notice data: a YAML (or JSON) mapping."""
    import yaml  # here, not at start: every other command would pay for it

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputFileError(
            "notice-data-unreadable", str(path), file=path.name, reason="not-found"
        ) from None
    except OSError as exc:
        raise InputFileError(
            "notice-data-unreadable", str(path), file=path.name, detail=exc.strerror or str(exc)
        ) from None
    except UnicodeDecodeError:
        raise InputFileError(
            "notice-data-unreadable", str(path), file=path.name, reason="not-utf8"
        ) from None
    except ValueError:  # PyYAML builds a date it cannot make: 2020-02-30
        raise _impossible_date(path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark:
            raise InputFileError(
                "notice-data-unreadable",
                str(path),
                file=path.name,
                reason="yaml-line",
                line=mark.line + 1,
            ) from None
        raise InputFileError(
            "notice-data-unreadable", str(path), file=path.name, reason="yaml-bad"
        ) from None
    if not isinstance(data, Mapping):
        raise InputFileError(
            "notice-data-unreadable", str(path), file=path.name, reason="not-mapping"
        )
    if next(impossible_dates(data), None) is not None:  # 2020年2月30日, written as text
        raise _impossible_date(path)
    return data


def _impossible_date(path: Path) -> InputFileError:
    """The first date of the data file that does not exist, named by its field."""
    import yaml

    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # all text
    field, value = next(impossible_dates(raw), ("", ""))
    return InputFileError("date-impossible", str(path), field=field, value=value)


@click.command("notice", cls=Command, help="help-notice")
@click.argument("kind")
@click.option(
    "--data",
    "data_file",
    required=True,
    type=click.Path(dir_okay=False),
    help="help-notice-data",
)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="help-notice-out")
@click.option("--pdf", is_flag=True, help="help-pdf")
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False),
    help="help-templates",
)
@click.option(
    "--programme",
    type=click.Path(exists=True, dir_okay=False),
    help="help-notice-programme",
)
@force_option
@lang_option
@debug_option
@guarded
def notice_cmd(
    kind: str,
    data_file: str,
    out: str,
    pdf: bool,
    templates: str | None,
    programme: str | None,
    force: bool,
    lang: str,
    debug: bool,
) -> None:
    """Write an official document from its template (help: help-notice)."""
    target = Path(out)
    refuse_existing([target, *([target.with_suffix(".pdf")] if pdf else [])], force=force)
    data = dict(load_data(Path(data_file)))
    if programme:
        # on use, not at the top: saves ~28 ms of start-up (measured)
        from formkit.writers.notice_data import programme_defaults

        data = {**programme_defaults(formkit.programme.load_programme(programme)), **data}
    # on use, not at the top: saves ~243 ms of start-up (measured)
    from formkit.writers.notice import render  # docxtpl and jinja: only when used

    written = render(
        kind, data, Path(out), templates=Path(templates) if templates else None, pdf=pdf
    )
    for path in written:
        click.echo(text("cli-written", lang, path=path))
