"""Job fairs: registration with consent, rankings and shortlists, allocation, publication,
agenda and .ics, declines offering the slot to the next alternate, check-in, notes and leads."""

import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from icalendar import Calendar
from openpyxl import load_workbook

from tests.students.factories import employer, registered, student
from tests.students.html_forms import post_form
from twinning.core.models import AuditEntry, JobProgress
from twinning.students import services
from twinning.students.models import Interview, Preference

pytestmark = pytest.mark.integration


def test_register_with_consent_for_that_fair_only(fair, aida_at_fair, bolat_at_fair, aida, bolat):
    assert services.has_consent(student=aida, purpose="fair_cv", fair=fair)
    assert not services.has_consent(student=bolat, purpose="fair_cv", fair=fair)


def test_an_employer_reads_a_consenting_student_but_not_one_who_did_not_consent(
    client, booth, kazmunai, aida_at_fair, bolat_at_fair, aida, bolat
):
    client.force_login(kazmunai[1])
    assert client.get(f"/students/{aida.pk}/").status_code == 200
    assert client.get(f"/students/{bolat.pk}/").status_code == 403
    assert client.get(f"/students/{bolat.pk}/cv/").status_code == 403
    page = client.get(f"/students/fairs/{booth.fair_id}/booths/{booth.pk}/").content.decode()
    assert aida.display_name in page and bolat.display_name not in page


def test_an_employer_without_a_booth_reads_nobody(client, fair, aida_at_fair, aida, programme):
    _organisation, recruiter = employer(programme)
    client.force_login(recruiter)
    assert client.get(f"/students/{aida.pk}/").status_code == 403


def test_withdrawing_the_fair_consent_hides_the_student_again(
    client, fair, booth, kazmunai, aida_at_fair, aida
):
    services.consent_withdraw(student=aida, purpose="fair_cv", fair=fair, by=aida.user)
    client.force_login(kazmunai[1])
    assert client.get(f"/students/{aida.pk}/").status_code == 403


def test_ranking_from_the_rendered_form_and_a_duplicate_is_refused_in_russian(
    client, fair, booth, aida_at_fair, aida, programme, operator, settings
):
    other = services.booth_add(fair=fair, organisation=employer(programme)[0], by=operator)
    client.force_login(aida.user)
    url = f"/students/fairs/{fair.pk}/"
    action = f"/students/fairs/{fair.pk}/rank/"
    post_form(client, url, {"choice_1": str(other.pk), "choice_2": str(booth.pk)}, action=action)
    assert list(aida_at_fair.preferences.values_list("booth_id", flat=True)) == [other.pk, booth.pk]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    response = post_form(
        client, url, {"choice_1": str(booth.pk), "choice_2": str(booth.pk)}, action=action
    )
    page = client.get(response["Location"]).content.decode()
    assert "Каждого работодателя можно указать только один раз." in page
    assert list(aida_at_fair.preferences.values_list("booth_id", flat=True)) == [other.pk, booth.pk]


