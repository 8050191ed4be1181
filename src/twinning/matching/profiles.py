"""Plain inputs of the matching engine: profiles, feedback and programme rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from twinning.matching.complementarity import OpportunityType
from twinning.matching.embeddings import query_key, text_key
from twinning.matching.sectors import normalise_code

OrgId = int | str

# Opportunities that seek something: their text is embedded as an e5 query ("query: "), what they
# are matched against as a passage, as the model was trained for retrieval.
SEEKING_TYPES = frozenset(
    {"business_request", "technology_request", "investment_request", "distribution"}
)

SIZE_BANDS: tuple[str, ...] = ("micro", "small", "medium", "large")


def passage(title: str, description: str) -> str:
    """An opportunity's text as it is embedded (and its stored vector is keyed)."""
    return f"{title}. {description}".strip() if description else title


@dataclass(frozen=True)
class Opportunity:
    id: OrgId
    type: str
    title: str
    description: str = ""
    nace: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        OpportunityType(self.type)  # fail early on an unknown type code
        object.__setattr__(self, "nace", tuple(normalise_code(c) for c in self.nace))

    @property
    def text(self) -> str:
        """What gets embedded: title and description, in whatever language they were written."""
        return passage(self.title, self.description)

    @property
    def seeks(self) -> bool:
        return self.type in SEEKING_TYPES


@dataclass(frozen=True)
class Profile:
    id: OrgId
    side: str
    name: str = ""
    region: str = ""
    kind: str = "company"
    size: str = ""
    languages: tuple[str, ...] = ()
    nace: tuple[str, ...] = ()
    description: str = ""
    opportunities: tuple[Opportunity, ...] = ()
    # True for one opportunity seen as a profile (opportunity-level matching): a seeking
    # opportunity's text is then looked up as an e5 query (`embeddings.query_key`).
    queries: bool = False

    def __post_init__(self) -> None:
        if self.size and self.size not in SIZE_BANDS:
            raise ValueError(f"unknown size band {self.size!r}")
        object.__setattr__(self, "nace", tuple(normalise_code(c) for c in self.nace))

    @property
    def all_nace(self) -> tuple[str, ...]:
        """The organisation's codes and its opportunities' codes, without repeats, in order."""
        codes = list(self.nace) + [c for o in self.opportunities for c in o.nace]
        return tuple(dict.fromkeys(codes))

    @property
    def link_nace(self) -> frozenset[str]:
        """Codes that take part in supply links: the organisation's activities and what it
        offers. A request's codes name what it seeks; they match what the other side does
        (same class, group, division), never that activity's suppliers."""
        offered = [c for o in self.opportunities if not o.seeks for c in o.nace]
        return frozenset(self.nace) | frozenset(offered)

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.type for o in self.opportunities))

    @property
    def texts(self) -> tuple[str, ...]:
        """Every text that describes the organisation: its description, then each opportunity."""
        own = (self.description,) if self.description else ()
        return own + tuple(o.text for o in self.opportunities)


def vector_keys(profile: Profile) -> tuple[str, ...]:
    """The vector key of each of `profile.texts`, in the same order."""
    own = (text_key(profile.description),) if profile.description else ()
    return own + tuple(opportunity_key(profile, o) for o in profile.opportunities)


def opportunity_key(profile: Profile, opportunity: Opportunity) -> str:
    """The vector key of one of the profile's opportunities."""
    if profile.queries and opportunity.seeks:
        return query_key(opportunity.text)
    return text_key(opportunity.text)


class Verdict(StrEnum):
    MUST_MEET = "must_meet"
    INTERESTING = "interesting"
    NOT_INTERESTED = "not_interested"


@dataclass(frozen=True)
class Feedback:
    """What `viewer` said about `candidate`; it only ever changes the viewer's own list."""

    viewer: OrgId
    candidate: OrgId
    verdict: Verdict


@dataclass(frozen=True)
class ProgrammeRules:
    """Pairs are always cross-side. A sector focus (NACE prefixes) lifts pairs inside it, or with
    `focus_only` keeps only candidates that have a code inside it."""

    sector_focus: tuple[str, ...] = ()
    focus_only: bool = False

    def in_focus(self, codes: tuple[str, ...]) -> bool:
        return any(c.startswith(p) for c in codes for p in self.sector_focus)
