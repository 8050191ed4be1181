"""Sign-up and password reset tell nobody whether an address has an account: the same page and
the same words either way; the owner of an existing account is told by e-mail instead."""

import re

import pytest
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests import html_forms
from tests.factories import UserFactory, sign_up_link
from tests.students.factories import pdf
from twinning.core.models import User
from twinning.students.models import Student

pytestmark = pytest.mark.integration

SIGN_UP = reverse("core:signup")
PASSWORD = "Steppe-Falcon-2026"


def sign_up(client: Client, email: str, url: str = SIGN_UP, files=None, **fields):  # type: ignore[no-untyped-def]
    form = html_forms.find(client.get(url).content.decode())
    changes = {
        "full_name": "Aigerim Sadykova",
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent": "on",
        **fields,
    }
    # The e-mails leave after the commit, as in production.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, {**form.submission(**changes), **(files or {})}, follow=True)


def page_text(response) -> str:  # type: ignore[no-untyped-def]
    """What the visitor reads in the page's main part (the CSRF token and time aside)."""
    main = response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)


def test_sign_up_answers_the_same_for_a_new_and_a_taken_address(client, db):
    owner = UserFactory(email="owner@example.org", language="ru")
    new = sign_up(Client(), "newcomer@example.org")
    taken = sign_up(client, "OWNER@example.org ")
    assert new.redirect_chain == taken.redirect_chain == [(reverse("core:signup_sent"), 302)]
    assert page_text(new) == page_text(taken)
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(email__iexact="owner@example.org").count() == 1
    owner.refresh_from_db()
    assert owner.check_password("correct-horse-battery")  # nothing of the attempt was kept
    told = [m for m in mail.outbox if m.to == ["owner@example.org"]]
    assert len(told) == 1
    with translation.override("ru"):
        assert told[0].subject == gettext("Someone tried to sign up with your address")
        assert told[0].subject != "Someone tried to sign up with your address"
    assert reverse("core:password_reset") in told[0].body
    assert "/confirm/" not in told[0].body


def test_the_owners_mail_leaves_only_after_the_commit(db, django_capture_on_commit_callbacks):
    from twinning.core.services import user_sign_up

    UserFactory(email="owner@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user_sign_up(
            email="owner@example.org", password=PASSWORD, full_name="X", language="en",
            consent=True,
        )  # fmt: skip
        assert mail.outbox == []
    assert len(callbacks) == 1


def test_the_link_opens_the_account_once_and_a_scanners_get_signs_nobody_in(client, db):
    sign_up(client, "newcomer@example.org")
    link = sign_up_link(mail.outbox)
    scanner = Client()
    assert scanner.get(link).status_code == 200
    assert "_auth_user_id" not in scanner.session
    assert not User.objects.get(email="newcomer@example.org").is_active
    page = client.get(link)
    client.post(link, html_forms.find(page.content.decode()).submission())
    assert User.objects.get(email="newcomer@example.org").is_active
    assert "_auth_user_id" in client.session
    again = Client()
    used = again.post(link, {})
    assert "_auth_user_id" not in again.session
    assert gettext("This link does not work") in used.content.decode()


def test_a_closed_account_cannot_sign_in_and_says_no_more_than_a_wrong_password(client, db):
    sign_up(client, "newcomer@example.org")
    closed = client.post(
        reverse("core:login"), {"username": "newcomer@example.org", "password": PASSWORD}
    )
    wrong = client.post(reverse("core:login"), {"username": "x@example.org", "password": "nope"})
    assert closed.context["form"].errors == wrong.context["form"].errors


def test_signing_up_again_before_confirming_sends_the_link_again(client, db):
    sign_up(client, "newcomer@example.org")
    sign_up(Client(), "newcomer@example.org")
    assert [m.to for m in mail.outbox] == [["newcomer@example.org"]] * 2
    assert all("/confirm/" in m.body for m in mail.outbox)
    assert User.objects.filter(email="newcomer@example.org").count() == 1


def test_the_link_goes_on_only_within_the_site(client, db):
    sign_up(client, "newcomer@example.org")
    link = sign_up_link(mail.outbox).split("?")[0] + "?next=https://evil.example/"
    response = client.post(link, html_forms.find(client.get(link).content.decode()).submission())
    assert response["Location"] == reverse("core:dashboard")


STUDENT = {
    "university": "leeds-beckett",
    "course": "BA Business",
    "level": "undergraduate",
    "graduation_year": "2027",
    "skills": "marketing",
    "purposes": "embassy_contact",
}


def test_the_student_sign_up_answers_the_same_and_stores_nothing_for_a_taken_address(client, db):
    from tests.factories import region

    UserFactory(email="owner@example.org")
    fields = {**STUDENT, "home_region": str(region("astana").pk)}
    url = reverse("students:signup")
    new = sign_up(Client(), "dana@leeds.ac.uk", url, files={"cv": pdf()}, **fields)
    taken = sign_up(client, "owner@example.org", url, files={"cv": pdf()}, **fields)
    assert new.redirect_chain == taken.redirect_chain == [(reverse("core:signup_sent"), 302)]
    assert page_text(new) == page_text(taken)
    assert list(Student.objects.values_list("user__email", flat=True)) == ["dana@leeds.ac.uk"]
    link = sign_up_link([m for m in mail.outbox if m.to == ["dana@leeds.ac.uk"]])
    confirmed = client.post(link, html_forms.find(client.get(link).content.decode()).submission())
    assert confirmed["Location"] == reverse("students:me")


def test_password_reset_answers_the_same_for_a_known_and_an_unknown_address(client, db):
    UserFactory(email="owner@example.org")
    reset = reverse("core:password_reset")
    answers = []
    for email in ("owner@example.org", "nobody@example.org"):
        form = html_forms.find(client.get(reset).content.decode())
        with TestCase.captureOnCommitCallbacks(execute=True):
            answers.append(client.post(reset, form.submission(email=email), follow=True))
    known, unknown = answers
    assert known.redirect_chain == unknown.redirect_chain
    assert page_text(known) == page_text(unknown)
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]
