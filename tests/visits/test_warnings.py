"""The itinerary checks on plain facts: overlaps, travel time, interpreters."""

import datetime as dt

import pytest

from twinning.visits.warnings import (
    InterpreterFacts,
    SessionFacts,
    interpreter_warnings,
    person_warnings,
)

pytestmark = pytest.mark.unit
UTC = dt.UTC


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2027, 3, 10, hour, minute, tzinfo=UTC)


def facts(pk, start, end, venue=1, people=(), languages=(), interpreter=None):  # type: ignore[no-untyped-def]
    return SessionFacts(pk, start, end, venue, frozenset(people), tuple(languages), interpreter)


def thirty(a: int, b: int) -> int:
    return 30


def test_a_person_in_two_sessions_at_once_is_warned_about():
    found = person_warnings(
        [facts(1, at(9), at(10), people={7}), facts(2, at(9, 30), at(11), people={7, 8})], thirty
    )
    assert [(w.kind, w.sessions, w.person) for w in found] == [("overlap", (1, 2), 7)]


def test_back_to_back_sessions_at_one_venue_need_no_travel():
    found = person_warnings(
        [facts(1, at(9), at(10), people={7}), facts(2, at(10), at(11), people={7})], thirty
    )
    assert found == []


def test_too_little_time_between_two_venues_is_warned_about_with_both_figures():
    first, then = facts(1, at(9), at(10), 1, {7}), facts(2, at(10, 10), at(11), 2, {7})
    (warning,) = person_warnings([then, first], thirty)
    assert (warning.kind, warning.sessions, warning.minutes, warning.needed) == (
        "travel",
        (1, 2),
        10,
        30,
    )


def test_the_travel_time_of_the_pair_is_used():
    first, then = facts(1, at(9), at(10), 1, {7}), facts(2, at(10, 10), at(11), 2, {7})
    assert person_warnings([first, then], lambda a, b: 5) == []


def test_people_in_different_sessions_do_not_clash():
    assert (
        person_warnings([facts(1, at(9), at(10), 1, {7}), facts(2, at(9), at(10), 2, {8})], thirty)
        == []
    )


EN_KK = InterpreterFacts(1, frozenset({"en", "kk"}))
EN_RU = InterpreterFacts(2, frozenset({"en", "ru"}))


def test_a_session_needing_interpretation_without_anyone_free_is_warned_about():
    sessions = [
        facts(1, at(9), at(10), languages=("en", "kk"), interpreter=1),
        facts(2, at(9), at(10), languages=("en", "kk")),
    ]
    kinds = [(w.kind, w.sessions) for w in interpreter_warnings(sessions, [EN_KK, EN_RU])]
    assert kinds == [("interpreter_missing", (2,))]


def test_an_unassigned_session_names_who_is_free():
    (warning,) = interpreter_warnings(
        [facts(1, at(9), at(10), languages=("en", "ru"))], [EN_KK, EN_RU]
    )
    assert (warning.kind, warning.interpreters) == ("interpreter_unassigned", (2,))


def test_an_interpreter_in_two_sessions_at_once_is_warned_about():
    sessions = [
        facts(1, at(9), at(10), languages=("en", "kk"), interpreter=1),
        facts(2, at(9, 30), at(10, 30), languages=("en", "kk"), interpreter=1),
    ]
    kinds = {w.kind for w in interpreter_warnings(sessions, [EN_KK])}
    assert kinds == {"interpreter_busy"}


def test_an_interpreter_without_the_languages_is_warned_about():
    (warning,) = interpreter_warnings(
        [facts(1, at(9), at(10), languages=("en", "kk"), interpreter=2)], [EN_KK, EN_RU]
    )
    assert warning.kind == "interpreter_languages"


def test_a_session_with_its_interpreter_in_place_is_fine():
    sessions = [
        facts(1, at(9), at(10), languages=("en", "kk"), interpreter=1),
        facts(2, at(9), at(10)),
    ]
    assert interpreter_warnings(sessions, [EN_KK]) == []
