"""The student's journey of issue #18 in a real browser, in English and in Russian: sign-up
with consents, a position written in Russian found from an English profile, ranking, the
operator's allocation and publication, the agenda and its .ics, and the employer's check-in by
QR, note and leads export."""

import datetime as dt
import io
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.factories import OperatorFactory, follow_sign_up_link
from tests.students.factories import PDF, employer, job_fair
from twinning.students import services
from twinning.students.models import FairRegistration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def fair_with_employers(programme):  # type: ignore[no-untyped-def]
    operator = OperatorFactory(email="operator@embassy.example")
    fair = job_fair(programme, operator)
    kaz, recruiter = employer(programme, "Qazaq Data LLP")
    recruiter.email = "recruiter@qazaq.example"
    recruiter.save()
    uk, uk_recruiter = employer(programme, "Dales Wool Ltd")
    closes = timezone.localdate() + dt.timedelta(days=40)
    russian = services.position_create(
        organisation=kaz, by=recruiter, title="Стажёр-аналитик данных",
        description="Анализ данных о продажах: SQL, Python, отчёты.", language="ru",
        kind="internship", location="kz", skills="python, sql", languages="ru", closes_on=closes,
    )  # fmt: skip
    wool = services.position_create(
        organisation=uk, by=uk_recruiter, title="Wool grading apprentice",
        description="Sorting fleeces at our Bradford mill.", language="en", kind="placement",
        location="uk", skills="sheep, wool", languages="en", closes_on=closes,
    )  # fmt: skip
    for position, author in ((russian, recruiter), (wool, uk_recruiter)):
        services.position_submit(position=position, by=author)
        services.position_publish(position=position, by=operator)
    booth = services.booth_add(fair=fair, organisation=kaz, by=operator, interviewers=2)
    services.booth_add(fair=fair, organisation=uk, by=operator, interviewers=1)
    return fair, booth, operator, recruiter


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()


def sign_up(page: Page, labels: dict[str, str], email: str) -> None:
    page.goto("/students/signup/")
    page.get_by_label(labels["name"]).fill("Aruzhan Abenova")
    page.get_by_label(labels["email"]).fill(email)
    page.locator("#id_password1").fill("Steppe-Eagle-2027")
    page.locator("#id_password2").fill("Steppe-Eagle-2027")
    page.locator("#id_consent").check()
    page.locator("#id_university").select_option("leeds")
    page.locator("#id_course").fill("MSc Data Science")
    page.locator("#id_level").select_option("taught")
    page.locator("#id_graduation_year").fill("2027")
    page.locator("#id_skills").fill("python, sql, statistics")
    page.locator("#id_language_en").select_option("C1")
    page.locator("#id_language_ru").select_option("C1")
    page.locator("input[name=purposes][value=embassy_contact]").check()
    page.locator("#id_cv").set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.locator("main form button[type=submit]").click()
    follow_sign_up_link(page, email)


@pytest.fixture
def open_page(browser, live_server):
    """Pages of several people, each in its own browser context, all closed after the test.

    Left open, their last requests would still run in the live server's threads during the next
    test and reach its database.
    """
    contexts = []
    threads_before = threading.active_count()

    def open_(locale):
        context = browser.new_context(base_url=live_server.url, locale=locale)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()
    deadline = time.monotonic() + 5
    while threading.active_count() > threads_before and time.monotonic() < deadline:
        time.sleep(0.05)


