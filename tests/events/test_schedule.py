import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests import html_forms
from tests.events.factories import accepted_meeting, participant
from twinning.core.models import JobProgress
from twinning.events import scheduler, services
from twinning.events.models import Meeting, ScheduleRun
from twinning.scheduling import solve
from twinning.scheduling.check import breaks_of
from twinning.scheduling.instance import problem_from_json
from twinning.scheduling.result import Result, Status

pytestmark = pytest.mark.integration


@pytest.fixture
def ring(day):
    """Five participants, each meeting the next two: ten meetings."""
    people = [participant(day, name=f"P{n}") for n in range(5)]
    meetings = [
        accepted_meeting(people[i], people[(i + step) % 5]) for step in (1, 2) for i in range(5)
    ]
    return people, meetings


def _run(event, operator, **options):
    run = services.schedule_run_start(event=event, by=operator, time_limit=10, **options)
    run.refresh_from_db()
    return run


def _busy(meetings):
    seen = set()
    for m in meetings:
        for person in m.participants:
            key = (person.pk, m.slot_id)
            assert key not in seen, "a participant has two meetings in one slot"
            seen.add(key)


def test_run_schedules_every_meeting_with_progress(day, operator, ring):
    run = _run(day, operator)
    assert run.status == ScheduleRun.Status.DONE
    assert run.meetings_scheduled == run.meetings_total == 10
    assert run.breaks is not None and run.bound is not None and run.bound <= run.breaks
    assert run.job.state == JobProgress.State.DONE
    meetings = list(Meeting.objects.select_related("request__requester", "request__recipient"))
    assert all(m.slot_id and m.table_id for m in meetings)
    _busy(meetings)


def test_run_respects_unavailability(day, operator, leeds, almaty, meeting):
    blocked = list(day.slots.exclude(number=5))
    services.unavailability_set(registration=leeds, by=leeds.user, slots=blocked)
    _run(day, operator)
    meeting.refresh_from_db()
    assert meeting.slot.number == 5


def test_rerun_keeps_locked_meetings_and_moves_nothing_needlessly(day, operator, ring):
    _run(day, operator)
    locked = Meeting.objects.order_by("pk").first()
    services.meeting_lock(meeting=locked, by=operator)
    before = dict(Meeting.objects.values_list("pk", "slot_id"))
    run = _run(day, operator)
    after = dict(Meeting.objects.values_list("pk", "slot_id"))
    assert after[locked.pk] == before[locked.pk]
    assert run.moves == 0
    assert after == before


def test_interpreter_is_scheduled_for_meetings_without_a_common_language(day, operator, leeds):
    kazakh = participant(day, name="Kazakh only", languages="kk")
    meeting = accepted_meeting(leeds, kazakh)
    run = _run(day, operator)
    assert run.meetings_scheduled == 0
    assert "interpreter" in run.unscheduled[0]["reason"]
    interpreter = services.interpreter_add(
        event=day, by=operator, name="Dana", languages=["en", "kk"]
    )
    _run(day, operator)
    meeting.refresh_from_db()
    assert meeting.interpreter == interpreter


def test_move_warns_of_conflicts_and_locks(day, operator, ring):
    _run(day, operator)
    _people, meetings = ring
    first = Meeting.objects.get(pk=meetings[0].pk)
    clash = (
        Meeting.objects.filter(request__requester=first.request.requester)
        .exclude(pk=first.pk)
        .first()
        or Meeting.objects.filter(request__recipient=first.request.requester).first()
    )
    free_table = next(
        t for t in day.tables.all() if not Meeting.objects.filter(slot=clash.slot, table=t).exists()
    )
    with pytest.raises(services.MoveConflict) as conflict:
        services.meeting_move(meeting=first, by=operator, slot=clash.slot, table=free_table)
    assert "already has a meeting" in conflict.value.warnings[0]
    warnings = services.meeting_move(
        meeting=first, by=operator, slot=clash.slot, table=free_table, force=True
    )
    first.refresh_from_db()
    assert warnings and first.locked and first.slot == clash.slot


def test_move_onto_a_taken_table_is_refused(day, operator, ring):
    _run(day, operator)
    a, b = Meeting.objects.order_by("pk")[:2]
    with pytest.raises(ValidationError):
        services.meeting_move(meeting=a, by=operator, slot=b.slot, table=b.table, force=True)


