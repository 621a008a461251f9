"""The occupations the demo hires for, read once from the taxonomy and weighted for the audience."""

from collections.abc import Sequence
from dataclasses import dataclass

from werkroute.demo.generator.context import Context
from werkroute.taxonomy.models import Occupation
from werkroute.taxonomy.services import sync_builtin_taxonomy

# How often each occupational field hires, relatively: the sectors municipalities target weigh most.
FIELD_WEIGHTS: dict[str, int] = {
    "care_welfare": 14,
    "hospitality_tourism": 12,
    "transport_logistics": 12,
    "construction_installation": 10,
    "retail": 10,
    "production_technology": 9,
    "cleaning": 8,
    "administration_customer_contact": 8,
    "green": 5,
    "education_support": 5,
    "security": 4,
    "ict": 4,
    "other": 2,
}
# By ISCO-08 major group: elementary and vocational work weigh most, because that is where
# people from social assistance usually start.
ISCO_WEIGHTS = {"9": 5, "5": 5, "8": 4, "7": 3, "4": 3, "3": 2, "2": 1, "1": 1, "0": 1}


def major_group(occupation: Occupation) -> str:
    return occupation.isco08[0]


@dataclass
class Taxonomy:
    by_code: dict[str, Occupation]

    @classmethod
    def load(cls) -> "Taxonomy":
        occupations = Occupation.objects.filter(is_builtin=True).select_related("field")
        if not occupations.exists():  # a database migrated without the post-migrate hook
            sync_builtin_taxonomy()
        return cls({o.code: o for o in occupations.order_by("code")})

    def field_of(self, code: str) -> str:
        return self.by_code[code].field.code

    def known(self, codes: Sequence[str]) -> list[str]:
        """The codes this taxonomy has, in the given order (an import may have renamed some)."""
        return [code for code in codes if code in self.by_code]

    def pick(self, ctx: Context, codes: Sequence[str]) -> Occupation:
        """One of the occupations, weighted towards entry-level work."""
        occupations = [self.by_code[code] for code in codes]
        weights = [ISCO_WEIGHTS.get(major_group(o), 1) for o in occupations]
        return ctx.pick_weighted(occupations, weights)