def test_student_journey_from_sign_up_to_check_in_and_leads(open_page, fair_with_employers):
    fair, booth, operator, recruiter = fair_with_employers
    student_page = open_page("en-GB")
    student_page.set_default_timeout(30_000)
    labels = {"name": "Full name", "email": "E-mail address"}
    sign_up(student_page, labels, "aruzhan@leeds.ac.uk")
    expect(student_page.get_by_role("heading", name="My student profile")).to_be_visible()
    expect(student_page.get_by_text("Contact by the embassy: given")).to_be_visible()

    # An English profile finds the position written in Russian, first, with the reasons.
    student_page.get_by_role("link", name="Positions for me").click()
    first = student_page.locator("ol > li").first
    expect(first).to_contain_text("Стажёр-аналитик данных")
    expect(first).to_contain_text("Skills in common: python, sql")

    student_page.goto(f"/students/fairs/{fair.pk}/")
    student_page.get_by_label("Share my profile and CV with the employers of this fair").check()
    student_page.get_by_role("button", name="Register for the fair").click()
    expect(student_page.get_by_text("You are registered for the fair.")).to_be_visible()
    student_page.locator("#id_choice_1").select_option(str(booth.pk))
    student_page.get_by_role("button", name="Save my ranking").click()
    expect(student_page.get_by_text("Your ranking has been saved.")).to_be_visible()

    operator_page = open_page("en-GB")
    operator_page.set_default_timeout(60_000)
    log_in(operator_page, operator.email)
    operator_page.goto(f"/students/fairs/{fair.pk}/manage/")
    operator_page.get_by_role("button", name="Allocate interviews").click()
    # Queued for the background worker: the page says so and polls, the button is off.
    expect(operator_page.get_by_text("Waiting for the background worker…")).to_be_visible()
    expect(operator_page.get_by_role("button", name="Allocate interviews")).to_be_disabled()
    operator_page.evaluate("window.notReloaded = true")
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    expect(operator_page.get_by_text("Interviews allocated: 1;")).to_be_visible()
    assert operator_page.evaluate("window.notReloaded") is True  # updated in place
    operator_page.get_by_role("link", name="Show the interviews").click()
    expect(operator_page.locator("main table")).to_contain_text("Qazaq Data LLP")
    operator_page.get_by_role("button", name="Publish interviews").click()
    expect(operator_page.get_by_text("1 interview published.")).to_be_visible()

    student_page.goto(f"/students/fairs/{fair.pk}/agenda/")
    expect(student_page.locator("main table")).to_contain_text("Qazaq Data LLP")
    feed = student_page.get_by_role("link", name="Add to my calendar (.ics)").get_attribute("href")
    calendar = student_page.request.get(feed).text()
    assert "BEGIN:VEVENT" in calendar and "Qazaq Data LLP" in calendar
    student_page.goto(f"/students/fairs/{fair.pk}/")
    student_page.get_by_role("link", name="My pass").click()
    expect(student_page.locator(".pass-qr svg")).to_be_visible()

    registration = FairRegistration.objects.get(fair=fair)
    employer_page = open_page("en-GB")
    employer_page.set_default_timeout(30_000)
    log_in(employer_page, recruiter.email)
    employer_page.goto(f"/students/fairs/{fair.pk}/check-in/{registration.pass_token}/")
    employer_page.get_by_role("button", name="Check in").click()
    expect(employer_page.get_by_text("Checked in at")).to_be_visible()
    employer_page.get_by_label("Note").fill("Strong SQL; invite to the second round")
    employer_page.locator("#id_rating").select_option("5")
    employer_page.get_by_role("button", name="Save the note").click()
    expect(employer_page.get_by_text("Your note has been saved.")).to_be_visible()
    employer_page.goto(f"/students/fairs/{fair.pk}/booths/{booth.pk}/")
    with employer_page.expect_download() as download:
        employer_page.get_by_role("link", name="Export leads (XLSX)").click()
    body = Path(download.value.path()).read_bytes()
    rows = list(load_workbook(io.BytesIO(body)).active.values)
    assert rows[1][0] == "Aruzhan Abenova" and rows[1][8] == 5


