"""The building blocks demo content is combined from: phrases in three languages, products, kinds
of business. Plain data, no Django."""

from dataclasses import dataclass, field

LANGUAGES = ("en", "ru", "kk")


@dataclass(frozen=True)
class T:
    """One phrase in English, Russian and Kazakh (UK-only blocks may leave ru/kk empty)."""

    en: str
    ru: str = ""
    kk: str = ""

    def get(self, language: str) -> str:
        return getattr(self, language) or self.en


@dataclass(frozen=True)
class Product:
    """Something offered or wanted, in the nominative so it reads after a colon in any language."""

    text: T
    nace: str
    sides: str = "UK KZ"
    types: tuple[str, ...] = ()

    def fits(self, side: str, type_: str) -> bool:
        return side in self.sides and (not self.types or type_ in self.types)


@dataclass(frozen=True)
class Archetype:
    """A kind of organisation that recurs in a sector, e.g. a maker of meat-processing machinery.

    `sides` is "UK", "KZ" or "UK KZ"; `brands` are the words after the place name in the
    organisation's name ("Tobol *Agro*"); `who` describes it in a title ("manufacturer of ...").
    """

    key: str
    sector: str
    sides: str
    kind: str
    brands: tuple[T, ...]
    who: T
    about: T
    nace: tuple[str, ...]
    offers: tuple[Product, ...] = ()
    requests: tuple[Product, ...] = ()
    types: tuple[str, ...] = ("business_offer", "business_request")
    sizes: tuple[str, ...] = ("micro", "small", "small", "medium")
    weight: int = 2
    uk_suffix: str = "Ltd"
    kz_form: str = "too"


@dataclass(frozen=True)
class Flagship:
    """A hand-written organisation: universities, public bodies, and the demo's key stories."""

    key: str
    region: str
    kind: str
    legal_name: str
    name: T
    description: str
    language: str
    nace: tuple[str, ...]
    archetype: str
    size: str = "large"
    year: int = 2000
    registry: str = "auto"
    working_languages: tuple[str, ...] = ()
    opportunities: tuple["StoryOpportunity", ...] = field(default=())


@dataclass(frozen=True)
class StoryOpportunity:
    """A hand-written opportunity for a flagship organisation."""

    type: str
    title: str
    summary: str
    description: str
    nace: tuple[str, ...]
    status: str = "published"
    target_regions: tuple[str, ...] = ()
