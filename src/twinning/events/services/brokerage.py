"""The brokerage rules: their checks on a meeting request, and the operator's changes to them.

Every refusal names the rule that blocked the request, in the reader's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.core.rules import require
from twinning.core.services import audit_log
from twinning.events.models import BrokerageRules, Event, Registration
from twinning.events.selectors_brokerage import (
    RulesInForce,
    met_before,
    programme_meeting_count,
    region_meeting_count,
    rules_in_force,
    same_side_refused,
    types_refused,
)

if TYPE_CHECKING:
    from twinning.core.models import User
    from twinning.programmes.models import Programme

RULE_FIELDS = ("pairing", "meeting_cap", "repeat_meetings", "region_quota")


def _party_name(registration: Registration) -> str:
    return registration.organisation_name or registration.display_name


def _check_types(rules: RulesInForce, requester: Registration, recipient: Registration) -> None:
    if not types_refused(rules=rules, first=requester, second=recipient):
        return
    rule = BrokerageRules.Pairing(rules.pairing).label
    for side in (requester, recipient):
        if not side.participation:
            raise ValidationError(
                _(
                    "Refused by the rule “%(rule)s”: %(name)s has not said whether they take "
                    "part as a buyer, a supplier, an investor or a project."
                )
                % {"rule": rule, "name": _party_name(side)}
            )
    raise ValidationError(
        _(
            "Refused by the rule “%(rule)s”: %(name)s takes part as %(theirs)s, and you as "
            "%(yours)s."
        )
        % {
            "rule": rule,
            "name": _party_name(recipient),
            "theirs": recipient.get_participation_display(),
            "yours": requester.get_participation_display(),
        }
    )


def _check_pairing(rules: RulesInForce, requester: Registration, recipient: Registration) -> None:
    _check_types(rules, requester, recipient)
    if not same_side_refused(rules=rules, first=requester, second=recipient):
        return
    rule = BrokerageRules.Pairing(rules.pairing).label
    if requester.organisation is None or recipient.organisation is None:
        raise ValidationError(
            _(
                "Refused by the rule “%(rule)s”: one of you represents no organisation of "
                "either side."
            )
            % {"rule": rule}
        )
    raise ValidationError(
        _("Refused by the rule “%(rule)s”: %(name)s is on the same side as you (%(side)s).")
        % {
            "rule": rule,
            "name": _party_name(recipient),
            "side": recipient.organisation.side.name,
        }
    )


def _check_cap(rules: RulesInForce, *sides: Registration) -> None:
    cap = rules.meeting_cap
    if cap is None:
        return
    for side in sides:
        count = programme_meeting_count(registration=side)
        if count >= cap:
            raise ValidationError(
                ngettext(
                    "Refused by the programme's cap of %(cap)d meeting per organisation across "
                    "its events: %(name)s already has %(count)d.",
                    "Refused by the programme's cap of %(cap)d meetings per organisation across "
                    "its events: %(name)s already has %(count)d.",
                    cap,
                )
                % {"cap": cap, "name": _party_name(side), "count": count}
            )


def _check_region_quota(rules: RulesInForce, first: Registration, second: Registration) -> None:
    quota = rules.region_quota
    if quota is None:
        return
    for side, other in ((first, second), (second, first)):
        if other.organisation is None:
            continue
        count = region_meeting_count(registration=side, region_id=other.organisation.region_id)
        if count >= quota:
            raise ValidationError(
                ngettext(
                    "Refused by this event's quota of %(quota)d meeting per participant with "
                    "one region: %(name)s already has %(count)d with %(region)s.",
                    "Refused by this event's quota of %(quota)d meetings per participant with "
                    "one region: %(name)s already has %(count)d with %(region)s.",
                    quota,
                )
                % {
                    "quota": quota,
                    "name": side.display_name,
                    "count": count,
                    "region": other.organisation.region.name,
                }
            )


def _check_repeat(rules: RulesInForce, requester: Registration, recipient: Registration) -> None:
    if rules.repeat_meetings != BrokerageRules.Repeat.REFUSE:
        return
    earlier = met_before(first=requester, second=recipient)
    if earlier is not None:
        raise ValidationError(
            _(
                "Refused by the programme's rule on pairs that already met: you met "
                "%(name)s at %(event)s."
            )
            % {"name": _party_name(recipient), "event": earlier.title}
        )


def check_request_rules(requester: Registration, recipient: Registration) -> None:
    """Before a request is made: every rule."""
    rules = rules_in_force(event=requester.event)
    _check_pairing(rules, requester, recipient)
    _check_repeat(rules, requester, recipient)
    _check_cap(rules, requester, recipient)
    _check_region_quota(rules, requester, recipient)


def check_accept_rules(requester: Registration, recipient: Registration) -> None:
    """Before a request becomes a meeting: the rules may have changed since it was made, and
    the counts certainly have. A pair that met before is accepted: the recipient asks too."""
    rules = rules_in_force(event=requester.event)
    _check_pairing(rules, requester, recipient)
    _check_cap(rules, requester, recipient)
    _check_region_quota(rules, requester, recipient)


def _clean_fields(fields: dict[str, Any], *, for_event: bool) -> dict[str, Any]:
    unknown = set(fields) - set(RULE_FIELDS)
    if unknown:
        raise ValidationError(
            _("These rules cannot be set here: %(names)s.") % {"names": ", ".join(sorted(unknown))}
        )
    if for_event and fields.get("meeting_cap") is not None:
        raise ValidationError(
            {"meeting_cap": [_("The cap counts every event of the programme: set it there.")]}
        )
    if for_event and fields.get("repeat_meetings", BrokerageRules.Repeat.FLAG) != "flag":
        raise ValidationError(
            {"repeat_meetings": [_("Repeat meetings are a programme's rule: set it there.")]}
        )
    if not for_event and fields.get("pairing") == BrokerageRules.Pairing.INHERIT:
        fields = {**fields, "pairing": BrokerageRules.Pairing.ANY}
    return fields


@transaction.atomic
def brokerage_rules_set(
    *, by: User, programme: Programme | None = None, event: Event | None = None, **fields: Any
) -> BrokerageRules:
    """Set the rules of a programme, or an event's overrides; every change is audited and
    kept in the rules' history."""
    if (programme is None) == (event is None):
        raise ValueError("brokerage_rules_set takes a programme or an event")
    require(by, "events.manage_event", event)
    fields = _clean_fields(fields, for_event=event is not None)
    owner = {"event": event} if event is not None else {"programme": programme}
    rules = BrokerageRules.objects.select_for_update().filter(**owner).first()
    created = rules is None
    if created:
        rules = BrokerageRules(**owner)
    before = {name: getattr(rules, name) for name in RULE_FIELDS}
    for name, value in fields.items():
        setattr(rules, name, value)
    changes = {
        name: [before[name], getattr(rules, name)]
        for name in RULE_FIELDS
        if before[name] != getattr(rules, name)
    }
    if not changes and not created:
        return rules
    rules.full_clean()
    rules._change_reason = "brokerage_rules.set"  # kept in the history row
    rules.save()
    audit_log(action="brokerage_rules.set", actor=by, target=rules, changes=changes)
    return rules