# What the journey reads and clicks, in each language as the catalogues say it.
WORDS = {
    "ru": {
        "locale": "ru-RU", "switch": "Русский", "name": "Полное имя",
        "email": "Адрес электронной почты", "profile": "Мой профиль студента",
        "positions": "Вакансии для меня",
        "share": "Показать мой профиль и резюме работодателям этой ярмарки",
        "register": "Зарегистрироваться на ярмарку", "save": "Сохранить мой выбор",
        "twice": "Каждого работодателя можно указать только один раз.",
        "saved": "Ваш выбор сохранён.", "interviews": "Мои собеседования",
        "calendar": "Добавить в мой календарь (.ics)",
        "reset": "Сбросить ссылку на календарь", "replaced": "Ссылка на календарь заменена",
    },
    "kk": {
        "locale": "kk-KZ", "switch": "Қазақша", "name": "Толық аты-жөні",
        "email": "Электрондық пошта мекенжайы", "profile": "Менің студент профилім",
        "positions": "Маған арналған бос орындар",
        "share": "Профилім мен түйіндемемді осы жәрмеңкенің жұмыс берушілеріне көрсету",
        "register": "Жәрмеңкеге тіркелу", "save": "Таңдауымды сақтау",
        "twice": "Әр жұмыс берушіні тек бір рет көрсетуге болады.",
        "saved": "Таңдауыңыз сақталды.", "interviews": "Менің сұхбаттарым",
        "calendar": "Күнтізбеме қосу (.ics)",
        "reset": "Күнтізбе сілтемесін жаңарту", "replaced": "Күнтізбе сілтемесі ауыстырылды",
    },
}  # fmt: skip


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_journey_in_russian_and_in_kazakh(open_page, fair_with_employers, language):
    """From sign-up to the published interview agenda and its calendar link, reset when
    leaked, in Russian and in Kazakh."""
    words = WORDS[language]
    fair, booth, operator, _recruiter = fair_with_employers
    page = open_page(words["locale"])
    page.set_default_timeout(30_000)
    page.goto("/students/signup/")
    page.get_by_role("button", name=words["switch"]).click()
    labels = {"name": words["name"], "email": words["email"]}
    sign_up(page, labels, f"aruzhan.{language}@york.ac.uk")
    expect(page.get_by_role("heading", name=words["profile"])).to_be_visible()
    page.get_by_role("link", name=words["positions"]).click()
    expect(page.locator("ol > li").first).to_contain_text("Стажёр-аналитик данных")
    page.goto(f"/students/fairs/{fair.pk}/")
    page.get_by_label(words["share"]).check()
    page.get_by_role("button", name=words["register"]).click()
    page.locator("#id_choice_1").select_option(str(booth.pk))
    page.locator("#id_choice_2").select_option(str(booth.pk))
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["twice"])).to_be_visible()
    page.locator("#id_choice_1").select_option(str(booth.pk))
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["saved"])).to_be_visible()
    services.fair_allocate(fair=fair, by=operator, time_limit=10)
    services.fair_publish(fair=fair, by=operator)
    page.goto(f"/students/fairs/{fair.pk}/agenda/")
    expect(page.get_by_role("heading", name=words["interviews"])).to_be_visible()
    expect(page.locator("main table")).to_contain_text("Qazaq Data LLP")
    calendar = page.get_by_role("link", name=words["calendar"])
    old = calendar.get_attribute("href")
    assert page.request.get(old).status == 200
    # A leaked link is reset from the agenda: a new one is shown, the old one stops.
    page.get_by_role("button", name=words["reset"]).click()
    expect(page.get_by_text(words["replaced"])).to_be_visible()
    new = page.get_by_role("link", name=words["calendar"]).get_attribute("href")
    assert new != old
    assert page.request.get(old).status == 404
    assert page.request.get(new).status == 200


