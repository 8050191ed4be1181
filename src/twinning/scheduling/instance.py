"""The JSON instance format: reading, checking against ``instance.schema.json``, writing.

The schema file is the single description of the format; the small validator below reads
it, so the documentation and the checks cannot drift apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

from twinning.scheduling.problem import (
    Assignment,
    Interpreter,
    Meeting,
    Participant,
    PreviousAssignment,
    Problem,
    Session,
    Table,
    numbered_tables,
)
from twinning.scheduling.validation import problem_errors

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}


class InstanceError(ValueError):
    """An instance file that cannot be used; each message names the field and the fault."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("instance.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema_errors(data: object) -> list[str]:
    root = schema()
    return list(_validate(data, root, root, "instance"))


def _is_type(value: object, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, JSON_TYPES[name])


def _validate(
    value: object, rule: dict[str, Any], root: dict[str, Any], path: str
) -> Iterator[str]:
    if "$ref" in rule:
        target = root
        for part in rule["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        yield from _validate(value, target, root, path)
        return
    if "oneOf" in rule:
        yield from _one_of(value, rule["oneOf"], root, path)
        return
    types = rule.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_is_type(value, n) for n in names):
            yield f"{path}: expected {' or '.join(names)}, got {_describe(value)}"
            return
    yield from _scalar_rules(value, rule, path)
    if isinstance(value, dict):
        yield from _object_rules(value, rule, root, path)
    if isinstance(value, list):
        yield from _array_rules(value, rule, root, path)


def _one_of(
    value: object, options: list[dict[str, Any]], root: dict[str, Any], path: str
) -> Iterator[str]:
    results = [list(_validate(value, option, root, path)) for option in options]
    if any(not errors for errors in results):
        return
    # Report the option that got furthest: the one with the fewest complaints.
    yield from min(results, key=len)


def _scalar_rules(value: object, rule: dict[str, Any], path: str) -> Iterator[str]:
    if "enum" in rule and not any(_same(value, v) for v in rule["enum"]):
        allowed = ", ".join(json.dumps(v) for v in rule["enum"])
        yield f"{path}: must be one of {allowed}, got {json.dumps(value)}"
    minimum = rule.get("minimum")
    is_integer = isinstance(value, int) and not isinstance(value, bool)
    if is_integer and minimum is not None and value < minimum:
        yield f"{path}: must be at least {rule['minimum']}, got {value}"
    if isinstance(value, str):
        if len(value) < rule.get("minLength", 0):
            yield f"{path}: must not be empty"
        if "pattern" in rule and not re.match(rule["pattern"], value):
            yield f"{path}: {value!r} does not match the pattern {rule['pattern']}"


def _object_rules(
    value: dict[str, Any], rule: dict[str, Any], root: dict[str, Any], path: str
) -> Iterator[str]:
    properties = rule.get("properties", {})
    for name in rule.get("required", []):
        if name not in value:
            yield f"{path}.{name}: is required"
    for name, item in value.items():
        if name in properties:
            yield from _validate(item, properties[name], root, f"{path}.{name}")
        elif rule.get("additionalProperties") is False:
            yield f"{path}.{name}: unknown field"


def _array_rules(
    value: list[Any], rule: dict[str, Any], root: dict[str, Any], path: str
) -> Iterator[str]:
    if len(value) < rule.get("minItems", 0):
        yield f"{path}: needs at least {rule['minItems']} items, has {len(value)}"
    if "maxItems" in rule and len(value) > rule["maxItems"]:
        yield f"{path}: allows at most {rule['maxItems']} items, has {len(value)}"
    if "items" in rule:
        for n, item in enumerate(value):
            yield from _validate(item, rule["items"], root, f"{path}[{n}]")


def _same(value: object, allowed: object) -> bool:
    """JSON equality: true is not 1."""
    return type(value) is type(allowed) and value == allowed


def _describe(value: object) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


# -- reading ------------------------------------------------------------------------------


def problem_from_json(data: object) -> Problem:
    errors = schema_errors(data)
    if errors:
        raise InstanceError(errors)
    assert isinstance(data, dict)  # noqa: S101 -- the schema demands an object
    problem = _build(data)
    errors = problem_errors(problem)
    if errors:
        raise InstanceError(errors)
    return problem


def load_problem(text: str) -> Problem:
    return problem_from_json(parse_json(text))


def parse_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError([f"not valid JSON: {error.msg} (line {error.lineno})"]) from None


