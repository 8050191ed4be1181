import re
from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from twinning.film import services

pytestmark = pytest.mark.integration

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
