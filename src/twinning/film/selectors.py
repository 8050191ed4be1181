"""Reads for film: the rules and rates from the database, applications and their history."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, QuerySet

from twinning.core.selectors import audit_for
from twinning.film.models import (
    ApplicationBudgetLine,
    ApplicationDocument,
    ExchangeRate,
    FilmApplication,
    IncentiveRule,
    IncentiveSource,
    MciValue,
)
from twinning.film.production import Applicant, BudgetLine, Format, Place, Production
from twinning.film.rates import ExchangeRate as Rate
from twinning.film.rates import RateTable
from twinning.film.reader import FieldErrors
from twinning.film.rulebook import RuleBook, rulebook_from_data
from twinning.organisations.selectors import organisation_ids_of_user, organisations_for_user

if TYPE_CHECKING:
    from twinning.core.models import AuditEntry, User
    from twinning.organisations.models import Membership

STUDIO = "studio"  # Organisation.Kind.STUDIO, which only the organisations app may import


def plain(value: Decimal) -> Decimal:
    """A stored decimal without the padding zeros of its column (650.00000000 -> 650)."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal.as_tuple().exponent > 0 else normal  # type: ignore[operator]


def _provenance(row: IncentiveRule | MciValue) -> dict[str, Any]:
    return {
        "source": row.source.key,
        "checked_on": row.checked_on,
        "valid_from": row.valid_from,
        "valid_to": row.valid_to,
        "unconfirmed": row.unconfirmed,
        "note": row.note,
    }


def rule_document(rule: IncentiveRule) -> dict[str, Any]:
    """One rule row in the shape of an entry of the bundled rules file."""
    parameters = rule.parameters or {}
    minimum = None
    if rule.minimum_spend_kind:
        minimum = {
            "kind": rule.minimum_spend_kind,
            "value": str(plain(rule.minimum_spend_value or Decimal(0))),
            **(parameters.get("minimum_spend") or {}),
        }
    return {
        "scheme": rule.scheme,
        "name": rule.name,
        "jurisdiction": rule.jurisdiction,
        "currency": rule.currency,
        **_provenance(rule),
        "base": {"kind": rule.base_kind, **(parameters.get("base") or {})},
        "rates": parameters.get("rates", []),
        "minimum_spend": minimum,
        "caps": parameters.get("caps", []),
        "conditions": parameters.get("conditions", []),
        "notices": parameters.get("notices", []),
    }


def rules_documents(
    *, rules: list[IncentiveRule] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rules and MCI files as the database holds them (``rules`` replaces the stored rules)."""
    sources = {
        source.key: {"title": source.title, "url": source.url or None}
        for source in IncentiveSource.objects.all()
    }
    if rules is None:
        rules = list(IncentiveRule.objects.select_related("source").order_by("pk"))
    mci = [
        {"year": row.year, "value": str(plain(row.value)), **_provenance(row)}
        for row in MciValue.objects.select_related("source")
    ]
    return {"sources": sources, "rules": [rule_document(rule) for rule in rules]}, {"mci": mci}


def rulebook_from_database() -> RuleBook:
    """The rules operators maintain; raises FieldErrors if an edit left them inconsistent."""
    rules_data, mci_data = rules_documents()
    return rulebook_from_data(rules_data, mci_data)


def rule_problems(*, rule: IncentiveRule) -> list[str]:
    """What would be wrong with the rules if ``rule`` were saved as it is (an admin edit)."""
    others = IncentiveRule.objects.select_related("source").exclude(pk=rule.pk).order_by("pk")
    rules_data, mci_data = rules_documents(rules=[*others, rule])
    try:
        rulebook_from_data(rules_data, mci_data)
    except FieldErrors as invalid:
        return [str(error) for error in invalid.errors]
    return []


def rate_table_from_database() -> RateTable:
    return RateTable(
        tuple(
            Rate(
                day=row.date,
                base=row.base,
                quote=row.quote,
                rate=plain(row.rate),
                source=row.source,
                unconfirmed=row.unconfirmed,
                note=row.note,
            )
            for row in ExchangeRate.objects.order_by("pk")
        )
    )


# Applications


def studios_for_user(*, user: User) -> QuerySet[Membership]:
    """The user's memberships of film/TV studios: the organisations they may apply for."""
    return organisations_for_user(user=user).filter(organisation__kind=STUDIO)


def _listing(queryset: QuerySet[FilmApplication]) -> QuerySet[FilmApplication]:
    return queryset.select_related("organisation").annotate(
        document_count=Count("documents", distinct=True)
    )


def applications_for_user(*, user: User) -> QuerySet[FilmApplication]:
    """Applications of every studio the user belongs to, latest change first."""
    if not user.is_authenticated:
        return FilmApplication.objects.none()
    mine = FilmApplication.objects.filter(organisation_id__in=organisation_ids_of_user(user=user))
    return _listing(mine).order_by("-updated_at", "-pk")


def applications_queue(*, state: str = "") -> QuerySet[FilmApplication]:
    """The operators' queue: everything past draft (or one state), oldest submission first."""
    queue = FilmApplication.objects.exclude(state=FilmApplication.State.DRAFT)
    if state:
        queue = queue.filter(state=state)
    return _listing(queue).order_by("submitted_at", "pk")


def application_get(*, pk: int) -> FilmApplication | None:
    return (
        FilmApplication.objects.select_related("organisation", "created_by")
        .prefetch_related(
            Prefetch("budget_lines", queryset=ApplicationBudgetLine.objects.order_by("position")),
            Prefetch(
                "documents",
                queryset=ApplicationDocument.objects.select_related("uploaded_by"),
            ),
        )
        .filter(pk=pk)
        .first()
    )


def application_history(*, application: FilmApplication) -> QuerySet[AuditEntry]:
    return audit_for(target_type="film.filmapplication", object_id=application.pk).order_by(
        "created_at", "pk"
    )


def application_production(*, application: FilmApplication) -> Production:
    return Production(
        title=application.title,
        format=Format(application.format),
        currency=application.currency,
        shoot_start=application.shoot_start,
        shoot_end=application.shoot_end,
        applicant=Applicant(
            foreign_legal_entity=application.foreign_legal_entity,
            uk_certified=application.uk_certified,
            uk_writer_or_director=application.uk_writer_or_director,
            official_coproduction=application.official_coproduction,
        ),
        total_core_expenditure=application.total_core_expenditure,
        hours=application.hours,
    )


def application_lines(*, application: FilmApplication) -> list[BudgetLine]:
    return [
        BudgetLine(
            category=line.category,
            amount=line.amount,
            currency=line.currency,
            spent_in=Place(line.spent_in),
            paid_to_resident=line.paid_to_resident,
            core=line.core,
        )
        for line in application.budget_lines.all()
    ]


def budget_lines_of(*, application: FilmApplication) -> list[ApplicationBudgetLine]:
    """The application's budget lines in their order (read with it by `application_get`)."""
    return list(application.budget_lines.all())


def document_get(*, pk: int) -> ApplicationDocument | None:
    documents = ApplicationDocument.objects.select_related("application__organisation")
    return documents.filter(pk=pk).first()
