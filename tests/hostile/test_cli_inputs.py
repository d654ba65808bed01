"""Careless or hostile command lines and settings: each gets a one-line error and exit code 2, never a
traceback and never a silent acceptance."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hostile_files import SEED

from ui.cli import cli


def _run(args: list[str], env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, args, env={"REPORTQA_EMBEDDER": "fake", **(env or {})})


def _one_line_error(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert "Traceback" not in result.output and any(all(w in x for w in words) for x in lines), result.output


@pytest.mark.parametrize(("env", "words"), [
    ({"REPORTQA_MAX_UPLOAD_MB": "abc"}, ("REPORTQA_MAX_UPLOAD_MB", "not a whole number")),
    ({"REPORTQA_MAX_UPLOAD_MB": "-5"}, ("REPORTQA_MAX_UPLOAD_MB", "from 1 to")),
    ({"REPORTQA_INGEST_SECONDS": "0"}, ("REPORTQA_INGEST_SECONDS",)),
    ({"REPORTQA_DATABASE_URL": "mysql://db/reports"}, ("REPORTQA_DATABASE_URL", "'mysql'", "sqlite://")),
    ({"REPORTQA_CHROMA_URL": "chroma.local:8000"}, ("REPORTQA_CHROMA_URL",)),
])
def test_a_bad_setting_is_one_line(tmp_path, env, words):
    _one_line_error(_run(["--data-dir", str(tmp_path / "d"), "reports"], env), *words)


def test_a_data_dir_that_is_a_file_is_one_line(tmp_path):
    afile = tmp_path / "data"
    afile.write_text("not a folder")
    _one_line_error(_run(["--data-dir", str(afile), "reports"]), "is a file")


def test_an_impossible_year_is_refused(tmp_path):
    result = _run(["--data-dir", str(tmp_path / "d"), "ingest", "--no-index", "--year", "99999999999999999999",
                   str(SEED)])
    _one_line_error(result, "--year")
    assert not (tmp_path / "d" / "facts.sqlite3").exists()
    _one_line_error(_run(["--data-dir", str(tmp_path / "d"), "ask", "--year", "99999999999999999999", "几件？"]),
                    "--year")


@pytest.mark.parametrize("bad_id", ["../../x", "a/b", ".hidden", "x" * 500, "名\x00字"])
def test_a_report_id_with_folder_parts_is_refused(tmp_path, bad_id):
    result = _run(["--data-dir", str(tmp_path / "d"), "ingest", "--no-index", "--id", bad_id, str(SEED)])
    _one_line_error(result, "report id", "not allowed")


def test_delete_removes_a_report_and_says_so_for_an_unknown_one(tmp_path):
    data = str(tmp_path / "d")
    assert _run(["--data-dir", data, "ingest", str(SEED)]).exit_code == 0
    assert SEED.stem in _run(["--data-dir", data, "reports"]).output
    result = _run(["--data-dir", data, "delete", SEED.stem])
    assert result.exit_code == 0 and f"deleted {SEED.stem}" in result.output
    assert SEED.stem not in _run(["--data-dir", data, "reports"]).output
    _one_line_error(_run(["--data-dir", data, "delete", SEED.stem]), SEED.stem)
