"""`werkroute check-schemes [DIR]` and the system check at start."""

import io
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from werkroute.subsidies.checks import check_scheme_files


def test_the_command_says_the_shipped_files_are_good() -> None:
    out = io.StringIO()
    call_command("check_schemes", stdout=out)
    assert "zijn goed: 13 voor Nederland, 10 voor Vlaanderen" in out.getvalue()


def test_the_command_lists_every_error_and_fails(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "kapot.toml").write_text('code = "kapot"\nname = \n', encoding="utf-8")
    (tmp_path / "nl" / "leeg.toml").write_text('code = "leeg"\n', encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="fout\\(en\\) gevonden"):
        call_command("check_schemes", str(tmp_path), stderr=err)
    output = err.getvalue()
    assert "nl/kapot.toml: de TOML-opmaak klopt niet" in output
    assert 'nl/leeg.toml, regeling "leeg": verplicht veld "name" ontbreekt' in output


def test_the_system_check_refuses_a_wrong_file(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    assert check_scheme_files() == []
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "x.toml").write_text('code = "x"\n', encoding="utf-8")
    settings.WERKROUTE_SCHEMES_DIR = str(tmp_path)
    problems = check_scheme_files()
    assert problems and all(p.id == "subsidies.E001" for p in problems)
    assert problems[0].msg.startswith('nl/x.toml, regeling "x": verplicht veld')
    assert str(tmp_path) in problems[0].hint