def test_publish_numbers_versions_and_tells_only_those_affected(
    day, operator, ring, mailoutbox, django_capture_on_commit_callbacks
):
    _run(day, operator)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.schedule_publish(event=day, by=operator)
    assert first.number == 1 and first.notified == 5
    moved = Meeting.objects.order_by("pk").first()
    free = next(
        (s, t)
        for s in day.slots.all()
        for t in day.tables.all()
        if not Meeting.objects.filter(slot=s)
        .filter(request__requester__in=moved.participants)
        .exists()
        and not Meeting.objects.filter(slot=s, request__recipient__in=moved.participants).exists()
        and not Meeting.objects.filter(slot=s, table=t).exists()
    )
    services.meeting_move(meeting=moved, by=operator, slot=free[0], table=free[1])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.schedule_publish(event=day, by=operator)
    assert second.number == 2 and second.changed_meetings == 1
    told = sorted(address for mail in mailoutbox for address in mail.to)
    assert told == sorted(p.user.email for p in moved.participants)
    moved.refresh_from_db()
    assert moved.sequence == 1 and moved.published_slot == free[0]
    assert set(Meeting.objects.exclude(pk=moved.pk).values_list("sequence", flat=True)) == {0}


def test_cancelled_meeting_is_published_as_cancelled(day, operator, meeting, leeds):
    _run(day, operator)
    services.schedule_publish(event=day, by=operator)
    services.meeting_cancel(meeting=meeting, by=operator)
    services.schedule_publish(event=day, by=operator)
    meeting.refresh_from_db()
    assert meeting.published_status == Meeting.Status.CANCELLED
    assert meeting.sequence == 1


def test_scheduling_needs_the_grid(event, operator, meeting):
    with pytest.raises(ValidationError):
        services.schedule_run_start(event=event, by=operator)


def test_held_and_no_show(day, operator, meeting, leeds):
    _run(day, operator)
    meeting.refresh_from_db()
    services.meeting_mark(meeting=meeting, by=operator, held=False, absent=leeds)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NO_SHOW and meeting.no_show == leeds


def test_impossible_locks_fail_the_run_with_names(day, operator, leeds, almaty, meeting):
    other = accepted_meeting(leeds, participant(day, name="Third Person"))
    _run(day, operator)
    meeting.refresh_from_db()
    other.refresh_from_db()
    free = day.tables.exclude(pk=meeting.table_id).first()
    services.meeting_move(meeting=other, by=operator, slot=meeting.slot, table=free, force=True)
    services.meeting_lock(meeting=meeting, by=operator)
    run = _run(day, operator)
    assert run.status == ScheduleRun.Status.FAILED
    assert "Lucy Leeds" in run.message
    assert meeting.slot.starts_at.astimezone(day.zone).strftime("slot %H:%M") in run.message
    assert run.job.state == JobProgress.State.FAILED


def test_a_fewest_moves_rerun_never_hands_back_a_worse_day(day, operator, ring):
    _run(day, operator)
    plan = scheduler.plan_for(day, keep_previous=True)
    start = scheduler.starting_schedule(plan)
    assert start is not None and len(start) == 10
    breaks = sum(breaks_of(plan.problem, start).values())
    fewer = Result(status=Status.FEASIBLE, assignments=start[1:], breaks=0)
    worse = Result(status=Status.FEASIBLE, assignments=start[::-1], breaks=breaks + 3)
    for result in (fewer, worse, Result(status=Status.UNKNOWN)):
        kept = scheduler.no_worse_than(plan, result, start)
        assert (kept.assignments, kept.breaks) == (start, breaks)
        assert scheduler.moves(plan, kept) == 0
    better = Result(status=Status.FEASIBLE, assignments=start, breaks=breaks)
    assert scheduler.no_worse_than(plan, better, start) is better


def test_a_rerun_reports_the_moves_the_day_sees(day, operator, ring):
    _run(day, operator)
    before = dict(Meeting.objects.values_list("pk", "slot__number"))
    run = _run(day, operator, keep_previous=True)
    after = dict(Meeting.objects.values_list("pk", "slot__number"))
    assert run.moves == sum(1 for pk, slot in after.items() if before[pk] != slot)
    assert run.breaks <= ScheduleRun.objects.order_by("pk").first().breaks


def _double_book(day, operator, ring):
    """Move a meeting by hand onto a slot where one of its people already meets someone."""
    _run(day, operator)
    first = Meeting.objects.get(pk=ring[1][0].pk)
    person = first.request.requester
    clash = (
        Meeting.objects.filter(request__requester=person).exclude(pk=first.pk).first()
        or Meeting.objects.filter(request__recipient=person).first()
    )
    taken = Meeting.objects.filter(slot=clash.slot).values_list("table_id", flat=True)
    table = day.tables.exclude(pk__in=list(taken)).first()
    services.meeting_move(meeting=first, by=operator, slot=clash.slot, table=table, force=True)
    return first, person


