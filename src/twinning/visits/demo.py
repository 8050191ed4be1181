"""Demo step: the ambassador's day in Leeds (the seed story) and the return trade mission from
Yorkshire to Almaty and Astana, built through the visits services."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from twinning.programmes.selectors import sectors_by_codes, side_get
from twinning.visits import selectors, services
from twinning.visits.models import Person, Venue, Visit

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

LEEDS_SLUG = "the-ambassador-of-kazakhstan-in-leeds"
MISSION_SLUG = "yorkshire-trade-mission-to-almaty-and-astana"
LONDON, ALMATY = "Europe/London", "Asia/Almaty"


@dataclass(frozen=True)
class Place:
    name: str
    address: str
    zone: str
    contact: str = ""


LEEDS_PLACES = {
    "civic": Place(
        "Leeds Civic Hall",
        "Calverley Street, Leeds LS1 1UR",
        LONDON,
        "Lord Mayor's office, +44 113 378 0000",
    ),
    "chamber": Place(
        "Leeds Chamber of Commerce",
        "White Rose House, 28a York Place, Leeds LS1 2EZ",
        LONDON,
        "Events desk, +44 113 247 0000",
    ),
    "university": Place("University of Leeds, Great Hall", "Woodhouse Lane, Leeds LS2 9JT", LONDON),
    "screen": Place(
        "Screen Yorkshire, Studio 12", "Round Foundry, Water Lane, Leeds LS11 5WH", LONDON
    ),
    "armouries": Place(
        "Royal Armouries Museum",
        "Armouries Drive, Leeds LS10 1LT",
        LONDON,
        "Hospitality team, +44 113 220 1999",
    ),
}
MISSION_PLACES = {
    "kazakhfilm": Place("Kazakhfilm Studios", "176 Abay Avenue, Almaty 050046", ALMATY),
    "invest-almaty": Place("Kazakh Invest, Almaty office", "36 Al-Farabi Avenue, Almaty", ALMATY),
    "aifc": Place("AIFC, Astana", "55/17 Mangilik El Avenue, Astana 010000", ALMATY),
    "hub": Place("Astana Hub", "55/8 Mangilik El Avenue, Astana", ALMATY),
}


def _venues(context: DemoContext, places: dict[str, Place]) -> dict[str, Venue]:
    known = {v.name: v for v in selectors.venues(programme=context.programme)}
    return {
        key: known.get(place.name)
        or services.venue_create(
            programme=context.programme,
            by=context.operator,
            name=place.name,
            address=place.address,
            time_zone=place.zone,
            contact=place.contact,
        )
        for key, place in places.items()
    }


def _at(day: dt.date, clock: str, zone: str) -> dt.datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), zoneinfo.ZoneInfo(zone))


def _person(
    context: DemoContext, visit: Visit, team: str, name: str, email: str, **fields: Any
) -> Person:
    user = context.users.get(email)
    return services.person_add(
        visit=visit, by=context.operator, team=team, name=name, email=email, user=user, **fields
    )


def _session(
    context: DemoContext, visit: Visit, venue: Venue, day: dt.date, hours: str, **fields: Any
) -> Any:
    start, end = hours.split("-")
    sectors = list(sectors_by_codes(codes=list(fields.pop("sectors", ()))))
    return services.session_create(
        visit=visit,
        by=context.operator,
        venue=venue,
        sectors=sectors,
        starts_at=_at(day, start, venue.time_zone),
        ends_at=_at(day, end, venue.time_zone),
        **fields,
    )


def _invite_and_answer(context: DemoContext, session: Any, count: int, yes: int) -> None:
    """Invite the best `count` proposals; the first `yes` of them with an account say yes."""
    services.proposals_compute(session=session, by=context.operator)
    chosen = [p.organisation for p in selectors.proposals(session=session)[:count]]
    invited = services.attendees_invite(session=session, by=context.operator, organisations=chosen)
    for attendee in [a for a in invited if a.person.user is not None][:yes]:
        services.attendee_answer(attendee=attendee, by=attendee.person.user, attending=True)


def leeds_visit(context: DemoContext) -> Visit:
    day = context.today + dt.timedelta(days=21)
    visit = services.visit_create(
        programme=context.programme,
        by=context.operator,
        host_side=side_get(code="UK"),
        title_en="The Ambassador of Kazakhstan in Leeds",
        title_ru="Посол Казахстана в Лидсе",
        title_kk="Қазақстан елшісі Лидсте",
        starts_on=day,
        ends_on=day,
        delegation_language="ru",
        delegation_time_zone=ALMATY,
        default_travel_minutes=20,
        description=(
            "The ambassador's official visit: the Lord Mayor, Yorkshire business executives, "
            "Kazakh students at Yorkshire universities, the film and television industry, and a "
            "reception."
        ),
    )
    org = context.organisations
    ambassador = _person(
        context,
        visit,
        "delegation",
        "H.E. the Ambassador of Kazakhstan",
        "ambassador@embassy-kz.example.org",
        role="Ambassador",
        languages=["kk", "ru", "en"],
        language="ru",
    )
    counsellor = _person(
        context,
        visit,
        "delegation",
        "Nurlan Abdrakhmanov",
        "trade@embassy-kz.example.org",
        role="Trade counsellor",
        languages=["kk", "ru", "en"],
        language="ru",
    )
    irina = _person(
        context,
        visit,
        "delegation",
        "Ирина Коваленко",
        "irina.kovalenko@twinning.local",
        role="Managing director",
        organisation=org.get("kostanay-meat"),
        languages=["ru"],
        language="ru",
    )
    aigerim = _person(
        context,
        visit,
        "delegation",
        "Айгерим Сейткалиева",
        "aigerim.seitkaliyeva@twinning.local",
        role="Producer",
        organisation=org.get("steppe-light"),
        languages=["kk", "ru"],
        language="kk",
    )
    protocol = _person(
        context,
        visit,
        "hosts",
        "Sarah Whitaker",
        "protocol@leeds-council.example.org",
        role="Civic protocol officer",
        organisation=org.get("leeds-council"),
    )
    james = _person(
        context,
        visit,
        "hosts",
        "James Hartley",
        "james.hartley@twinning.local",
        role="International trade lead, Leeds Chamber",
        organisation=org.get("leeds-chamber"),
    )
    places = _venues(context, LEEDS_PLACES)
    services.travel_time_set(
        venue=places["civic"], other=places["chamber"], by=context.operator, minutes=10
    )
    services.travel_time_set(
        venue=places["chamber"], other=places["university"], by=context.operator, minutes=15
    )
    services.travel_time_set(
        venue=places["university"], other=places["screen"], by=context.operator, minutes=20
    )
    services.travel_time_set(
        venue=places["screen"], other=places["armouries"], by=context.operator, minutes=10
    )
    dana = services.interpreter_add(
        visit=visit, by=context.operator, name="Dana Abenova", languages=["en", "ru"]
    )
    gulnara = services.interpreter_add(
        visit=visit, by=context.operator, name="Gulnara Zhumabayeva", languages=["en", "kk", "ru"]
    )
    envoys = [ambassador, counsellor]
    _session(
        context,
        visit,
        places["civic"],
        day,
        "09:30-10:15",
        kind="official",
        title_en="Meeting with the Lord Mayor of Leeds",
        title_ru="Встреча с лорд-мэром Лидса",
        title_kk="Лидс лорд-мэрімен кездесу",
        hosts=[protocol],
        delegates=envoys,
        topic="Twinning between Leeds and the regions of Kazakhstan.",
        interpreter_languages="en,ru",
        interpreter=dana,
        talking_points="Thank the Lord Mayor for the welcome.\nPropose a twinning agreement.",
    )
    roundtable = _session(
        context,
        visit,
        places["chamber"],
        day,
        "10:30-12:00",
        kind="roundtable",
        title_en="Business executives' roundtable: services, meat processing and tourism",
        title_ru="Круглый стол с руководителями компаний: услуги, мясопереработка и туризм",
        title_kk="Компания басшыларымен дөңгелек үстел: қызметтер, ет өңдеу және туризм",
        hosts=[james],
        delegates=[*envoys, irina],
        capacity=12,
        topic="Services, meat processing and tourism: direct business contacts and local content.",
        sectors=["10.11", "28.93", "79.11", "55.10", "70.22"],
        interpreter_languages="en,ru",
        interpreter=dana,
        talking_points="Leeds is the UK's second financial centre.\nLocal content in Kazakhstan.",
    )
    students = _session(
        context,
        visit,
        places["university"],
        day,
        "12:30-13:30",
        kind="students",
        title_en="Meeting with Kazakh students at Yorkshire universities",
        title_ru="Встреча с казахстанскими студентами вузов Йоркшира",
        title_kk="Йоркшир университеттеріндегі қазақстандық студенттермен кездесу",
        delegates=envoys,
        interpreter_languages="en,kk",
        interpreter=gulnara,
        topic="Studies, internships and the job fair in Leeds.",
    )
    film = _session(
        context,
        visit,
        places["screen"],
        day,
        "14:00-15:30",
        kind="roundtable",
        title_en="Film and television: Kazakhstan's 30% production rebate",
        title_ru="Кино и телевидение: возврат 30% затрат на съёмки в Казахстане",
        title_kk="Кино және телевизия: Қазақстанда түсірілім шығынының 30% өтемі",
        delegates=[*envoys, aigerim],
        capacity=10,
        sectors=["59.11", "59.12"],
        topic="Filming in Kazakhstan with the rebate of the Law on Cinematography.",
        interpreter_languages="en,kk",
        interpreter=gulnara,
    )
    _session(
        context,
        visit,
        places["armouries"],
        day,
        "18:30-20:30",
        kind="reception",
        title_en="Reception",
        title_ru="Приём",
        title_kk="Қабылдау",
        hosts=[protocol, james],
        delegates=[ambassador, counsellor, irina, aigerim],
    )
    _invite_and_answer(context, roundtable, count=8, yes=3)
    _invite_and_answer(context, film, count=5, yes=2)
    for number, name in enumerate(("Aruzhan Bekova", "Dias Omarov", "Madina Serikova"), start=1):
        services.guest_invite(
            session=students,
            by=context.operator,
            name=name,
            email=f"student{number}@leeds.example.ac.uk",
            language="kk",
        )
    return services.visit_publish(visit=visit, by=context.operator, despite_warnings=True)


def trade_mission(context: DemoContext) -> Visit:
    first = context.today + dt.timedelta(days=70)
    visit = services.visit_create(
        programme=context.programme,
        by=context.operator,
        host_side=side_get(code="KZ"),
        title_en="Yorkshire trade mission to Almaty and Astana",
        title_ru="Торговая миссия Йоркшира в Алматы и Астану",
        title_kk="Йоркширдің Алматы мен Астанаға сауда миссиясы",
        starts_on=first,
        ends_on=first + dt.timedelta(days=1),
        delegation_language="en",
        delegation_time_zone=LONDON,
        default_travel_minutes=30,
        description="The return mission: meat processing, film and finance in two cities.",
    )
    org = context.organisations
    james = _person(
        context,
        visit,
        "delegation",
        "James Hartley",
        "james.hartley@twinning.local",
        role="Managing director",
        organisation=org.get("aire-valley"),
    )
    emma = _person(
        context,
        visit,
        "delegation",
        "Emma Clarke",
        "emma.clarke@twinning.local",
        role="Producer",
        organisation=org.get("bronte-moor"),
    )
    host = _person(
        context,
        visit,
        "hosts",
        "Askar Nurpeisov",
        "askar@kazakh-invest.example.kz",
        role="Investment officer",
        organisation=org.get("kazakh-invest"),
        languages=["kk", "ru", "en"],
        language="ru",
    )
    places = _venues(context, MISSION_PLACES)
    services.interpreter_add(
        visit=visit, by=context.operator, name="Timur Sadykov", languages=["en", "ru"]
    )
    second = first + dt.timedelta(days=1)
    _session(
        context,
        visit,
        places["kazakhfilm"],
        first,
        "10:00-12:00",
        kind="site_visit",
        title_en="Kazakhfilm Studios: stages, crews and the rebate",
        hosts=[host],
        delegates=[emma],
        sectors=["59.11"],
        interpreter_languages="en,ru",
    )
    _session(
        context,
        visit,
        places["invest-almaty"],
        first,
        "12:15-13:30",
        kind="roundtable",
        title_en="Meat processing: equipment and local content",
        hosts=[host],
        delegates=[james],
        sectors=["10.11", "28.93"],
        interpreter_languages="en,ru",
        topic="Meat processing lines, service and local content.",
    )
    _session(
        context,
        visit,
        places["aifc"],
        second,
        "10:00-11:00",
        kind="official",
        title_en="Astana International Financial Centre",
        hosts=[host],
        delegates=[james, emma],
        interpreter_languages="en,ru",
    )
    _session(
        context,
        visit,
        places["hub"],
        second,
        "11:00-12:00",
        kind="site_visit",
        title_en="Astana Hub",
        delegates=[james, emma],
    )
    return visit


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    if selectors.visit_get(slug=LEEDS_SLUG) is not None:
        return Tally(existing=2)
    leeds_visit(context)
    trade_mission(context)
    return Tally(created=2)