def test_an_imported_student_claims_the_profile_in_russian(open_page, programme, settings):
    """The operator imports a file on the web (dry run, then the background import); a student
    opens the e-mailed link in Russian, claims the profile and is signed in on it."""
    from django.core import mail

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    operator = OperatorFactory(email="operator@embassy.example")
    operator.set_password(PASSWORD)
    operator.save()
    data = Path(__file__).resolve().parent.parent / "data" / "students_good.csv"
    desk = open_page("en-GB")
    log_in(desk, operator.email)
    desk.goto("/outcomes/imports/")
    desk.locator("#id_kind").select_option("students")
    desk.locator("#id_upload").set_input_files(str(data))
    desk.get_by_role("button", name="Check the file").click()
    expect(desk.get_by_text("The check found no problems in 3 rows.")).to_be_visible()
    desk.get_by_role("button", name="Import now").click()
    expect(desk.locator("#import-progress")).to_contain_text("3 rows were imported.")
    desk.goto("/students/outreach/invite/")
    expect(desk.get_by_test_id("unclaimed")).to_contain_text("3 imported students")

    message = next(m for m in mail.outbox if m.to == ["aruzhan.sadykova@leeds.ac.uk"])
    assert message.subject == "Ваш профиль студента ждёт вас"
    link = next(line for line in message.body.splitlines() if "/students/claim/" in line)
    student = open_page("ru-RU")
    student.goto(link.strip())
    expect(student.get_by_role("heading", name="Примите свой профиль студента")).to_be_visible()
    expect(student.locator("#id_email")).to_have_value("aruzhan.sadykova@leeds.ac.uk")
    expect(student.locator("#id_email")).to_be_disabled()
    student.locator("#id_password1").fill("Steppe-Eagle-2027")
    student.locator("#id_password2").fill("Steppe-Eagle-2027")
    student.get_by_role("button", name="Принять профиль и войти").click()
    expect(student.locator(".invalid-feedback, .errorlist").first).to_be_visible()  # no consent
    student.locator("#id_password1").fill("Steppe-Eagle-2027")
    student.locator("#id_password2").fill("Steppe-Eagle-2027")
    student.locator("#id_consent").check()
    student.locator("input[name=purposes][value=embassy_contact]").check()
    student.get_by_role("button", name="Принять профиль и войти").click()
    expect(student.get_by_role("heading", name="Мой профиль студента")).to_be_visible()
    expect(student.get_by_text("Добро пожаловать! Проверьте свой профиль")).to_be_visible()
    expect(student.locator("#id_course")).to_have_value("MSc Mining Engineering")

    desk.reload()
    expect(desk.get_by_test_id("unclaimed")).to_contain_text("2 imported students")


def test_a_student_answers_a_welfare_check_from_the_email_in_russian(open_page, programme):
    """Signed out, from the e-mailed link: the page asks to confirm (opening it records
    nothing, as a mail scanner would), the button records the answer, in Russian; the
    operator's page counts it."""
    import re

    from django.core import mail

    from tests.students.factories import student
    from twinning.students.models import WelfareAnswer

    operator = OperatorFactory(email="operator@embassy.example")
    operator.set_password(PASSWORD)
    operator.save()
    aida = student(name="Aida Nurlanovna")
    aida.user.language = "ru"
    aida.user.save(update_fields=["language"])
    check = services.welfare_send(
        message="Are you safe after the storm?", filters=services.StudentFilter(), by=operator
    )
    mails = [m.body for m in mail.outbox if m.to == [aida.user.email]]
    link = next(f.group(0) for b in mails if (f := re.search(r"https?://\S+answer=help", b)))
    page = open_page("ru-RU")
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(page.get_by_role("heading", name="Проверка благополучия")).to_be_visible()
    assert WelfareAnswer.objects.get(student=aida).answer == ""
    page.get_by_role("button", name="Мне нужна помощь").click()
    expect(page.get_by_text("Спасибо. Ваш ответ:")).to_be_visible()
    assert WelfareAnswer.objects.get(student=aida).answer == "help"

    desk = open_page("en-GB")
    log_in(desk, operator.email)
    desk.goto(f"/students/outreach/welfare/{check.pk}/")
    expect(desk.get_by_text("Answered: 1 of 1; need help: 1.")).to_be_visible()
