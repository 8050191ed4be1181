import datetime as dt
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.film.builders import kz_line, production
from tests.film.test_services import PDF, new_application, pdf
from twinning.film import labels, messages, services
from twinning.film.models import ApplicationDocument, FilmApplication

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

State = FilmApplication.State
ESTIMATOR = reverse("film:estimator")


def production_data(**changes):
    data = {
        "title": "Steppe Light", "format": "feature", "currency": "GBP",
        "shoot_start": "2025-06-01", "shoot_end": "2025-08-15",
        "total_core_expenditure": "30000000", "foreign_legal_entity": "on", "uk_certified": "on",
    }  # fmt: skip
    return {**data, **changes}


def line_data(*lines):
    data = {"lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": "0"}
    for index, line in enumerate(lines):
        for key, value in line.items():
            data[f"lines-{index}-{key}"] = value
    return data


KZ_CREW = {"category": "crew", "amount": "600000000", "currency": "KZT", "spent_in": "KZ",
           "paid_to_resident": "on", "core": "on"}  # fmt: skip
UK_POST = {"category": "post", "amount": "4000000", "currency": "GBP", "spent_in": "UK",
           "core": "on"}  # fmt: skip


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_every_estimator_code_has_a_translatable_label():
    assert set(labels.REASONS) == set(messages.REASONS)
    assert set(labels.WARNINGS) == set(messages.WARNINGS)
    assert set(labels.EXCLUSIONS) == set(messages.LINE_EXCLUSIONS)


@pytest.mark.parametrize(
    ("language", "days", "ending"),
    [
        ("en", 32, ", 32 days before the estimate."),
        ("ru", 32, ", за 32 дня до расчёта."),
        ("ru", 41, ", за 41 день до расчёта."),
        ("ru", 45, ", за 45 дней до расчёта."),
    ],
)
def test_the_stale_rate_warning_counts_days_in_the_readers_grammar(language, days, ending):
    params = {"base": "GBP", "quote": "KZT", "date": dt.date(2026, 1, 2), "days": days}
    with translation.override(language):
        text = labels.warning_text("stale-exchange-rate", params)
    assert text.endswith(ending)


def test_the_estimator_is_public(client):
    response = client.get(ESTIMATOR)
    assert response.status_code == 200
    assert response.context["lines"].total_form_count() == 1


def test_an_estimate_shows_every_scheme_with_reasons_sources_rates_and_a_chart(client):
    response = client.post(ESTIMATOR, {**production_data(), **line_data(KZ_CREW, UK_POST)})

    content = response.content.decode()
    rows = {row.estimate.scheme: row for row in response.context["rows"]}
    assert list(rows) == ["kz-rebate", "uk-avec", "uk-iftc"]
    rebate = rows["kz-rebate"]
    assert (rebate.estimate.eligible, rebate.estimate.amount) == (True, Decimal("180000000.00"))
    assert rebate.rate == "30%"
    assert content.count('mb-1 scheme-bar"') == 3
    assert "The applicant is a foreign legal entity." in content
    assert "A UK writer or director, or official co-production status, is required." in content
    assert "https://adilet.zan.kz/eng/docs/Z1900000212" in content
    assert "figures checked on 29 November 2026" in content
    assert "Exchange rates used" in content
    # Bars compare the amounts if eligible in GBP: the rebate at the stored GBP/KZT 655 is
    # £274,809.16; AVEC 34% and IFTC 53% of the £4m UK core spend are £1.36m and £2.12m.
    assert rebate.amount_converted == Decimal("274809.16")
    assert [row.bar_percent for row in rows.values()] == [12, 64, 100]


def test_numbers_follow_the_readers_language(client):
    data = {**production_data(), **line_data(KZ_CREW)}
    response = client.post(ESTIMATOR, data, HTTP_ACCEPT_LANGUAGE="ru")
    assert "180\xa0000\xa0000,00" in response.content.decode()


def test_mistakes_are_shown_beside_their_fields(client):
    data = {**production_data(shoot_end="2025-01-01"), **line_data({**KZ_CREW, "amount": "-5"})}
    response = client.post(ESTIMATOR, data)
    assert response.context["result"] is None
    assert "The shoot cannot end before it starts." in response.content.decode()
    assert response.context["lines"].forms[0].errors["amount"]


