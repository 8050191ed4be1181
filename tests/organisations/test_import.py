"""`manage.py import_organisations`: CSV and XLSX, all rows or none, reasons per row."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook

from tests.factories import UserFactory
from twinning.core.models import User
from twinning.organisations.imports import ImportFileError, read_rows
from twinning.organisations.models import Organisation

DATA = Path(__file__).resolve().parent.parent / "data"
GOOD = DATA / "organisations_good.csv"
BAD = DATA / "organisations_bad.csv"


def _import(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_organisations", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _good_rows() -> list[list[str]]:
    with GOOD.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.mark.integration
def test_good_csv_imports_every_row(programme):  # type: ignore[no-untyped-def]
    # The file writes the address in lower case; the account has capitals.
    existing_owner = UserFactory(email="Operator.Import@example.org")
    output, _ = _import(GOOD, "--programme", programme.slug)

    assert "Imported 6 organisations (5 new inactive owner accounts)" in output
    assert Organisation.objects.filter(programme=programme).count() == 6
    farm = Organisation.objects.get(legal_name="ТОО «Тобыл Бидай»")
    assert (farm.side.code, farm.registry_id, farm.kind) == ("KZ", "080540001238", "company")
    assert sorted(farm.sectors.values_list("code", flat=True)) == ["01.11", "01.63", "46.21"]
    assert farm.working_languages == "ru,kk" and "пшеницу" in farm.search_text
    new_owner = farm.memberships.get(role="owner").user
    assert new_owner.email == "yerlan.omarov@tobyl-bidai.example.com"
    assert not new_owner.is_active and not new_owner.has_usable_password()
    grid = Organisation.objects.get(legal_name="Pavlodar Green Grid LLP")
    assert grid.memberships.get().user == existing_owner


@pytest.mark.integration
def test_good_xlsx_imports_every_row(programme, tmp_path):  # type: ignore[no-untyped-def]
    rows = _good_rows()
    header = rows[0]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows[1:]:
        # Spreadsheets hold numbers as numbers: the importer must read 2011 back as "2011".
        sheet.append(
            [
                int(v) if name == "year_founded" and v else v
                for name, v in zip(header, row, strict=True)
            ]
        )
    path = tmp_path / "organisations.xlsx"
    workbook.save(path)

    output, _ = _import(path, "--programme", programme.slug)

    assert "Imported 6 organisations" in output
    studio = Organisation.objects.get(legal_name="«Сарыарқа Киностудиясы» ЖШС")
    assert (studio.kind, studio.year_founded, studio.region.slug) == ("studio", 2011, "karaganda")


@pytest.mark.integration
def test_bad_file_imports_nothing(programme):  # type: ignore[no-untyped-def]
    users_before = User.objects.count()
    with pytest.raises(CommandError, match="Nothing was imported: 5 of 6 rows"):
        _import(BAD, "--programme", programme.slug)

    assert Organisation.objects.count() == 0
    assert User.objects.count() == users_before


@pytest.mark.integration
def test_bad_file_report_lists_every_reason(programme):  # type: ignore[no-untyped-def]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_organisations", str(BAD), stderr=err)
    report = err.getvalue()

    assert "Row 2:" not in report  # the good row is not reported, but is not imported either
    assert "Row 3:\n  - registry_id: This BIN/IIN has a wrong check digit" in report
    assert "Row 4:\n  - region: “leedz” is not a region of this programme." in report
    assert "Row 5:\n  - nace_codes: give between 1 and 5 NACE codes." in report
    row_6 = report.split("Row 6:")[1].split("Row 7:")[0]
    for reason in ("registry_id: A UK company number has 8 characters",
                   "nace_codes: 1 unknown NACE code: 99.99.", "kind: “charity”", "size: “huge”",
                   "year_founded: “1650”", "working_languages", "owner_email"):  # fmt: skip
        assert reason in row_6
    # Rows that pass the column checks still meet the service's own validation.
    assert "Row 7:\n  - website: Enter a valid URL.\n  - contact_email: Enter a valid" in report


@pytest.mark.integration
def test_dry_run_checks_but_saves_nothing(programme):  # type: ignore[no-untyped-def]
    output, _ = _import(GOOD, "--dry-run")

    assert "Dry run: all 6 rows are valid; nothing was saved." in output
    assert Organisation.objects.count() == 0
    assert not User.objects.filter(email__endswith="tobyl-bidai.example.com").exists()


def _one_row_file(tmp_path: Path) -> Path:
    rows = _good_rows()
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], rows[4]])
    return path


@pytest.mark.integration
@pytest.mark.parametrize(
    ("language", "checked", "imported", "refused"),
    [
        (
            "en",
            "Dry run: 1 row is valid; nothing was saved.",
            "Imported 1 organisation (1 new inactive owner account).",
            "Nothing was imported: 1 of 6 rows has problems (listed above).",
        ),
        (
            "ru",
            "Пробный запуск: проверена 1 строка, ошибок нет; ничего не сохранено.",
            "Импортирована 1 организация (1 новая неактивная учётная запись владельца).",
            "Ничего не импортировано: ошибки в 1 строке из 6 (перечислены выше).",
        ),
    ],
)
def test_the_summary_of_one_row_is_singular(  # type: ignore[no-untyped-def]
    programme, tmp_path, language, checked, imported, refused
):
    one_row = _one_row_file(tmp_path)

    checked_output, _ = _import(one_row, "--dry-run", "--language", language)
    imported_output, _ = _import(one_row, "--language", language)
    # The good file again: only the row imported just now is refused, as a duplicate.
    with pytest.raises(CommandError) as error:
        _import(GOOD, "--language", language)

    assert checked in checked_output
    assert imported in imported_output
    assert str(error.value) == refused


@pytest.mark.integration
def test_the_summary_in_russian_agrees_with_each_number(programme):  # type: ignore[no-untyped-def]
    checked, _ = _import(GOOD, "--dry-run", "--language", "ru")
    imported, _ = _import(GOOD, "--language", "ru")
    with pytest.raises(CommandError) as error:
        _import(BAD, "--language", "ru")

    assert "Пробный запуск: проверено 6 строк, ошибок нет; ничего не сохранено." in checked
    assert "Импортировано 6 организаций (6 новых неактивных учётных записей владельцев)" in imported
    assert str(error.value).startswith("Ничего не импортировано: ошибки в 5 строках из 6 ")


@pytest.mark.integration
def test_importing_the_same_file_twice_is_refused(programme):  # type: ignore[no-untyped-def]
    _import(GOOD)
    err = io.StringIO()
    with pytest.raises(CommandError, match="6 of 6 rows"):
        call_command("import_organisations", str(GOOD), stderr=err)

    assert "is already in this programme" in err.getvalue()
    assert Organisation.objects.count() == 6


@pytest.mark.integration
def test_registry_number_twice_is_refused(programme, tmp_path):  # type: ignore[no-untyped-def]
    rows = _good_rows()
    copy = list(rows[4])
    copy[0] = "ТОО «Тобыл Бидай Два»"
    path = tmp_path / "twice.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], rows[4], copy])
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 of 2 rows"):
        call_command("import_organisations", str(path), stderr=err)
    assert "Row 3:\n  - registry_id: Another organisation is already registered" in err.getvalue()


@pytest.mark.unit
def test_semicolon_csv_from_excel_is_read(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "excel.csv"
    path.write_text(
        "\ufefflegal_name;kind;region;nace_codes\nX Ltd;company;leeds;28.93\n\n", encoding="utf-8"
    )

    assert read_rows(path) == [
        (2, {"legal_name": "X Ltd", "kind": "company", "region": "leeds", "nace_codes": "28.93"})
    ]


@pytest.mark.unit
def test_unknown_and_missing_columns_are_refused(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "typo.csv"
    path.write_text("legal_name,kind,regoin,nace_codes\n", encoding="utf-8")
    with (
        translation.override("en"),
        pytest.raises(ImportFileError, match="Unknown column: regoin"),
    ):
        read_rows(path)
    path.write_text("legal_name,kind,regoin,sektor\n", encoding="utf-8")
    with (
        translation.override("ru"),
        pytest.raises(ImportFileError, match="Неизвестные столбцы: regoin, sektor"),
    ):
        read_rows(path)
    with translation.override("en"), pytest.raises(ImportFileError, match=r"Use a \.csv or \.xlsx"):
        read_rows(tmp_path / "organisations.ods")
