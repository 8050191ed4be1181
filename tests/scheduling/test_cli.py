import json
import subprocess
import sys
from pathlib import Path

import pytest

from twinning.scheduling.cli import main

pytestmark = pytest.mark.unit

BENCHMARK = Path(__file__).resolve().parents[2] / "bench" / "b2b" / "instances"

SMALL = {
    "name": "small",
    "slots": 4,
    "morning_slots": 2,
    "tables": 2,
    "participants": [{"id": "p1", "unavailable": [3]}, {"id": "p2"}, {"id": "p3"}],
    "meetings": [
        {"id": "m1", "participants": ["p1", "p2"], "session": "morning"},
        {"id": "m2", "participants": ["p1", "p3"], "after": ["m1"], "priority": 2},
        {"id": "m3", "participants": ["p2", "p3"], "session": "afternoon", "fixed_slot": 3},
    ],
    "max_break_spread": 2,
}


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_solve_then_check_round_trip(tmp_path, capsys):
    instance = write(tmp_path, "small.json", SMALL)

    code, out, _ = run(["solve", str(instance), "--time-limit", "5", "--workers", "1"], capsys)
    result = json.loads(out)
    schedule = write(tmp_path, "schedule.json", out)
    check_code, check_out, _ = run(["check", str(instance), str(schedule)], capsys)

    assert code == 0
    assert result["status"] == "optimal"
    assert {"breaks", "bound", "seconds", "assignments", "unscheduled"} <= result.keys()
    assert {a["meeting"]: a["slot"] for a in result["assignments"]}["m3"] == 3
    assert check_code == 0
    assert json.loads(check_out)["valid"] is True


def test_check_reports_an_invalid_schedule(tmp_path, capsys):
    instance = write(tmp_path, "small.json", SMALL)
    clash = [
        {"meeting": "m1", "slot": 0, "table": "1"},
        {"meeting": "m2", "slot": 0, "table": "2"},
    ]
    schedule = write(tmp_path, "schedule.json", clash)

    code, out, _ = run(["check", str(instance), str(schedule)], capsys)

    rules = {v["rule"] for v in json.loads(out)["violations"]}
    assert code == 1
    assert {"participant-clash", "precedence"} <= rules


def test_convert_reads_the_benchmark_and_the_result_solves(tmp_path, capsys):
    code, out, _ = run(["convert", str(BENCHMARK / "tic-12.original.dzn"), "--d", "2"], capsys)
    converted = json.loads(out)
    instance = write(tmp_path, "tic-12.json", out)

    solve_code, solved, _ = run(["solve", str(instance), "--time-limit", "20"], capsys)

    assert code == 0
    assert converted["require_all"] is True
    assert converted["max_break_spread"] == 2
    assert len(converted["meetings"]) == 125
    assert solve_code == 0
    assert json.loads(solved)["breaks"] == 0  # the published optimum


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"slots": "twelve"}, "instance.slots: expected integer"),
        ({"tables": -1}, "instance.tables: must be at least 1"),
        ({"meetings": [{"id": "m1", "participants": ["p1"]}]}, "meetings[0].participants"),
        (
            {"meetings": [{"id": "m1", "participants": ["p1", "p9"]}]},
            "meetings[m1].participants: unknown participant 'p9'",
        ),
        (
            {"meetings": [{"id": "m1", "participants": ["p1", "p2"], "session": "evening"}]},
            "instance.meetings[0].session: must be one of",
        ),
        ({"participants": [{"id": "p1", "unavailable": [9]}]}, "slot 9 is outside 0..3"),
        ({"colour": "blue"}, "instance.colour: unknown field"),
    ],
)
def test_malformed_instance_gets_a_clear_error(tmp_path, capsys, change, expected):
    instance = write(tmp_path, "bad.json", {**SMALL, **change})

    code, out, err = run(["solve", str(instance)], capsys)

    assert code == 2
    assert out == ""
    assert expected in err


def test_unreadable_input_is_an_error_not_a_traceback(tmp_path):
    broken = write(tmp_path, "broken.json", '{"slots": 4,')
    command = [sys.executable, "-m", "twinning.scheduling"]

    bad_json = subprocess.run(  # noqa: S603 -- our own interpreter and module
        [*command, "solve", str(broken)], capture_output=True, text=True
    )
    missing = subprocess.run(  # noqa: S603 -- same
        [*command, "check", str(tmp_path / "nope.json"), str(broken)],
        capture_output=True,
        text=True,
    )

    assert bad_json.returncode == 2
    assert "not valid JSON" in bad_json.stderr
    assert missing.returncode == 2
    assert "nope.json" in missing.stderr
    assert "Traceback" not in bad_json.stderr + missing.stderr


def test_convert_rejects_a_file_that_is_not_benchmark_data(tmp_path, capsys):
    bogus = write(tmp_path, "bogus.dzn", "nBusiness = two;\n")

    code, out, err = run(["convert", str(bogus)], capsys)

    assert code == 2
    assert out == ""
    assert "error: nBusiness: missing or not an integer" in err