def test_htmx_adds_and_removes_budget_lines(client):
    url = reverse("film:estimate_lines")
    added = client.post(url, {**line_data(KZ_CREW), "add_line": "1"}, HTTP_HX_REQUEST="true")
    assert added.content.decode().count('class="budget-line"') == 2
    assert 'value="600000000"' in added.content.decode()

    data = {**line_data(KZ_CREW, UK_POST), "remove_line": "0"}
    removed = client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert removed.count('class="budget-line"') == 1
    assert 'value="post"' in removed and 'value="crew"' not in removed


def test_lines_can_be_added_without_javascript(client):
    data = {**production_data(), **line_data(KZ_CREW), "add_line": "1"}
    response = client.post(ESTIMATOR, data)
    assert response.context["lines"].total_form_count() == 2
    assert response.context["result"] is None
    assert 'value="Steppe Light"' in response.content.decode()


def test_a_producer_saves_the_estimate_as_a_draft(producer, studio):
    data = {**production_data(), **line_data(KZ_CREW, UK_POST), "studio": str(studio.pk)}
    response = client_for(producer).post(reverse("film:save_draft"), data)

    application = FilmApplication.objects.get()
    assert response.url == reverse("film:application", args=[application.pk])
    assert (application.organisation, application.state) == (studio, State.DRAFT)
    assert application.budget_lines.count() == 2


def test_saving_needs_a_log_in_and_a_studio(client, member, studio):
    data = {**production_data(), **line_data(KZ_CREW), "studio": str(studio.pk)}
    assert client.post(reverse("film:save_draft"), data).status_code == 302  # to log in
    response = client_for(member).post(reverse("film:save_draft"), data)
    assert "Only members of a film/TV studio can apply." in response.content.decode()
    assert not FilmApplication.objects.exists()


