"""Students and positions matched across languages, with reasons, and feedback that moves a
position in one student's list only."""

import datetime as dt

import numpy as np
import pytest
from django.utils import timezone

from tests.students.factories import student
from twinning.students import fit as fitting
from twinning.students import services


def side(pk, vector, skills="", languages=()):  # type: ignore[no-untyped-def]
    return fitting.Side(
        pk, np.asarray(vector, np.float32), fitting.skill_words(skills), frozenset(languages)
    )


@pytest.mark.unit
def test_skills_text_and_languages_make_the_score_and_the_reasons():
    me = side(1, [1, 0], "python, sql", ["en", "ru"])
    good = side(10, [0.9, 0.1], "Python, SQL", ["ru"])
    poor = side(11, [0, 1], "wool", ["kk"])
    ranked = fitting.rank(me, [poor, good])
    assert [f.id for f in ranked] == [10, 11]
    reasons = {r["kind"]: r for r in ranked[0].reasons}
    assert reasons["skills"]["common"] == ["python", "sql"]
    assert reasons["languages"]["spoken"] is True


@pytest.mark.unit
def test_not_interested_sinks_a_position_and_interested_lifts_one():
    me = side(1, [1, 0], "python")
    a, b = side(10, [1, 0], "python"), side(11, [0.8, 0.6], "python")
    assert [f.id for f in fitting.rank(me, [a, b], {10: "not_interested"})] == [11, 10]
    assert next(f.id for f in fitting.rank(me, [a, b], {11: "interested"})) == 11


@pytest.mark.integration
def test_an_english_profile_finds_a_position_written_in_russian(organisation, member, operator):
    closes = timezone.localdate() + dt.timedelta(days=30)
    made = {}
    for title, description, language in (
        ("Стажёр-аналитик данных", "Анализ данных и машинное обучение на Python.", "ru"),
        ("Shepherd", "Looking after a flock of sheep on the moors.", "en"),
    ):
        position = services.position_create(
            organisation=organisation, by=member, title=title, description=description,
            language=language, kind="internship", location="kz", closes_on=closes,
        )  # fmt: skip
        services.position_submit(position=position, by=member)
        made[language] = services.position_publish(position=position, by=operator)
    who = student(course="MSc Data Science and machine learning", skills="statistics")
    matches = services.positions_for_student(student=who, positions=list(made.values()))
    assert matches[0].position == made["ru"]
    services.position_feedback_set(
        student=who, position=made["ru"], by=who.user, verdict="not_interested"
    )
    again = services.positions_for_student(student=who, positions=list(made.values()))
    assert again[0].position == made["en"] and again[1].verdict == "not_interested"


@pytest.mark.integration
def test_employers_see_only_students_who_share_with_them(
    fair, booth, kazmunai, aida_at_fair, bolat_at_fair, aida
):
    from twinning.students import selectors

    sharing = list(selectors.students_sharing_with(organisation_id=kazmunai[0].pk))
    assert sharing == [aida]