def test_publishing_a_double_booking_lists_it_and_needs_a_confirmation(day, operator, ring):
    _first, person = _double_book(day, operator, ring)
    with pytest.raises(services.PublishConflict) as refused:
        services.schedule_publish(event=day, by=operator)
    assert any(
        person.display_name in text and "two meetings" in text for text in refused.value.messages
    )
    assert not day.versions.exists()
    version = services.schedule_publish(event=day, by=operator, confirm_conflicts=True)
    assert version.number == 1


def test_the_grid_marks_conflicts_and_the_publish_form_asks_to_confirm(
    client, settings, day, operator, ring
):
    first, person = _double_book(day, operator, ring)
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    url = reverse("events:schedule", args=[day.slug])
    page = client.get(url).content.decode()
    assert f'data-testid="conflict-{first.pk}"' in page
    assert f"У {person.display_name} две встречи в" in page
    action = reverse("events:publish", args=[day.slug])
    form = html_forms.find(page, action=action)

    refused = client.post(action, form.submission(), follow=True).content.decode()
    assert "Не опубликовано" in refused and not day.versions.exists()
    client.post(action, form.submission(confirm_conflicts="on"))
    assert day.versions.count() == 1


def test_a_second_run_while_one_waits_is_refused_in_the_operators_language(
    client, settings, day, operator, meeting
):
    """The page's run form, sent twice while the first run waits for a worker (as in production,
    where a worker takes it later): the second is refused with a message, and nothing is queued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(operator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    url = reverse("events:schedule", args=[day.slug])
    form = html_forms.find(
        client.get(url).content.decode(), action=reverse("events:run_start", args=[day.slug])
    )
    client.post(form.action, form.submission())
    page = client.post(form.action, form.submission(), follow=True).content.decode()
    assert "Оптимизатор уже составляет расписание этого мероприятия" in page
    assert ScheduleRun.objects.filter(event=day).count() == 1


@pytest.mark.parametrize("change", ["move", "cancel", "absence"])
def test_a_change_made_while_the_optimiser_works_is_never_overwritten(
    day, operator, ring, monkeypatch, change
):
    """An operator moves a meeting (or one is cancelled, or someone says they are away) while a
    run is solving: the run's result is not saved over it, and the run says why."""
    from twinning.events.services import schedule

    _run(day, operator)
    moved = Meeting.objects.order_by("pk").first()
    people = moved.participants
    free = next(
        s for s in day.slots.order_by("number")
        if not Meeting.objects.filter(slot=s, request__requester__in=people).exists()
        and not Meeting.objects.filter(slot=s, request__recipient__in=people).exists()
    )  # fmt: skip
    table = next(t for t in day.tables.all() if not Meeting.objects.filter(slot=free, table=t))
    solve = schedule.solve

    def solve_while_someone_works(*args, **kwargs):  # type: ignore[no-untyped-def]
        if change == "move":
            services.meeting_move(meeting=moved, by=operator, slot=free, table=table, force=True)
        elif change == "cancel":
            services.meeting_cancel(meeting=moved, by=operator)
        else:
            services.unavailability_set(registration=people[0], by=people[0].user, slots=[free])
        return solve(*args, **kwargs)

    monkeypatch.setattr(schedule, "solve", solve_while_someone_works)
    before = dict(Meeting.objects.values_list("pk", "slot_id"))
    run = _run(day, operator, keep_previous=False)
    assert run.status == ScheduleRun.Status.FAILED and run.job.state == JobProgress.State.FAILED
    assert "changed while the optimiser was working" in run.message
    after = dict(Meeting.objects.values_list("pk", "slot_id"))
    assert {pk: slot for pk, slot in after.items() if pk != moved.pk} == {
        pk: slot for pk, slot in before.items() if pk != moved.pk
    }
    moved.refresh_from_db()
    if change == "move":
        assert (moved.slot, moved.table, moved.locked) == (free, table, True)
    # Run again: it starts from the day as it is now, and saves.
    monkeypatch.setattr(schedule, "solve", solve)
    assert _run(day, operator).status == ScheduleRun.Status.DONE


def test_export_day_writes_the_day_as_an_instance_the_solver_reads(day, ring):
    out = io.StringIO()
    call_command("export_day", day.slug, stdout=out)
    problem = problem_from_json(json.loads(out.getvalue()))

    assert len(problem.meetings) == 10 and len(problem.participants) == 5
    assert problem.slots == day.slots.count() and len(problem.tables) == day.tables.count()
    # Ids, not names: the file can be shared to reproduce a day.
    assert "P0" not in out.getvalue()
    assert solve(problem, time_limit=5).breaks is not None
    with pytest.raises(CommandError, match="No event"):
        call_command("export_day", "no-such-event", stdout=io.StringIO())
