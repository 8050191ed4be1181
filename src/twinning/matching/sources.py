"""Organisations and opportunities turned into the engine's plain profiles.

Reads model instances only through their attributes (as delivered by
`organisations.selectors.organisations_for_matching`), never through queries of its own.
"""

from __future__ import annotations

from typing import Any

from twinning.matching.profiles import SIZE_BANDS, Opportunity, Profile, ProgrammeRules, passage


def _body(summary: str, description: str) -> str:
    return " ".join(part for part in (summary, description) if part)


def opportunity_text(opportunity: Any) -> Opportunity:
    codes = tuple(s.code for s in opportunity.sectors.all())
    return Opportunity(
        id=opportunity.pk,
        type=opportunity.type,
        title=opportunity.title,
        description=_body(opportunity.summary, opportunity.description),
        nace=codes,
    )


def opportunity_passage(*, title: str, summary: str, description: str) -> str:
    """The text `opportunity_text` gives the engine, from the three fields alone."""
    return passage(title, _body(summary, description))


def organisation_profile(organisation: Any) -> Profile:
    """The organisation with its published opportunities, as the engine sees it."""
    return Profile(
        id=organisation.pk,
        side=organisation.side.code,
        name=organisation.legal_name,
        region=organisation.region.slug,
        kind=organisation.kind,
        size=organisation.size if organisation.size in SIZE_BANDS else "",
        languages=tuple(organisation.language_list),
        nace=tuple(s.code for s in organisation.sectors.all()),
        description=organisation.description.strip(),
        opportunities=tuple(
            opportunity_text(o) for o in getattr(organisation, "published_opportunities", [])
        ),
    )


def opportunity_profile(owner: Profile, opportunity: Opportunity) -> Profile:
    """One opportunity seen as its organisation's profile narrowed to it: its own type, codes and
    text, the organisation's side, languages and size. It keeps the owner's id, so the owner's
    feedback applies to the opportunity's list too."""
    return Profile(
        id=owner.id,
        side=owner.side,
        name=owner.name,
        region=owner.region,
        kind=owner.kind,
        size=owner.size,
        languages=owner.languages,
        nace=() if opportunity.nace else owner.nace,
        opportunities=(opportunity,),
    )


def programme_rules(programme: Any) -> ProgrammeRules:
    focus = tuple(sorted(s.code for s in programme.sector_focus.all()))
    return ProgrammeRules(sector_focus=focus)
