"""Students and positions matched with the matching app's multilingual text vectors, with the
reasons shown to both sides, and students' feedback that changes their own ranking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction

from twinning.core.models import User
from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.matching.embeddings import text_key
from twinning.matching.services import vectors_for
from twinning.students import fit as fitting
from twinning.students.models import Position, PositionFeedback, Student


@dataclass
class PositionMatch:
    position: Position
    score: float
    reasons: list[dict[str, Any]]
    verdict: str


@dataclass
class StudentMatch:
    student: Student
    score: float
    reasons: list[dict[str, Any]]


def student_text(student: Student) -> str:
    return f"{student.course}. {student.skills}. {student.about}".strip()


def position_text(position: Position) -> str:
    return f"{position.title}. {position.description}. {position.skills}".strip()


def _vectors(texts: list[str]) -> dict[str, np.ndarray]:
    vectors, _computed = vectors_for(texts=texts)
    return vectors


def _position_side(position: Position, vectors: dict[str, np.ndarray]) -> fitting.Side:
    sectors = list(position.sectors.all())
    return fitting.Side(
        id=position.pk,
        vector=vectors[text_key(position_text(position))],
        skills=fitting.skill_words(position.skills),
        languages=frozenset(position.language_list),
        sectors=tuple(s.code for s in sectors),
        sections=frozenset(s.section for s in sectors),
    )


def _student_side(student: Student, vectors: dict[str, np.ndarray]) -> fitting.Side:
    sectors = list(student.sectors.all())
    return fitting.Side(
        id=student.pk,
        vector=vectors[text_key(student_text(student))],
        skills=fitting.skill_words(student.skills),
        languages=fitting.working_languages(student.languages),
        sectors=tuple(s.code for s in sectors),
        sections=frozenset(s.section for s in sectors),
    )


def positions_for_student(*, student: Student, positions: list[Position]) -> list[PositionMatch]:
    """Published positions best first for the student, whatever language they are written in."""
    if not positions:
        return []
    vectors = _vectors([student_text(student), *map(position_text, positions)])
    verdicts = dict(student.position_feedback.values_list("position_id", "verdict"))
    ranked = fitting.rank(
        _student_side(student, vectors), [_position_side(p, vectors) for p in positions], verdicts
    )
    by_id = {p.pk: p for p in positions}
    return [PositionMatch(by_id[f.id], f.score, f.reasons, verdicts.get(f.id, "")) for f in ranked]


def students_for_position(*, position: Position, students: list[Student]) -> list[StudentMatch]:
    """Students best first for a position (the caller passes only students who consented)."""
    if not students:
        return []
    vectors = _vectors([position_text(position), *map(student_text, students)])
    ranked = fitting.rank_students(
        _position_side(position, vectors), [_student_side(s, vectors) for s in students]
    )
    by_id = {s.pk: s for s in students}
    return [StudentMatch(by_id[f.id], f.score, f.reasons) for f in ranked]


@transaction.atomic
def position_feedback_set(
    *, student: Student, position: Position, by: User, verdict: str
) -> PositionFeedback | None:
    """Interested / not interested; an empty verdict clears it."""
    require(by, "students.edit_student", student)
    if not verdict:
        PositionFeedback.objects.filter(student=student, position=position).delete()
        return None
    feedback, _created = PositionFeedback.objects.update_or_create(
        student=student, position=position, defaults={"verdict": verdict}
    )
    feedback.full_clean()
    audit_log(action="position.feedback", actor=by, target=position, verdict=verdict)
    return feedback
