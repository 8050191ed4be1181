"""A visit in a real browser: the operator builds the itinerary, the platform proposes attendees
for a roundtable, an invitation is answered (in Russian), the briefing PDF is downloaded, a session
moves, and only the affected people's feeds change. The whole journey runs twice: with the
operator's interface in English, and in Russian chosen through the site's language switcher."""

import datetime as dt
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.factories import (
    MembershipFactory,
    OperatorFactory,
    OrganisationFactory,
    PublishedOpportunityFactory,
    UserFactory,
    region,
    sector,
    side,
)
from twinning.visits import services
from twinning.visits.models import Attendee, Person, Session

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"
DAY = dt.date(2027, 3, 10)


@pytest.fixture
def log_in(browser, live_server):  # type: ignore[no-untyped-def]
    contexts = []

    def sign_in(email: str, locale: str = "en-GB") -> Page:
        context = browser.new_context(base_url=live_server.url, locale=locale)
        contexts.append(context)
        context.set_default_timeout(30_000)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.locator("input[name=username], input[type=email]").first.fill(email)
        page.locator("input[type=password]").fill(PASSWORD)
        page.locator("form button[type=submit], form button:not([type])").last.click()
        expect(page.locator("form[action$='/logout/'] button")).to_be_visible()
        return page

    yield sign_in
    for context in contexts:
        context.close()


def feed(page: Page, person: Person) -> bytes:
    response = page.request.get(f"/visits/feed/{person.feed_token}.ics")
    assert response.ok
    return response.body()


def entry(body: bytes, session: Session):  # type: ignore[no-untyped-def]
    uid = f"visit-session-{session.uid}@twinning"
    return next(e for e in Calendar.from_ical(body).walk("VEVENT") if str(e["uid"]) == uid)


@pytest.fixture
def world(programme):  # type: ignore[no-untyped-def]
    operator = OperatorFactory(email="operator@embassy.example")
    machinery = OrganisationFactory(
        programme=programme,
        legal_name="Aire Valley Food Machinery",
        name_en="Aire Valley Food Machinery",
        region=region("leeds"),
        description="We build meat processing lines for abattoirs.",
    )
    machinery.sectors.set([sector("28.93")])
    PublishedOpportunityFactory(
        organisation=machinery, title="Abattoir lines for export", sectors=[sector("10.11")]
    )
    director = UserFactory(
        email="director@aire.example", full_name="Dmitri Director", language="ru"
    )
    MembershipFactory(user=director, organisation=machinery)
    visit = services.visit_create(
        programme=programme,
        by=operator,
        title_en="The Ambassador in Leeds",
        host_side=side("UK"),
        starts_on=DAY,
        ends_on=DAY,
        delegation_language="ru",
        delegation_time_zone="Asia/Almaty",
    )
    ambassador = services.person_add(
        visit=visit,
        by=operator,
        team="delegation",
        name="The Ambassador",
        email="ambassador@embassy.example",
        languages=["ru", "en"],
        language="ru",
    )
    host = services.person_add(
        visit=visit, by=operator, team="hosts", name="Helen Host", email="helen@leeds.example"
    )
    other_host = services.person_add(
        visit=visit, by=operator, team="hosts", name="Oscar Other", email="oscar@leeds.example"
    )
    chamber = services.venue_create(
        programme=programme,
        by=operator,
        name="Leeds Chamber",
        address="York Place, Leeds",
        time_zone="Europe/London",
    )
    university = services.venue_create(
        programme=programme,
        by=operator,
        name="University of Leeds",
        address="Woodhouse Lane",
        time_zone="Europe/London",
    )
    london = dt.timezone(dt.timedelta(0))
    students = services.session_create(
        visit=visit,
        by=operator,
        kind="students",
        title_en="Students",
        venue=university,
        starts_at=dt.datetime(2027, 3, 10, 15, tzinfo=london),
        ends_at=dt.datetime(2027, 3, 10, 16, tzinfo=london),
        hosts=[other_host],
        delegates=[],
    )
    return locals()