def _build(data: dict[str, Any]) -> Problem:
    tables = data["tables"]
    return Problem(
        name=data.get("name", ""),
        slots=data["slots"],
        morning_slots=data.get("morning_slots"),
        tables=numbered_tables(tables) if isinstance(tables, int) else tuple(_tables(tables)),
        participants=tuple(
            Participant(id=p["id"], unavailable=frozenset(p.get("unavailable", [])))
            for p in data["participants"]
        ),
        meetings=tuple(_meeting(m) for m in data["meetings"]),
        interpreters=tuple(
            Interpreter(
                id=i["id"],
                languages=frozenset(i["languages"]),
                unavailable=frozenset(i.get("unavailable", [])),
            )
            for i in data.get("interpreters", [])
        ),
        max_break_spread=data.get("max_break_spread"),
        require_all=data.get("require_all", False),
    )


def _tables(rows: list[dict[str, Any]]) -> Iterator[Table]:
    for row in rows:
        yield Table(id=row["id"], name=row.get("name", ""), host=row.get("host"))


def _meeting(row: dict[str, Any]) -> Meeting:
    a, b = row["participants"]
    return Meeting(
        id=row["id"],
        participants=(a, b),
        session=Session(row.get("session", "any")),
        fixed_slot=row.get("fixed_slot"),
        after=tuple(row.get("after", [])),
        priority=row.get("priority", 1),
        interpreter=row.get("interpreter"),
    )


# -- writing ------------------------------------------------------------------------------


def problem_to_json(problem: Problem) -> dict[str, Any]:
    data: dict[str, Any] = {"name": problem.name, "slots": problem.slots}
    data["morning_slots"] = problem.morning_slots
    data["tables"] = _tables_json(problem)
    data["participants"] = [_participant_json(p) for p in problem.participants]
    data["meetings"] = [_meeting_json(m) for m in problem.meetings]
    if problem.interpreters:
        data["interpreters"] = [
            {"id": i.id, "languages": sorted(i.languages), "unavailable": sorted(i.unavailable)}
            for i in problem.interpreters
        ]
    data["max_break_spread"] = problem.max_break_spread
    data["require_all"] = problem.require_all
    return data


def _tables_json(problem: Problem) -> int | list[dict[str, Any]]:
    if problem.tables == numbered_tables(len(problem.tables)):
        return len(problem.tables)
    return [{"id": t.id, "name": t.name, "host": t.host} for t in problem.tables]


def _participant_json(p: Participant) -> dict[str, Any]:
    row: dict[str, Any] = {"id": p.id}
    if p.unavailable:
        row["unavailable"] = sorted(p.unavailable)
    return row


def _meeting_json(m: Meeting) -> dict[str, Any]:
    row: dict[str, Any] = {"id": m.id, "participants": list(m.participants)}
    row["session"] = m.session.value
    row["fixed_slot"] = m.fixed_slot
    row["after"] = list(m.after)
    row["priority"] = m.priority
    if m.interpreter is not None:
        row["interpreter"] = m.interpreter
    return row


# -- schedules ----------------------------------------------------------------------------


def schedule_from_json(data: object) -> list[Assignment]:
    """Accepts a solver result (its ``assignments``) or a bare list of assignments."""
    rows = data.get("assignments") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise InstanceError(["schedule: expected a list of assignments or an 'assignments' field"])
    return [_assignment(row, n) for n, row in enumerate(rows)]


def _assignment(row: object, n: int) -> Assignment:
    where = f"assignments[{n}]"
    if not isinstance(row, dict):
        raise InstanceError([f"{where}: expected an object, got {_describe(row)}"])
    errors = []
    if not isinstance(row.get("meeting"), str):
        errors.append(f"{where}.meeting: expected a meeting id")
    if not _is_type(row.get("slot"), "integer"):
        errors.append(f"{where}.slot: expected an integer")
    if not isinstance(row.get("table"), str | int) or isinstance(row.get("table"), bool):
        errors.append(f"{where}.table: expected a table id")
    interpreter = row.get("interpreter")
    if interpreter is not None and not isinstance(interpreter, str):
        errors.append(f"{where}.interpreter: expected an interpreter id")
    if errors:
        raise InstanceError(errors)
    return Assignment(
        meeting=row["meeting"], slot=row["slot"], table=str(row["table"]), interpreter=interpreter
    )


def previous_from_json(data: object) -> list[PreviousAssignment]:
    return [
        PreviousAssignment(meeting=a.meeting, slot=a.slot, table=a.table, locked=bool(locked))
        for a, locked in zip(schedule_from_json(data), _locked_flags(data), strict=True)
    ]


def _locked_flags(data: object) -> list[object]:
    rows = data.get("assignments") if isinstance(data, dict) else data
    assert isinstance(rows, list)  # noqa: S101 -- schedule_from_json has checked it
    return [row.get("locked", False) for row in rows]
