from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from werkroute.core.models import PostcodeArea
from werkroute.core.services import ImportFailed, import_postcode_file

HEADER = "pc4,lat,lon,plaats,gemeentenaam,gemeentecode,provincie\n"


@pytest.mark.django_db
def test_it_imports_the_national_table(shared_data: Path) -> None:
    path = shared_data / "geo" / "pc4_nl.csv"
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    without_centroid = [line for line in lines if line.split(",")[1] == ""]
    result = import_postcode_file(path)
    assert result.rows == len(lines) - len(without_centroid) == PostcodeArea.objects.count()
    assert len(result.warnings) == len(without_centroid)
    haarlem = PostcodeArea.objects.get(pc4="2011")
    assert haarlem.municipality_code == "GM0392"
    assert 52.3 < haarlem.lat < 52.45


@pytest.mark.django_db
def test_a_second_import_updates_instead_of_duplicating(tmp_path: Path) -> None:
    path = tmp_path / "pc4.csv"
    path.write_text(HEADER + "2011,52.38,4.63,Haarlem,Haarlem,GM0392,Noord-Holland\n")
    assert import_postcode_file(path).created == 1
    path.write_text(HEADER + "2011,52.39,4.64,Haarlem,Haarlem,GM0392,Noord-Holland\n")
    result = import_postcode_file(path)
    assert (result.created, result.updated) == (0, 1)
    assert PostcodeArea.objects.get(pc4="2011").lat == 52.39


@pytest.mark.django_db
def test_a_broken_row_imports_nothing_and_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "pc4.csv"
    path.write_text(
        HEADER
        + "2011,52.38,4.63,Haarlem,Haarlem,GM0392,Noord-Holland\n"
        + "2012,noord,4.63,Haarlem,Haarlem,GM0392,Noord-Holland\n"
    )
    with pytest.raises(ImportFailed) as failure:
        import_postcode_file(path)
    assert "regel 3" in str(failure.value)
    assert PostcodeArea.objects.count() == 0


@pytest.mark.django_db
def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "pc4.csv"
    path.write_text("postcode,lat\n2011,52.3\n")
    with pytest.raises(ImportFailed, match="kolom ontbreekt: pc4, lon"):
        import_postcode_file(path)


@pytest.mark.django_db
def test_the_command_reports_failure_without_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_postcodes", str(tmp_path / "absent.csv"))


@pytest.mark.django_db
def test_points_outside_the_netherlands_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "pc4.csv"
    path.write_text(HEADER + "2011,48.85,2.35,Parijs,Parijs,GM9999,Frankrijk\n")
    with pytest.raises(ImportFailed, match="ligt niet in Nederland"):
        import_postcode_file(path)