def test_the_applicant_sees_status_history_and_documents(application, producer):
    response = client_for(producer).get(reverse("film:application", args=[application.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Draft created" in content
    assert reverse("film:submit", args=[application.pk]) in content


def test_others_cannot_see_an_application(application, outsider, client):
    url = reverse("film:application", args=[application.pk])
    assert client_for(outsider).get(url).status_code == 403
    assert client.get(url).status_code == 302
    assert (
        client_for(outsider).post(reverse("film:submit", args=[application.pk])).status_code == 403
    )


def test_a_refused_upload_says_why_and_saves_nothing(application, producer):
    upload = SimpleUploadedFile("budget.exe", b"MZ\x90\x00")
    response = client_for(producer).post(
        reverse("film:document_add", args=[application.pk]),
        {"kind": "budget", "upload": upload},
        follow=True,
    )
    assert "Upload a PDF, Word (DOCX), Excel (XLSX), JPEG or PNG file." in response.content.decode()
    assert not ApplicationDocument.objects.exists()


def test_an_uploaded_document_can_be_downloaded_by_the_studio_only(application, producer, outsider):
    client = client_for(producer)
    client.post(
        reverse("film:document_add", args=[application.pk]),
        {"kind": "script", "upload": SimpleUploadedFile("script.pdf", PDF)},
    )
    document = ApplicationDocument.objects.get()
    url = reverse("film:document", args=[document.pk])
    response = client.get(url)
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="script.pdf"'
    assert "no-cache" in response["Cache-Control"]
    assert client_for(outsider).get(url).status_code == 403
    signed_out = Client().get(url)
    assert (signed_out.status_code, signed_out.url.split("?")[0]) == (302, reverse("core:login"))
    assert client.get(reverse("film:document", args=[document.pk + 1])).status_code == 404


def test_an_uploaded_document_is_not_served_from_media(application, producer, settings):
    client = client_for(producer)
    client.post(
        reverse("film:document_add", args=[application.pk]),
        {"kind": "script", "upload": SimpleUploadedFile("script.pdf", PDF)},
    )
    name = ApplicationDocument.objects.get().file.name
    assert "script" not in name
    assert not (settings.MEDIA_ROOT / name).exists()
    # Neither under its stored name nor under the old upload path.
    for path in (name, f"film/applications/{dt.date.today():%Y/%m}/script.pdf"):
        assert Client().get(f"/{settings.MEDIA_URL}{path}").status_code == 404


def test_behind_nginx_the_download_is_an_internal_redirect(application, producer, settings):
    settings.PRIVATE_STORAGE_SERVER = "nginx"
    services.application_document_add(
        application=application, by=producer, kind="script",
        upload=SimpleUploadedFile("Сценарий.pdf", PDF),
    )  # fmt: skip
    document = ApplicationDocument.objects.get()
    response = client_for(producer).get(reverse("film:document", args=[document.pk]))
    assert response["X-Accel-Redirect"] == f"/private-files/{document.file.name}"
    assert response.content == b""
    assert "filename*=utf-8''%D0%A1%D1%86" in response["Content-Disposition"]


def test_the_operator_reviews_and_approves_from_the_page(application, producer, operator):
    services.film_application_submit(application=application, by=producer)
    client = client_for(operator)
    client.post(reverse("film:review", args=[application.pk]))
    client.post(
        reverse("film:approve", args=[application.pk]), {"amount": "150000000", "currency": "KZT"}
    )
    application.refresh_from_db()
    assert (application.state, application.approved_amount) == (State.APPROVED, 150000000)


def test_a_rejection_without_a_reason_is_refused_on_the_page(application, producer, operator):
    services.film_application_submit(application=application, by=producer)
    client = client_for(operator)
    client.post(reverse("film:review", args=[application.pk]))
    response = client.post(
        reverse("film:reject", args=[application.pk]), {"reason": ""}, follow=True
    )
    assert "This field is required." in response.content.decode()
    application.refresh_from_db()
    assert application.state == State.UNDER_REVIEW


def test_a_producer_edits_a_draft(application, producer):
    data = {
        **production_data(title="Steppe Light II"), **line_data(KZ_CREW),
        "shoot_plan": "Almaty, Charyn canyon", "service_company_name": "Steppe Services LLP",
        "service_company_bin": "",
    }  # fmt: skip
    response = client_for(producer).post(reverse("film:edit", args=[application.pk]), data)
    application.refresh_from_db()
    assert response.status_code == 302
    assert (application.title, application.budget_lines.count()) == ("Steppe Light II", 1)


@pytest.mark.pins("film:mine")
def test_my_applications_take_as_many_queries_for_one_as_for_three(
    studio, producer, pinned_queries
):
    pinned_queries(
        reverse("film:mine"), lambda: new_application(studio, producer), client=client_for(producer)
    )


@pytest.mark.pins("film:queue")
def test_the_queue_takes_as_many_queries_for_one_as_for_three(
    studio, producer, operator, pinned_queries
):
    def grow():
        services.film_application_submit(application=new_application(studio, producer), by=producer)

    def check(response, rows):
        assert len(response.context["applications"]) == rows

    pinned_queries(reverse("film:queue"), grow, client=client_for(operator), check=check)


def _growing_application(studio, producer):
    """A draft with no lines, and `grow`: one more budget line and one more document (each
    change a line of its history too)."""
    application = services.film_application_create(
        organisation=studio, by=producer, production=production(), lines=[]
    )
    lines = []

    def grow():
        lines.append(kz_line(100_000_000 * (len(lines) + 1)))
        services.film_application_update(application=application, by=producer, lines=lines)
        services.application_document_add(
            application=application, by=producer, kind="script",
            upload=pdf(f"script-{len(lines)}.pdf"),
        )  # fmt: skip

    return application, grow


@pytest.mark.pins("film:application")
def test_an_application_takes_as_many_queries_for_one_line_and_document_as_for_three(
    studio, producer, pinned_queries
):
    application, grow = _growing_application(studio, producer)

    def check(response, rows):
        page = response.content.decode()
        assert page.count("Kazakh crew") == rows
        assert page.count('<form method="post" action="/film/documents/') == rows
        assert len(response.context["history"]) == 1 + 2 * rows

    pinned_queries(
        reverse("film:application", args=[application.pk]), grow,
        client=client_for(producer), check=check,
    )  # fmt: skip


@pytest.mark.pins("film:edit")
def test_editing_an_application_takes_as_many_queries_for_one_line_as_for_three(
    studio, producer, pinned_queries
):
    application, grow = _growing_application(studio, producer)

    def check(response, rows):
        assert response.context["lines"].total_form_count() == rows

    pinned_queries(
        reverse("film:edit", args=[application.pk]), grow,
        client=client_for(producer), check=check,
    )  # fmt: skip


def test_the_queue_is_for_operators(producer):
    assert client_for(producer).get(reverse("film:queue")).status_code == 403


def test_the_admin_lists_rules_and_applications(application, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client = client_for(admin)
    for name in ("incentiverule", "mcivalue", "exchangerate", "filmapplication"):
        assert client.get(reverse(f"admin:film_{name}_changelist")).status_code == 200


def test_the_admin_links_a_document_through_the_checked_route(application, producer, operator):
    services.application_document_add(
        application=application, by=producer, kind="script",
        upload=SimpleUploadedFile("script.pdf", PDF),
    )  # fmt: skip
    operator.is_superuser = True
    operator.save()
    page = client_for(operator).get(
        reverse("admin:film_filmapplication_change", args=[application.pk])
    )
    document = ApplicationDocument.objects.get()
    assert f'href="{reverse("film:document", args=[document.pk])}"' in page.content.decode()


def test_an_admin_edit_that_breaks_a_rule_is_refused(django_user_model):
    from twinning.film.models import IncentiveRule

    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    rule = IncentiveRule.objects.get(scheme="uk-avec")
    url = reverse("admin:film_incentiverule_change", args=[rule.pk])
    form = client_for(admin).get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        source=rule.source_id, parameters='{"rates": [{"formats": ["film"]}]}', valid_to="",
        checked_on="2026-11-29", valid_from="2024-01-01",
    )  # fmt: skip
    response = client_for(admin).post(url, data)
    assert response.status_code == 200
    assert "must be one of" in response.content.decode()
    rule.refresh_from_db()
    assert rule.parameters["rates"][0]["formats"] == ["feature", "documentary", "series"]
    assert dt.date(2024, 1, 1) == rule.valid_from


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_pages_render_in_every_interface_language(application, producer, operator, language):
    estimate = Client().post(
        ESTIMATOR, {**production_data(), **line_data(KZ_CREW, UK_POST)},
        HTTP_ACCEPT_LANGUAGE=language,
    )  # fmt: skip
    assert f'lang="{language}"' in estimate.content.decode()
    assert len(estimate.context["rows"]) == 3
    services.film_application_submit(application=application, by=producer)
    services.film_application_start_review(application=application, by=operator)
    services.film_application_reject(application=application, by=operator, reason="Too late.")
    page = client_for(producer).get(
        reverse("film:application", args=[application.pk]), HTTP_ACCEPT_LANGUAGE=language
    )
    assert "Too late." in page.content.decode()


FORMS = ["document_form", "changes_form", "approve_form", "reject_form", "paid_form"]


def test_operator_forms_on_an_application_have_unique_ids(application, producer, operator):
    """Approve and mark-paid both have an 'amount': each label must point at its own field."""
    services.film_application_submit(application=application, by=producer)
    client = Client()
    client.force_login(operator)
    client.post(reverse("film:review", args=[application.pk]))
    response = client.get(reverse("film:application", args=[application.pk]))
    ids = Counter(
        field.id_for_label for name in FORMS for field in response.context[name].visible_fields()
    )
    assert [field_id for field_id, count in ids.items() if count > 1] == []
    page = response.content.decode()
    on_page = Counter(re.findall(r'\sid="([^"]+)"', page))
    for field_id in re.findall(r'<label[^>]*\sfor="([^"]+)"', page):
        assert on_page[field_id] == 1, field_id


def test_superuser_is_offered_only_the_steps_of_the_current_state(application, producer, operator):
    services.film_application_submit(application=application, by=producer)
    operator.is_superuser = True
    operator.save()
    client = Client()
    client.force_login(operator)
    page = client.get(reverse("film:application", args=[application.pk])).content.decode()
    assert reverse("film:review", args=[application.pk]) in page
    for step in ("approve", "paid", "submit", "edit"):
        assert reverse(f"film:{step}", args=[application.pk]) not in page, step


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_warnings_do_not_mix_the_readers_language_with_english(client, language):
    data = {**production_data(format="animation"), **line_data(KZ_CREW, UK_POST)}
    response = client.post(ESTIMATOR, data, HTTP_ACCEPT_LANGUAGE=language)
    warnings = [pair for row in response.context["rows"] for pair in row.warnings]
    content = response.content.decode()

    english = {
        text: words
        for text, _note in warnings
        if (
            words := set(re.findall(r"[A-Za-z]{3,}", text)) - {"GBP", "KZT", "USD", "EUR", "AVEC"}
        )  # codes, acronyms
    }
    assert warnings and english == {}
    notes = [note for _text, note in warnings if note]
    assert "Animation is not named among the eligible formats." in notes
    assert '<span class="small" lang="en">Animation is not named among the eligible' in content


def test_english_warnings_keep_the_rules_note_in_the_sentence(client):
    data = {**production_data(format="animation"), **line_data(KZ_CREW, UK_POST)}
    response = client.post(ESTIMATOR, data)
    warnings = [pair for row in response.context["rows"] for pair in row.warnings]
    assert all(note == "" for _text, note in warnings)
    assert any(
        text.startswith("The rate for Animation figure") and text.endswith("eligible formats.")
        for text, _note in warnings
    )
