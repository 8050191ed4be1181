import pytest
from django.core import mail

from twinning.core.services import notify

pytestmark = pytest.mark.integration


def test_plain_text_mail_is_not_html_escaped(
    user, organisation, django_capture_on_commit_callbacks
):
    from tests.factories import OpportunityFactory

    opportunity = OpportunityFactory(organisation=organisation, title="O'Neill & Sons: lines")
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipient=user,
            template="organisations/email/opportunity_published",
            context={"opportunity": opportunity},
        )
    assert "O'Neill & Sons" in mail.outbox[-1].body
    assert "&#x27;" not in mail.outbox[-1].body and "&amp;" not in mail.outbox[-1].body
