"""Hand-written building blocks of the demo programme (plain data, no Django)."""

from twinning.demo.content import (
    agriculture,
    education,
    energy,
    engineering,
    film,
    finance,
    food,
    institutions,
    it,
    professional,
    tourism,
)
from twinning.demo.content.blocks import Archetype, Flagship
from twinning.demo.content.flagships_kz import FLAGSHIPS as KZ_FLAGSHIPS
from twinning.demo.content.flagships_uk import FLAGSHIPS as UK_FLAGSHIPS

ARCHETYPES: dict[str, Archetype] = {
    archetype.key: archetype
    for module in (
        food,
        agriculture,
        energy,
        engineering,
        it,
        finance,
        professional,
        tourism,
        film,
        education,
        institutions,
    )
    for archetype in module.ARCHETYPES
}
FLAGSHIPS: dict[str, tuple[Flagship, ...]] = {"UK": UK_FLAGSHIPS, "KZ": KZ_FLAGSHIPS}
