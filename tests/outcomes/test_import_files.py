"""Every file an operator may upload, posted from the rendered import form as a browser does:
read as written, or refused with a message naming the problem, never a traceback."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tests.factories import OperatorFactory
from tests.outcomes.conftest import form_fields
from twinning.organisations.models import Organisation
from twinning.outcomes.models import ImportRun

pytestmark = pytest.mark.integration

HEADER = ["legal_name", "kind", "region", "nace_codes", "description", "contact_email"]
TOBYL = 'ТОО "Тобыл Бидай"'
DESCRIPTION = "Мука и крупы.\nЭкспорт в Великобританию."
ROW = [TOBYL, "company", "kostanay", "10.61", DESCRIPTION, "info@tobyl.example.kz"]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def operator_client(client, programme):  # type: ignore[no-untyped-def]
    client.force_login(OperatorFactory())
    return client


def upload(client, name: str, content: bytes, **headers):  # type: ignore[no-untyped-def]
    url = reverse("outcomes:imports")
    page = client.get(url, **headers).content.decode()
    fields = {k: v[0] for k, v in form_fields(page, url).items()}
    fields["upload"] = SimpleUploadedFile(name, content, "application/octet-stream")
    return client.post(url, fields, follow=True, **headers)


def csv_text(rows: list[list[str]], delimiter: str) -> str:
    """Standard CSV as Excel writes it: quoted where needed, quotes doubled."""

    def cell(value: str) -> str:
        if any(c in value for c in f'"\n{delimiter}'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(delimiter.join(cell(v) for v in row) + "\r\n" for row in rows)


def xlsx(rows: list[list[str]]) -> bytes:
    """A workbook of text cells (what a person typed, "=1+2" included, is text, not a formula)."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for line in book.active.iter_rows():
        for cell in line:
            cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_now(client, run: ImportRun, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    start = reverse("outcomes:import_run", args=[run.pk])
    page = client.get(start).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(start, form_fields(page, start), follow=True)
    run.refresh_from_db()
    assert run.state == "done", run.result


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_quotes_and_newlines_are_read_as_written_on_every_delimiter(
    operator_client, delimiter, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    content = "\ufeff" + csv_text([HEADER, ROW], delimiter)
    upload(operator_client, "kostanay.csv", content.encode())
    run = ImportRun.objects.get()
    assert run.state == "checked", run.problems
    import_now(operator_client, run, django_capture_on_commit_callbacks)
    organisation = Organisation.objects.get(legal_name=TOBYL)
    assert organisation.description == DESCRIPTION


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
def test_the_encodings_spreadsheets_save_are_detected(operator_client, encoding):  # type: ignore[no-untyped-def]
    upload(operator_client, "kostanay.csv", csv_text([HEADER, ROW], ";").encode(encoding))
    run = ImportRun.objects.get()
    assert run.state == "checked", run.problems
    assert run.rows[0][1]["legal_name"] == TOBYL
    assert run.rows[0][1]["description"] == DESCRIPTION


def _truncated_xlsx() -> bytes:
    whole = xlsx([HEADER, ROW])
    return whole[: len(whole) // 2]


BROKEN = [
    ("fake.xlsx", csv_text([HEADER, ROW], ",").encode(), "is not an Excel workbook"),
    ("truncated.xlsx", _truncated_xlsx(), "is not an Excel workbook"),
    ("zip.xlsx", b"PK\x03\x04" + bytes(200), "is not an Excel workbook"),
    ("huge.csv", csv_text([HEADER, [*ROW[:4], "x" * 1_000_000, ROW[5]]], ",").encode(), "Row 2"),
    ("huge.xlsx", xlsx([HEADER, [*ROW[:4], "x" * 32_000, ROW[5]]]), "Row 2"),
    ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x98\x98", "UTF-8, UTF-16 or Windows-1251"),
    ("broken-bom.csv", b"\xef\xbb\xbflegal_name,kind\n\xff\xfe\xfa", "UTF-8"),
    ("quote.csv", b'legal_name,kind,region,nace_codes\n"X Ltd"Y,company,leeds,28.93\n', "Line 2"),
    ("header.csv", csv_text([HEADER], ",").encode(), "no rows of organisations"),
    ("blank.csv", b"\r\n\r\n,,,\r\n", "The file is empty"),
    ("empty.csv", b"", "empty"),
    ("notes.txt", b"legal_name\nX", "Use a .csv or .xlsx file"),
]


@pytest.mark.parametrize(("name", "content", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_file_is_refused_with_a_message_and_changes_nothing(
    operator_client, name, content, message
):  # type: ignore[no-untyped-def]
    before = Organisation.objects.count()
    response = upload(operator_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportRun.objects.exists()
    assert Organisation.objects.count() == before


def test_a_broken_file_is_refused_in_russian(operator_client):  # type: ignore[no-untyped-def]
    response = upload(operator_client, "fake.xlsx", b"not a workbook", HTTP_ACCEPT_LANGUAGE="ru")
    page = response.content.decode()
    assert "Файл не является книгой Excel (.xlsx) или повреждён" in page
    assert "is not an Excel workbook" not in page


def test_formula_cells_are_flagged_by_row_and_kept_as_text(
    operator_client, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    rows = [
        [*HEADER, "contact_phone", "contact_name"],
        [*ROW[:4], "=1+2", ROW[5], "+7 7142 00 00 00", "@SUM(A1)"],
    ]
    page = upload(operator_client, "formulas.xlsx", xlsx(rows)).content.decode()
    run = ImportRun.objects.get()
    assert run.state == "checked"
    assert len(run.warnings) == 2  # the phone number is no formula
    assert all(w.startswith("Row 2, ") for w in run.warnings)
    assert "description" in run.warnings[0] and "contact_name" in run.warnings[1]
    assert "Row 2, description" in page
    import_now(operator_client, run, django_capture_on_commit_callbacks)
    organisation = Organisation.objects.get(legal_name=TOBYL)
    assert organisation.description == "=1+2"