# What the operator reads on each page, in each interface language (written out, not looked up
# through gettext, so an untranslated string fails the Russian or the Kazakh run).
TEXT = {
    "en": {
        "new session": "New session",
        "save": "Save",
        "ends before start": "A session must end after it starts.",
        "on the itinerary": "The session is on the itinerary.",
        "delegation time": "Asia/Almaty time:",
        "proposals link": "Proposals and invitations",
        "proposals heading": "Who should be in the room",
        "propose": "Propose attendees",
        "reason": "Published opportunity: Abattoir lines for export",
        "invite": "Invite Aire Valley Food Machinery",
        "invite chosen": "Invite the chosen",
        "sent": "1 invitation sent.",
        "briefing": "Briefing (PDF)",
        "guests": "Guests",
        "edit title": "Edit session",
        "saved": "Saved.",
    },
    "ru": {
        "new session": "Новая встреча",
        "save": "Сохранить",
        "ends before start": "Встреча должна заканчиваться после начала.",
        "on the itinerary": "Встреча добавлена в программу.",
        "delegation time": "время Asia/Almaty:",
        "proposals link": "Предложения и приглашения",
        "proposals heading": "Кого пригласить на встречу",
        "propose": "Предложить участников",
        "reason": "Опубликованное предложение: Abattoir lines for export",
        "invite": "Пригласить Aire Valley Food Machinery",
        "invite chosen": "Пригласить выбранных",
        "sent": "Отправлено 1 приглашение.",
        "briefing": "Справка (PDF)",
        "guests": "Гости",
        "edit title": "Изменить встречу",
        "saved": "Сохранено.",
    },
    "kk": {
        "new session": "Жаңа кездесу",
        "save": "Сақтау",
        "ends before start": "Кездесу басталғаннан кейін аяқталуы керек.",
        "on the itinerary": "Кездесу бағдарламаға қосылды.",
        "delegation time": "Asia/Almaty уақыты:",
        "proposals link": "Ұсыныстар мен шақырулар",
        "proposals heading": "Кездесуге кімді шақыру керек",
        "propose": "Қатысушыларды ұсыну",
        "reason": "Жарияланған ұсыныс: Abattoir lines for export",
        "invite": "Aire Valley Food Machinery шақыру",
        "invite chosen": "Таңдалғандарды шақыру",
        "sent": "1 шақыру жіберілді.",
        "briefing": "Анықтама (PDF)",
        "guests": "Қонақтар",
        "edit title": "Кездесуді өзгерту",
        "saved": "Сақталды.",
    },
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_an_itinerary_from_proposals_to_a_moved_session(log_in, world, language):
    visit, ambassador, host = world["visit"], world["ambassador"], world["host"]
    text = TEXT[language]
    operator = log_in("operator@embassy.example")
    # As a user would: the language switcher in the page header.
    operator.locator(f".language-switcher button[lang={language}]").click()
    expect(operator.locator("html")).to_have_attribute("lang", language)

    operator.goto(f"/visits/{visit.slug}/sessions/new/")
    expect(operator.locator("html")).to_have_attribute("lang", language)
    expect(operator.locator("h1")).to_have_text(text["new session"])
    operator.locator("#id_kind").select_option("roundtable")
    operator.locator("#id_title_en").fill("Meat processing roundtable")
    operator.locator("#id_topic").fill("Meat processing and local content")
    operator.locator("#id_venue").select_option(label="Leeds Chamber")
    operator.locator("#id_day").fill(DAY.isoformat())
    operator.locator("#id_starts").fill("11:00")
    operator.locator("#id_ends").fill("10:00")
    operator.locator("#id_sector_codes").fill("10.11")
    operator.get_by_label("Helen Host").check()
    operator.get_by_role("button", name=text["save"], exact=True).click()
    expect(operator.get_by_text(text["ends before start"])).to_be_visible()
    assert not Session.objects.filter(title_en="Meat processing roundtable").exists()
    operator.locator("#id_ends").fill("12:30")
    operator.get_by_role("button", name=text["save"], exact=True).click()
    expect(operator.get_by_text(text["on the itinerary"])).to_be_visible()
    expect(operator.get_by_text(text["delegation time"])).to_be_visible()
    roundtable = Session.objects.get(title_en="Meat processing roundtable")

    operator.get_by_role("link", name=text["proposals link"]).click()
    expect(operator.locator("h1")).to_have_text(text["proposals heading"])
    operator.get_by_role("button", name=text["propose"]).click()
    expect(operator.get_by_text(text["reason"])).to_be_visible()
    operator.get_by_label(text["invite"]).check()
    operator.get_by_role("button", name=text["invite chosen"]).click()
    expect(operator.get_by_text(text["sent"])).to_be_visible()

    attendee = Attendee.objects.get(session=roundtable)
    guest = log_in("director@aire.example", locale="ru-RU")
    guest.goto(f"/visits/rsvp/{attendee.token}/")
    expect(guest.locator("html")).to_have_attribute("lang", "ru")
    guest.get_by_label("Я приду").check()
    guest.get_by_role("button", name="Отправить ответ").click()
    expect(guest.get_by_text("Спасибо: ваш ответ записан.")).to_be_visible()
    expect(guest.locator("#answer")).to_have_text("Примет участие")

    operator.goto(f"/visits/{visit.slug}/sessions/{roundtable.pk}/")
    expect(operator.locator("#attendees-heading")).to_have_text(text["guests"])
    expect(operator.locator("#briefing-pdf")).to_have_text(text["briefing"])
    with operator.expect_download() as download:
        operator.locator("#briefing-pdf").click()
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"

    guest_person = attendee.person
    people = [ambassador, host, guest_person, world["other_host"]]
    before = {p.pk: feed(operator, p) for p in people}
    assert int(entry(before[guest_person.pk], roundtable)["sequence"]) == 0

    operator.goto(f"/visits/{visit.slug}/sessions/{roundtable.pk}/edit/")
    expect(operator).to_have_title(re.compile(re.escape(text["edit title"])))
    operator.locator("#id_starts").fill("13:00")
    operator.locator("#id_ends").fill("14:00")
    operator.get_by_role("button", name=text["save"], exact=True).click()
    expect(operator.get_by_text(text["saved"])).to_be_visible()

    after = {p.pk: feed(operator, p) for p in people}
    for person in (ambassador, host, guest_person):
        moved = entry(after[person.pk], roundtable)
        assert int(moved["sequence"]) == 1
        assert moved["dtstart"].dt.hour == 13
    assert after[world["other_host"].pk] == before[world["other_host"].pk]
