"""Pure domain rules of Kinerja Desktop: no Qt, no SQLAlchemy.

The names below are read from their modules when first asked for (module ``__getattr__``): a process that needs
only some of the domain (a ``print pk``, which needs its enums and errors) does not import the rest (start-up,
issue 20; tests/domain/test_domain_names.py). ``achievement``, the function, is not one of them: the package's
``achievement`` is its module (``domain.achievement.achievement`` is the function), whoever imported it first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .achievement import (
        AKIP_GRADES,
        DEFAULT_CAP,
        OPINI_BPK,
        QUALITATIVE_SCALES,
        SPIP_MATURITY,
        NegativeFormula,
        QualitativeScale,
        capped,
        qualitative_achievement,
        qualitative_scale,
    )
    from .cumulation import target_to_date, to_date
    from .decimals import Number, as_decimal, round_percent
    from .scoring import (
        ALTERNATIVE_BANDS,
        DEFAULT_BANDS,
        DEFAULT_EFFICIENCY_MARGIN,
        Efficiency,
        PredicateBand,
        PredicateBands,
        RankedScore,
        absorption,
        bands_from_json,
        bands_to_json,
        efficiency,
        make_bands,
        opd_score,
        predicate,
        rank_opds,
    )

_MODULES = {
    "AKIP_GRADES": "achievement",
    "DEFAULT_CAP": "achievement",
    "NegativeFormula": "achievement",
    "OPINI_BPK": "achievement",
    "QUALITATIVE_SCALES": "achievement",
    "QualitativeScale": "achievement",
    "SPIP_MATURITY": "achievement",
    "capped": "achievement",
    "qualitative_achievement": "achievement",
    "qualitative_scale": "achievement",
    "target_to_date": "cumulation",
    "to_date": "cumulation",
    "Number": "decimals",
    "as_decimal": "decimals",
    "round_percent": "decimals",
    "ALTERNATIVE_BANDS": "scoring",
    "DEFAULT_BANDS": "scoring",
    "DEFAULT_EFFICIENCY_MARGIN": "scoring",
    "Efficiency": "scoring",
    "PredicateBand": "scoring",
    "PredicateBands": "scoring",
    "RankedScore": "scoring",
    "absorption": "scoring",
    "bands_from_json": "scoring",
    "bands_to_json": "scoring",
    "efficiency": "scoring",
    "make_bands": "scoring",
    "opd_score": "scoring",
    "predicate": "scoring",
    "rank_opds": "scoring",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value

__all__ = [
    "AKIP_GRADES",
    "ALTERNATIVE_BANDS",
    "DEFAULT_BANDS",
    "DEFAULT_CAP",
    "DEFAULT_EFFICIENCY_MARGIN",
    "OPINI_BPK",
    "QUALITATIVE_SCALES",
    "SPIP_MATURITY",
    "Efficiency",
    "NegativeFormula",
    "Number",
    "PredicateBand",
    "PredicateBands",
    "QualitativeScale",
    "RankedScore",
    "absorption",
    "as_decimal",
    "bands_from_json",
    "bands_to_json",
    "capped",
    "efficiency",
    "make_bands",
    "opd_score",
    "predicate",
    "qualitative_achievement",
    "qualitative_scale",
    "rank_opds",
    "round_percent",
    "target_to_date",
    "to_date",
]
