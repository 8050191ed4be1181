"""Demo step: the embassy's London job fair for Kazakh students (February) and a smaller Leeds
fair, ~300 students across the universities, 25 employers from both sides with 60 positions in
English, Russian and Kazakh, preferences and shortlists, interviews allocated by the optimiser
and published, and an embassy reception with invitations and answers.

Students have no password (they would reset it) except the demo login `student@twinning.local`;
they are created in bulk because hashing 300 passwords would slow `make run` down by minutes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from twinning.core.models import User
from twinning.core.services import consent_record
from twinning.events import services as event_services
from twinning.programmes.selectors import regions, sectors_by_codes
from twinning.students import services
from twinning.students.models import JobFair, Position, Student, StudentConsent
from twinning.students.universities import universities

if TYPE_CHECKING:
    from twinning.demo.steps.base import DemoContext, Tally

STUDENT_LOGIN = "student@twinning.local"


@dataclass(frozen=True)
class Size:
    students: int = 300
    employers: int = 25
    positions: int = 60
    london_students: int = 220
    london_employers: int = 20
    leeds_from: int = 200


LONDON = "London job fair for Kazakh students"

FIRST = ["Aruzhan", "Dias", "Aigerim", "Nursultan", "Madina", "Yerlan", "Dana", "Timur", "Aliya",
         "Arman", "Kamila", "Sanzhar", "Zarina", "Bekzat", "Togzhan", "Alikhan", "Saule", "Daulet",
         "Inkar", "Miras", "Aisha", "Yernar", "Gulnaz", "Askar", "Symbat"]  # fmt: skip
LAST = ["Abenova", "Serikuly", "Nurlanovna", "Zhaksylykov", "Tokayeva", "Amanov", "Bekova",
        "Kassymov", "Omarova", "Iskakov", "Sadykova", "Mukhamedov", "Zhunusova", "Baimukhanov",
        "Tulegenova", "Akhmetov", "Yesenova", "Karimov"]  # fmt: skip
COURSES = [
    ("MSc Data Science", "python, sql, machine learning"),
    ("MSc Petroleum Engineering", "reservoir modelling, matlab"),
    ("BSc Mining Engineering", "autocad, geology"),
    ("MBA", "strategy, finance, negotiation"),
    ("LLM International Commercial Law", "contracts, arbitration"),
    ("BA Film and Television", "editing, davinci resolve, production"),
    ("MSc Food Science", "food safety, haccp, quality"),
    ("BEng Mechanical Engineering", "solidworks, cad, manufacturing"),
    ("MSc Finance", "excel, financial modelling, bloomberg"),
    ("BA International Relations", "policy analysis, russian, kazakh"),
    ("MSc Tourism Management", "marketing, hospitality"),
    ("PhD Renewable Energy", "solar, wind, simulation"),
]
# The NACE divisions a student of each course would like to work in, in the order of COURSES.
COURSE_SECTORS = [
    ["62", "63"], ["06", "09"], ["07", "08"], ["70"], ["69"], ["59"], ["10"], ["28"],
    ["64", "66"], ["84"], ["79", "55"], ["35"],
]  # fmt: skip
# The NACE division of each position, in the order of POSITIONS[language].
POSITION_SECTORS = {
    "en": ["63", "08", "59", "10"], "ru": ["63", "28", "64", "69"], "kk": ["79", "35", "07", "64"],
}  # fmt: skip
LEVELS = ["undergraduate", "undergraduate", "taught", "taught", "taught", "research", "foundation"]

# Position titles and descriptions in the three languages the employers write in.
POSITIONS = {
    "en": [
        ("Graduate data analyst", "Analyse production and sales data with SQL and Python.",
         "python, sql"),
        ("Summer internship in mining engineering", "Ten weeks at our Yorkshire quarry sites.",
         "autocad, geology"),
        ("Junior film production coordinator", "Help run shoots for UK–Kazakh co-productions.",
         "production, editing"),
        ("Placement in food quality", "Quality assurance in a meat-processing plant.",
         "haccp, food safety"),
    ],
    "ru": [
        ("Стажёр-аналитик данных", "Анализ данных о добыче и продажах, SQL и Python.",
         "python, sql"),
        ("Инженер-механик (выпускник)", "Проектирование оборудования для переработки мяса.",
         "solidworks, cad"),
        ("Специалист по финансовому моделированию", "Модели проектов в энергетике, Excel.",
         "excel, financial modelling"),
        ("Стажировка в юридическом отделе", "Договоры с британскими партнёрами, арбитраж.",
         "contracts, arbitration"),
    ],
    "kk": [
        ("Туризм бойынша маркетинг маманы", "Ұлыбританиядан келетін туристерге арналған турлар.",
         "marketing, hospitality"),
        ("Жаңартылатын энергия инженері", "Күн және жел станцияларын модельдеу.",
         "solar, wind, simulation"),
        ("Тау-кен инженері тағылымдамасы", "Қарағанды кеніштеріндегі жазғы тағылымдама.",
         "geology, autocad"),
        ("Қаржы талдаушысы", "Инвестициялық жобаларды талдау, Excel және Bloomberg.",
         "excel, bloomberg"),
    ],
}  # fmt: skip


def load(context: DemoContext) -> Tally:
    from twinning.demo.steps.base import Tally

    if JobFair.objects.filter(event__title_en=LONDON).exists():
        return Tally(existing=1)
    job_fairs(context, Size())
    return Tally(created=2)


def job_fairs(context: DemoContext, size: Size) -> tuple[JobFair, JobFair]:
    """Students, positions, both fairs allocated and published, and the reception."""
    rng = random.Random(2027)  # noqa: S311 - demo data
    students = _students(context, rng, size.students)
    employers = _employers(context, size.employers)
    positions = _positions(context, employers, size.positions)
    context.report(f"  {len(students)} students, {len(employers)} employers, {positions} positions")
    london = _fair(
        context, "London", employers[: size.london_employers],
        students[: size.london_students], rng,
    )  # fmt: skip
    leeds = _fair(
        context, "Leeds", employers[size.employers // 2 :], students[size.leeds_from :], rng
    )
    for fair in (london, leeds):
        summary = services.fair_allocate(fair=fair, by=context.operator, time_limit=10)
        services.fair_publish(fair=fair, by=context.operator)
        context.report(
            f"  {fair.event.title_en}: {summary['interviews']} interviews, "
            f"{summary['students_without']} of {summary['students_asking']} asking without one"
        )
    _reception(context, rng)
    context.report(f"  student login: {STUDENT_LOGIN} (the demo password)")
    return london, leeds


def _profile(n: int, rng: random.Random, kz_regions: list[Any]) -> dict[str, Any]:
    yorkshire = [u.slug for u in universities() if u.yorkshire]
    others = [u.slug for u in universities() if not u.yorkshire and u.slug != "other"]
    course, skills = COURSES[n % len(COURSES)]
    languages = {"kk": rng.choice(["native", "C1", "B1"]), "ru": rng.choice(["native", "C1"])}
    languages["en"] = rng.choice(["C1", "C1", "B1"])
    return {
        "university": yorkshire[n % len(yorkshire)] if n % 3 else rng.choice(others),
        "course": course,
        "level": LEVELS[n % len(LEVELS)],
        "graduation_year": 2026 + n % 4,
        "home_region": kz_regions[n % len(kz_regions)],
        "skills": skills,
        "languages": languages,
        "needs_sponsorship": [True, False, None][n % 3],
        "visa_route": ["student", "graduate", ""][n % 3],
        "scholarship_obligation": "Bolashak: 5 years in Kazakhstan from 2028" if n % 7 == 0 else "",
    }


def _students(context: DemoContext, rng: random.Random, count: int) -> list[Student]:
    kz_regions = list(regions().filter(side__code="KZ").order_by("slug"))
    users = []
    for n in range(count):
        name = f"{FIRST[n % len(FIRST)]} {LAST[(n * 7) % len(LAST)]}"
        email = STUDENT_LOGIN if n == 0 else f"student{n:03d}@students.twinning.local"
        language = ["kk", "ru", "en"][n % 3]
        users.append(User(email=email, username=email, full_name=name, language=language))
    for user in users:
        user.set_unusable_password()
    users[0].password = context.operator.password  # the demo password, hashed once already
    User.objects.bulk_create(users)
    users = list(User.objects.filter(email__in=[u.email for u in users]).order_by("pk"))
    for user in users:
        consent_record(user=user)
    rows = [Student(user=u, **_profile(n, rng, kz_regions)) for n, u in enumerate(users)]
    Student.objects.bulk_create(rows)
    students = list(Student.objects.filter(user__in=users).select_related("user").order_by("pk"))
    divisions = {
        s.code: s
        for s in sectors_by_codes(codes=[code for codes in COURSE_SECTORS for code in codes])
    }
    Student.sectors.through.objects.bulk_create(
        Student.sectors.through(student=s, sector=divisions[code])
        for n, s in enumerate(students)
        if n % 4  # a quarter say nothing about sectors
        for code in COURSE_SECTORS[n % len(COURSES)]
    )
    consents = [
        StudentConsent(student=s, purpose=purpose)
        for n, s in enumerate(students)
        for purpose, share in (("embassy_contact", 0.85), ("newsletter", 0.4))
        if n == 0 or rng.random() < share
    ]
    StudentConsent.objects.bulk_create(consents)
    return students


def _employers(context: DemoContext, count: int) -> list[tuple[Any, User]]:
    """Companies of both sides, alternating, each with its owner."""
    by_side: dict[str, list[tuple[Any, User]]] = {"UK": [], "KZ": []}
    for key in sorted(context.organisations):
        organisation = context.organisations[key]
        if organisation.kind == "company" and key in context.owners:
            by_side[organisation.side.code].append((organisation, context.owners[key]))
    mixed = [pair for pairs in zip(by_side["UK"], by_side["KZ"], strict=False) for pair in pairs]
    return mixed[:count]


def _positions(context: DemoContext, employers: list[tuple[Any, User]], count: int) -> int:
    closes = context.today + dt.timedelta(days=90)
    made = 0
    for n in range(count):
        organisation, owner = employers[n % len(employers)]
        language = "kk" if organisation.side.code == "KZ" and n % 2 else "ru"
        if organisation.side.code == "UK":
            language = "en" if n % 4 else "ru"
        title, description, skills = POSITIONS[language][n % 4]
        position = services.position_create(
            organisation=organisation, by=owner, title=title, description=description,
            language=language, kind=list(Position.Kind.values)[n % 4],
            location=["uk", "kz", "remote"][n % 3], skills=skills, languages=language,
            closes_on=closes,
        )  # fmt: skip
        position.sectors.set(sectors_by_codes(codes=[POSITION_SECTORS[language][n % 4]]))
        services.position_submit(position=position, by=owner)
        services.position_publish(position=position, by=context.operator)
        made += 1
    return made


def _fair(
    context: DemoContext,
    city: str,
    employers: list[tuple[Any, User]],
    students: list[Student],
    rng: random.Random,
) -> JobFair:
    operator = context.operator
    day = _february(context.today) if city == "London" else context.today + dt.timedelta(days=45)
    event = event_services.event_create(
        programme=context.programme, by=operator, kind="job_fair",
        title_en=f"{city} job fair for Kazakh students",
        title_ru=f"Ярмарка вакансий для казахстанских студентов — {city_ru(city)}",
        title_kk=f"Қазақстандық студенттерге арналған бос орындар жәрмеңкесі — {city_kk(city)}",
        description="Interviews with employers from the UK and Kazakhstan, allocated fairly.",
        venue="Embassy of Kazakhstan, London" if city == "London" else "Leeds Civic Hall",
        time_zone="Europe/London", starts_on=day, ends_on=day, requires_approval=False,
    )  # fmt: skip
    event = event_services.event_publish(event=event, by=operator)
    event_services.grid_generate(
        event=event, by=operator, day=day,
        morning=(dt.time(10, 0), dt.time(13, 0)), afternoon=(dt.time(14, 0), dt.time(16, 30)),
    )  # fmt: skip
    fair = services.fair_create(event=event, by=operator, max_interviews=4, max_wishes=6)
    booths = [
        services.booth_add(fair=fair, organisation=o, by=operator, interviewers=2 + n % 2)
        for n, (o, _owner) in enumerate(employers)
    ]
    for booth in booths:
        booth.positions.set(booth.organisation.positions.all())
    popularity = [1 / (n + 1) ** 0.7 for n in range(len(booths))]
    registrations = []
    for n, student in enumerate(students):
        share = n == 0 or rng.random() < 0.85
        registration = services.fair_register(
            fair=fair, student=student, by=student.user, share_profile=share
        )
        wanted: list[Any] = []
        while len(wanted) < rng.randint(3, 6):
            booth = rng.choices(booths, weights=popularity)[0]
            if booth not in wanted:
                wanted.append(booth)
        services.preferences_set(registration=registration, by=student.user, booths=wanted)
        registrations.append((registration, wanted, share))
    for booth, (_organisation, owner) in zip(booths, employers, strict=False):
        asking = [r for r, wanted, share in registrations if share and booth in wanted]
        half = len(asking) // 2
        services.shortlist_set(
            booth=booth, by=owner, chosen=asking[:half], alternates=asking[half : half + 5]
        )
    return fair


def _february(today: dt.date) -> dt.date:
    """The second Saturday of the next February."""
    year = today.year + 1 if today.month >= 2 else today.year
    first = dt.date(year, 2, 1)
    return first + dt.timedelta(days=(5 - first.weekday()) % 7 + 7)


def city_ru(city: str) -> str:
    return {"London": "Лондон", "Leeds": "Лидс"}[city]


def city_kk(city: str) -> str:
    return {"London": "Лондон", "Leeds": "Лидс"}[city]


def _reception(context: DemoContext, rng: random.Random) -> None:
    operator = context.operator
    day = context.today + dt.timedelta(days=30)
    event = event_services.event_create(
        programme=context.programme, by=operator, kind="reception",
        title_en="Embassy reception for Kazakh students",
        title_ru="Приём в посольстве для казахстанских студентов",
        title_kk="Елшіліктегі қазақстандық студенттерге арналған қабылдау",
        venue="Embassy of Kazakhstan, London", time_zone="Europe/London",
        starts_on=day, ends_on=day, is_public=False,
    )  # fmt: skip
    sent = services.invitations_send(
        event=event, filters=services.StudentFilter(level="taught"), by=operator
    )
    answered = 0
    for invitation in event.student_invitations.select_related("student__user").order_by("pk"):
        if rng.random() < 0.6:
            answer = "yes" if rng.random() < 0.75 else "no"
            services.invitation_answer(
                invitation=invitation, holder=invitation.student.user, answer=answer
            )
            answered += 1
    context.report(f"  reception: {sent} invited, {answered} answered")
