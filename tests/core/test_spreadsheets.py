"""The one guard on exported cells, and the sweep that keeps every export behind it."""

import ast
from pathlib import Path

import pytest

from twinning.core.spreadsheets import csv_bytes, looks_like_formula, safe_cell

pytestmark = pytest.mark.unit
SRC = Path(__file__).resolve().parents[2] / "src" / "twinning"


@pytest.mark.parametrize("text", ["=1+2", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_looking_text_is_written_as_text(text):
    assert safe_cell(text) == "'" + text
    assert looks_like_formula(text)


@pytest.mark.parametrize("value", ["Leeds", "", None, 12, -3.5])
def test_other_values_are_left_alone(value):
    assert safe_cell(value) == value


def test_a_phone_number_is_no_formula_on_import():
    assert not looks_like_formula("+7 7142 00 00 00") and not looks_like_formula("-15")


def test_csv_has_a_bom_and_guards_headers_and_cells():
    assert csv_bytes(["=h"], [["=1+2", 3]]) == "\ufeff'=h\r\n'=1+2,3\r\n".encode()


def _writes_spreadsheets(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("writer", "DictWriter", "Workbook"):
                return True
    return False


def test_every_module_that_writes_a_spreadsheet_goes_through_the_guard():
    """A new CSV or XLSX export that forgets `safe_row`/`csv_bytes` fails here."""
    writers = [
        path
        for path in SRC.rglob("*.py")
        if path.name != "spreadsheets.py" and _writes_spreadsheets(ast.parse(path.read_text()))
    ]
    assert writers, "the sweep found no export at all: it is looking in the wrong place"
    unguarded = [
        str(path.relative_to(SRC))
        for path in writers
        if "from twinning.core.spreadsheets import" not in path.read_text()
    ]
    assert not unguarded