def test_the_service_and_the_database_refuse_a_duplicate_preference(booth, aida_at_fair, aida):
    with pytest.raises(ValidationError):
        services.preferences_set(registration=aida_at_fair, by=aida.user, booths=[booth, booth])
    Preference.objects.create(registration=aida_at_fair, booth=booth, rank=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Preference.objects.create(registration=aida_at_fair, booth=booth, rank=2)


def test_a_student_cannot_rank_for_another(booth, aida_at_fair, bolat):
    with pytest.raises(PermissionDenied):
        services.preferences_set(registration=aida_at_fair, by=bolat.user, booths=[booth])


def test_shortlisting_a_student_who_does_not_share_is_refused(booth, kazmunai, bolat_at_fair):
    with pytest.raises(ValidationError):
        services.shortlist_set(booth=booth, by=kazmunai[1], chosen=[bolat_at_fair])


def _allocated(fair, booth, operator, registrations):  # type: ignore[no-untyped-def]
    for registration in registrations:
        services.preferences_set(
            registration=registration, by=registration.student.user, booths=[booth]
        )
    return services.fair_allocate(fair=fair, by=operator, time_limit=10)


def test_allocate_publish_agenda_and_calendar(
    client, fair, booth, operator, aida_at_fair, aida, django_capture_on_commit_callbacks
):
    summary = _allocated(fair, booth, operator, [aida_at_fair])
    assert summary["interviews"] == 1 and summary["students_without"] == 0
    client.force_login(aida.user)
    assert "not published yet" in client.get(f"/students/fairs/{fair.pk}/agenda/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.fair_publish(fair=fair, by=operator) == 1
    assert mail.outbox[-1].to == [aida.user.email]
    page = client.get(f"/students/fairs/{fair.pk}/agenda/").content.decode()
    assert "KazMunai" in page
    feed = client.get(f"/students/feed/{aida_at_fair.feed_token}.ics")
    calendar = Calendar.from_ical(feed.content)
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 1 and entries[0]["status"] == "CONFIRMED"
    assert "KazMunai" in str(entries[0]["summary"])


def test_the_interviews_feed_speaks_the_students_language_and_its_link_can_be_reset(
    client, fair, booth, operator, aida_at_fair, aida
):
    """As the events' agenda feed: the student's language, not the calendar app's; a leaked
    link is replaced from the agenda page (webcal:// offered too), and the old one stops."""
    _allocated(fair, booth, operator, [aida_at_fair])
    services.fair_publish(fair=fair, by=operator)
    aida.user.language = "ru"
    aida.user.save(update_fields=["language"])
    old = f"/students/feed/{aida_at_fair.feed_token}.ics"
    feed = client.get(old, HTTP_ACCEPT_LANGUAGE="en")
    summary = str(Calendar.from_ical(feed.content).walk("VEVENT")[0]["summary"])
    assert summary.startswith("Собеседование"), summary
    client.force_login(aida.user)
    page = client.get(f"/students/fairs/{fair.pk}/agenda/").content.decode()
    assert f'href="webcal://testserver{old}"' in page
    reset = f"/students/fairs/{fair.pk}/feed-reset/"
    response = post_form(client, f"/students/fairs/{fair.pk}/agenda/", {}, action=reset)
    assert response.status_code == 302
    assert client.get(old).status_code == 404
    aida_at_fair.refresh_from_db()
    assert client.get(f"/students/feed/{aida_at_fair.feed_token}.ics").status_code == 200
    assert AuditEntry.objects.filter(action="job_fair.feed_reset").count() == 1


def test_the_page_queues_the_allocation_and_follows_it_to_its_summary(
    client, fair, booth, operator, aida_at_fair, aida, django_capture_on_commit_callbacks
):
    services.preferences_set(registration=aida_at_fair, by=aida.user, booths=[booth])
    client.force_login(operator)
    manage = f"/students/fairs/{fair.pk}/manage/"
    action = f"/students/fairs/{fair.pk}/manage/allocate/"

    with django_capture_on_commit_callbacks(execute=True):
        queued = post_form(client, manage, {}, action=action)

    job = JobProgress.objects.get(kind="students.allocate")
    assert queued.status_code == 302 and queued["Location"] == f"{manage}?job={job.pk}"
    assert (job.state, job.result["interviews"], job.started_by) == ("done", 1, operator)
    page = client.get(queued["Location"]).content.decode()
    assert "Interviews allocated: 1; students who asked and have none: 0." in page
    # Done: the page stops polling.
    assert f'hx-get="/students/fairs/{fair.pk}/allocations/{job.pk}/"' not in page
    assert Interview.objects.filter(fair=fair).count() == 1
    assert AuditEntry.objects.filter(action="job_fair.allocate", actor=operator).exists()


def test_an_allocation_under_way_is_polled_and_blocks_a_second(
    client, fair, booth, operator, aida_at_fair, aida
):
    services.preferences_set(registration=aida_at_fair, by=aida.user, booths=[booth])
    client.force_login(operator)
    manage = f"/students/fairs/{fair.pk}/manage/"
    # The commit's callbacks are not run: queued, no worker has taken it.
    post_form(client, manage, {}, action=f"/students/fairs/{fair.pk}/manage/allocate/")
    job = JobProgress.objects.get(kind="students.allocate")

    # Another visit to the page (without ?job=) still shows it, polling, the button off.
    page = client.get(manage).content.decode()
    poll = f"/students/fairs/{fair.pk}/allocations/{job.pk}/"
    assert f'hx-get="{poll}"' in page and "Waiting for the background worker" in page
    assert client.get(poll).status_code == 200
    again = client.post(f"/students/fairs/{fair.pk}/manage/allocate/", follow=True)
    assert "An allocation of this fair is already under way." in again.content.decode()
    assert JobProgress.objects.filter(kind="students.allocate").count() == 1
    assert Interview.objects.filter(fair=fair).count() == 0


def test_an_allocation_job_is_read_only_through_its_own_fair(
    client, fair, booth, operator, aida_at_fair
):
    from tests.students.factories import job_fair

    job = services.fair_allocate_enqueue(fair=fair, by=operator)
    other = job_fair(fair.event.programme, operator)
    client.force_login(operator)
    assert client.get(f"/students/fairs/{other.pk}/allocations/{job.pk}/").status_code == 404
    assert client.get(f"/students/fairs/{other.pk}/manage/?job={job.pk}").status_code == 200
    page = client.get(f"/students/fairs/{other.pk}/manage/?job={job.pk}").content.decode()
    assert f"allocation-{job.pk}" not in page


def test_a_failed_allocation_says_why(client, fair, booth, operator, settings):
    from twinning.students.tasks import allocate_fair

    job = services.fair_allocate_enqueue(fair=fair, by=operator)
    fair.event.slots.all().delete()  # the grid went away before the worker took it
    allocate_fair.call(fair_id=fair.pk, job_id=job.pk, by_id=operator.pk)

    job.refresh_from_db()
    assert job.state == "failed"
    client.force_login(operator)
    part = client.get(f"/students/fairs/{fair.pk}/allocations/{job.pk}/").content.decode()
    assert "The allocation failed." in part and "Set up the fair&#x27;s slot grid first." in part


def test_only_operators_allocate_and_publish(fair, booth, kazmunai, aida):
    with pytest.raises(PermissionDenied):
        services.fair_allocate(fair=fair, by=aida.user)
    with pytest.raises(PermissionDenied):
        services.fair_publish(fair=fair, by=kazmunai[1])


def test_a_decline_offers_the_slot_to_the_next_alternate(
    client, fair, booth, operator, kazmunai, aida_at_fair, aida, django_capture_on_commit_callbacks
):
    others = [registered(fair, student(name=f"Alt {n}")) for n in range(2)]
    services.shortlist_set(booth=booth, by=kazmunai[1], chosen=[aida_at_fair], alternates=others)
    booth.interviewers = 1
    booth.save()
    _allocated(fair, booth, operator, [aida_at_fair])
    services.fair_publish(fair=fair, by=operator)
    interview = aida_at_fair.interviews.get()
    with django_capture_on_commit_callbacks(execute=True):
        offer = services.interview_decline(interview=interview, by=aida.user)
    assert offer is not None and offer.registration == others[0]
    assert offer.slot == interview.slot and offer.status == Interview.Status.OFFERED
    assert mail.outbox[-1].to == [others[0].student.user.email]
    feed = client.get(f"/students/feed/{aida_at_fair.feed_token}.ics")
    assert Calendar.from_ical(feed.content).walk("VEVENT")[0]["status"] == "CANCELLED"
    with pytest.raises(PermissionDenied):
        services.interview_accept(interview=offer, by=aida.user)
    services.interview_accept(interview=offer, by=others[0].student.user)
    again = services.interview_decline(interview=offer, by=others[0].student.user)
    assert again is not None and again.registration == others[1]


def test_the_database_refuses_a_student_in_two_places(
    fair, booth, operator, aida_at_fair, programme
):
    other = services.booth_add(fair=fair, organisation=employer(programme)[0], by=operator)
    slot = fair.event.slots.first()
    Interview.objects.create(fair=fair, booth=booth, registration=aida_at_fair, slot=slot)
    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.create(fair=fair, booth=other, registration=aida_at_fair, slot=slot)


def test_check_in_by_scanning_the_pass_and_by_search(
    client, fair, booth, kazmunai, aida_at_fair, aida, bolat_at_fair
):
    client.force_login(aida.user)
    pass_page = client.get(f"/students/fairs/{fair.pk}/pass/").content.decode()
    assert "<svg" in pass_page and aida_at_fair.pass_token not in pass_page.split("<svg")[0]
    client.force_login(kazmunai[1])
    scan = f"/students/fairs/{fair.pk}/check-in/{aida_at_fair.pass_token}/"
    assert client.post(scan).status_code == 302
    aida_at_fair.refresh_from_db()
    assert aida_at_fair.checked_in_at is not None
    response = client.post(
        f"/students/fairs/{fair.pk}/check-in/", {"registration": bolat_at_fair.pk}
    )
    assert response.status_code == 302
    bolat_at_fair.refresh_from_db()
    assert bolat_at_fair.checked_in_by == kazmunai[1]


def test_a_student_cannot_check_anyone_in(client, fair, aida_at_fair, bolat):
    client.force_login(bolat.user)
    assert client.get(f"/students/fairs/{fair.pk}/check-in/").status_code == 403


def test_notes_are_the_employers_own_and_leads_list_only_consenting_students(
    client, fair, booth, kazmunai, programme, operator, aida_at_fair, bolat_at_fair
):
    services.note_save(
        booth=booth, registration=aida_at_fair, by=kazmunai[1], text="Strong SQL", rating=5
    )
    services.note_save(
        booth=booth, registration=bolat_at_fair, by=kazmunai[1], text="Met", rating=3
    )
    other_org, rival = employer(programme)
    other_booth = services.booth_add(fair=fair, organisation=other_org, by=operator)
    with pytest.raises(PermissionDenied):
        services.note_save(booth=booth, registration=aida_at_fair, by=rival, text="x", rating=1)
    client.force_login(rival)
    assert client.get(f"/students/fairs/{fair.pk}/booths/{booth.pk}/leads.xlsx").status_code == 403
    assert client.get(f"/students/fairs/{fair.pk}/booths/{other_booth.pk}/").status_code == 200
    client.force_login(kazmunai[1])
    response = client.get(f"/students/fairs/{fair.pk}/booths/{booth.pk}/leads.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    names = [row[0] for row in rows[1:]]
    assert names == [aida_at_fair.student.display_name]
    assert rows[1][8] == 5 and rows[1][9] == "Strong SQL"


def test_rating_out_of_range_is_refused(booth, kazmunai, aida_at_fair):
    with pytest.raises(ValidationError):
        services.note_save(
            booth=booth, registration=aida_at_fair, by=kazmunai[1], text="", rating=9
        )


def test_the_fair_page_lists_every_booth_and_interview_a_page_at_a_time(
    client, fair, booth, operator, programme, aida_at_fair, bolat_at_fair, monkeypatch
):
    """It showed the first 500 interviews and said nothing of the rest."""
    from twinning.core import pagination

    services.booth_add(fair=fair, organisation=employer(programme, "Second Ltd")[0], by=operator)
    _allocated(fair, booth, operator, [aida_at_fair, bolat_at_fair])
    monkeypatch.setattr(pagination, "PAGE_SIZE", 1)
    client.force_login(operator)
    url = f"/students/fairs/{fair.pk}/manage/"
    first = client.get(url).content.decode()
    assert first.count("Page 1 of 2") == 2  # booths and interviews, each paged
    assert "KazMunai" in first and "Second Ltd" not in first
    assert "Second Ltd" in client.get(url, {"booths": 2}).content.decode()
    students = {aida_at_fair.student.display_name, bolat_at_fair.student.display_name}
    shown = [client.get(url, {"page": n}).content.decode() for n in (1, 2)]
    assert all(any(name in page for page in shown) for name in students)
