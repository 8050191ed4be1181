"""Who may reach the film estimator, the studios' applications and the operators' queue."""

from tests.access import (
    DENY,
    INVALID,
    LOGIN,
    OK,
    Route,
    delete,
    member_only,
    operator_only,
    owner,
    patch,
    post,
    public,
    signed_in,
)


def _example():
    from tests.api.test_film import ISSUE_EXAMPLE

    return ISSUE_EXAMPLE


def _submitted(world):
    from twinning.film.services import film_application_submit

    film_application_submit(application=world.film_application, by=world.users["member"])


def _in_review(world):
    from twinning.film.services import film_application_start_review

    _submitted(world)
    world.film_application.refresh_from_db()
    film_application_start_review(application=world.film_application, by=world.users["operator"])


def _approved(world):
    from decimal import Decimal

    from twinning.film.services import film_application_approve

    _in_review(world)
    world.film_application.refresh_from_db()
    film_application_approve(
        application=world.film_application, by=world.users["operator"],
        amount=Decimal(1000), currency="KZT",
    )  # fmt: skip


def _application(world):
    return [world.film_application.pk]


def _document(world):
    return [world.document.pk]


PAGES = {
    "film:estimator": public(),
    "film:estimate_lines": post(public()),
    "film:save_draft": post(signed_in()),
    "film:mine": signed_in(),
    "film:queue": operator_only(),
    "film:application": owner(_application),
    # The studio edits, submits and uploads; operators review and decide.
    "film:edit": member_only(_application),
    "film:submit": post(member_only(_application)),
    "film:review": post(operator_only(_application, setup=_submitted)),
    "film:changes": post(
        operator_only(_application, setup=_in_review, data=lambda w: {"message": "More."})
    ),
    "film:approve": post(
        operator_only(
            _application, setup=_in_review, data=lambda w: {"amount": "1000", "currency": "KZT"}
        )
    ),
    "film:reject": post(
        operator_only(_application, setup=_in_review, data=lambda w: {"reason": "No."})
    ),
    "film:paid": post(
        operator_only(
            _application,
            setup=_approved,
            data=lambda w: {"amount": "1000", "paid_on": "2026-03-01"},
        )
    ),
    "film:document_add": post(member_only(_application)),
    "film:document": owner(_document),
    "film:document_remove": post(member_only(_document)),
}


def _pk(world):
    return {"pk": world.film_application.pk}


API = {
    "POST /api/film/estimate": post(public(data=lambda w: _example())),
    "GET /api/film/applications": signed_in(),
    "GET /api/film/queue": operator_only(),
    "GET /api/film/applications/{pk}": owner(_pk),
    "POST /api/film/applications/{pk}/submit": post(member_only(_pk)),
    "POST /api/film/applications/{pk}/start-review": post(operator_only(_pk, setup=_submitted)),
    "POST /api/film/applications/{pk}/request-changes": post(
        operator_only(_pk, setup=_in_review, data=lambda w: {"message": "More."})
    ),
    "POST /api/film/applications/{pk}/approve": post(
        operator_only(_pk, setup=_in_review, data=lambda w: {"amount": "1000", "currency": "KZT"})
    ),
    "POST /api/film/applications/{pk}/reject": post(
        operator_only(_pk, setup=_in_review, data=lambda w: {"reason": "No."})
    ),
    "POST /api/film/applications/{pk}/mark-paid": post(
        operator_only(
            _pk, setup=_approved, data=lambda w: {"amount": "1000", "paid_on": "2026-03-01"}
        )
    ),
}


def _document_pk(world):
    return {"pk": world.document.pk}


def _upload(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.film.test_services import PDF

    return {"kind": "script", "upload": SimpleUploadedFile("script.pdf", PDF)}


API |= {
    # Only a studio's member saves a draft for it: others are told they are not one.
    "POST /api/film/applications": post(
        Route(
            LOGIN,
            INVALID,
            OK,
            INVALID,
            data=lambda w: {**_example(), "organisation": w.organisation.slug},
        )
    ),
    "PATCH /api/film/applications/{pk}": patch(
        member_only(_pk, data=lambda w: {"title": "A new title"})
    ),
    "POST /api/film/applications/{pk}/documents": post(
        Route(LOGIN, DENY, OK, DENY, args=_pk, data=_upload, multipart=True)
    ),
    "GET /api/film/documents/{pk}": owner(_document_pk),
    "DELETE /api/film/documents/{pk}": delete(member_only(_document_pk)),
}
