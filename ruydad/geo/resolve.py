"""Place name (+ optional context) -> ranked candidates.

The algorithm, in the order a name goes through it:

1. A parenthetical is split off and joins the context ('Nad Ali district (Marja)',
   'Arghandab district (Kandahar)', 'Khost (Hindukush)'); a trailing or leading kind word
   ('province', 'district', 'valley', 'city', 'ولایت') is split off and becomes a hint.
2. Every spelling is scored against the name: 100 for the same normalized words, 96 for the
   same folded skeleton (Urozgan = Uruzgan), ``0.95 * ratio`` for a fuzzy match of skeletons
   (rapidfuzz, at least 84), and 70 when the name is the first word of a longer unit name
   ('Khost' in 'Khost wa Firing'): too weak to win alone, strong enough to win with context.
3. Adjustments: the kind hint (+3 for the right kind, -10 for another), places below units
   (-5, so that 'Kabul' is the province and not a hamlet), provinces just above districts of
   the same name (+1).
4. Context: units named in the context (any 1-4 word run that is exactly a unit's spelling)
   give their provinces. A candidate in one of those provinces gains 10; one outside them loses
   30. So 'Khost' beside 'Andarab' is Khost wa Firing in Baghlan, and 'Arghandab' beside
   'Kandahar' is Kandahar's Arghandab, not Zabul's.
5. Below :data:`MIN_SCORE` nothing is returned: not found is an answer, a wrong guess is not.
   When the caller names the unit the place lies in (``within``), the few spellings inside it
   are also compared with a looser scorer and a floor of :data:`MIN_SCORE_WITHIN`; there two
   spellings with the same consonants ('Najarab', 'Nijrab') match, since romanisations of the
   same name differ most in their vowels.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz, process

from ruydad.geo.gazetteer import Gazetteer, Place, Unit, load_gazetteer
from ruydad.geo.names import consonants, fold, normalize, split_kind, strip_parenthetical
from ruydad.theatres import DEFAULT_THEATRE, TheatreLike

MIN_SCORE = 80.0
FUZZY_CUTOFF = 84.0
PARTIAL_SCORE = 70.0
MIN_SCORE_WITHIN = 75.0
"""Floor when the caller says which unit the place is in: few targets, so less room for error."""
INNER_WEIGHT = 0.9
SILENT_E_WEIGHT = 0.98
"""English renderings add a silent final e ('Nimroze' for Nimroz); the name without it is a
near-exact reading."""
LEVEL_OF_KIND = {"admin1": 1, "admin2": 2}


@dataclass(frozen=True)
class Candidate:
    """One possible reading of a place name, with the codes of the units it lies in."""

    name: str
    matched: str
    kind: str
    level: int
    pcode: str | None
    admin1_code: str | None
    admin1_pcode: str | None
    admin1_name: str | None
    admin2_pcode: str | None
    admin2_name: str | None
    latitude: float | None
    longitude: float | None
    score: float
    source: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def resolve_place(
    name: str,
    context: str | None = None,
    *,
    theatre: TheatreLike = DEFAULT_THEATRE,
    level: int | None = None,
    within: str | None = None,
    limit: int = 10,
    gazetteer: Gazetteer | None = None,
) -> list[Candidate]:
    """Ranked candidates for ``name``, best first; empty when nothing is close enough.

    ``level`` keeps only provinces (1), districts (2) or places (3); ``within`` keeps only
    targets inside the unit with that P-code. ``gazetteer`` overrides ``theatre`` (to resolve
    against a pack with some sources left out).
    """
    gaz = gazetteer or load_gazetteer(theatre)
    head, inner = strip_parenthetical(name)
    base, hint = split_kind(normalize(head), gaz.kind_words)
    if not base:
        return []
    scores = _score_targets(gaz, name, base, level, within)
    context_text = " ".join(t for t in (context, inner) if t)
    provinces = _context_provinces(gaz, context_text, base) if context_text else set()
    return _rank(gaz, scores, hint, provinces, level, within)[:limit]


Scores = dict[int, tuple[float, str, str]]
"""Best (score, spelling as written, its source) per target index."""


def _score_targets(gaz: Gazetteer, name: str, base: str, level: int | None, within: str | None) -> Scores:
    """Steps 1-2 of the module docstring: every target some spelling of ``name`` comes close to."""
    head, inner = strip_parenthetical(name)
    scores = _match(gaz, base, level)
    # 'Kabul City', 'Hissa-e-Awal (Khinj)' may be spellings of their own; 'Khost(Matun)' names
    # the district by its centre, so the parenthetical alone is a weaker reading.
    silent_e = " ".join(re.sub(r"(?<=[^aeiouy])e$", "", w) if len(w) > 4 else w for w in base.split())
    for alternative, weight in ((normalize(head), 1.0), (normalize(name), 1.0),
                                (normalize(inner or ""), INNER_WEIGHT), (silent_e, SILENT_E_WEIGHT)):
        if alternative and alternative != base:
            for target_index, (score, written, source) in _match(gaz, alternative, level).items():
                if score >= 90:
                    _offer(scores, target_index, (score * weight, written, source))
    if within is not None and not any(score >= 96 and _keep(gaz, gaz.targets[t], level, within)
                                      for t, (score, _, _) in scores.items()):
        for target_index, entry in _match_within(gaz, base, within).items():
            _offer(scores, target_index, entry)
    return scores


def _offer(scores: Scores, target_index: int, entry: tuple[float, str, str]) -> None:
    if entry[0] > scores.get(target_index, (-1.0, "", ""))[0]:
        scores[target_index] = entry


def _rank(gaz: Gazetteer, scores: Scores, hint: str | None, provinces: set[str], level: int | None,
          within: str | None) -> list[Candidate]:
    """Steps 3-5: adjust for kind and context, drop what is below the floor, best first."""
    ranked: list[tuple[float, Candidate]] = []
    for target_index, (score, written, source) in scores.items():
        target = gaz.targets[target_index]
        if not _keep(gaz, target, level, within):
            continue
        adjusted = score + _kind_adjustment(target, hint) + _context_adjustment(gaz, target, provinces)
        ranked.append((adjusted, _candidate(gaz, target, written, source, adjusted)))
    floor = MIN_SCORE_WITHIN if within is not None else MIN_SCORE
    # Ranked on the uncapped score: bonuses above 100 still separate two exact matches.
    ranked.sort(key=lambda rc: (-rc[0], rc[1].level, rc[1].name))
    return [c for raw, c in ranked if raw >= floor]


def _match(gaz: Gazetteer, base: str, level: int | None = None) -> Scores:
    """Best (score, spelling, source) per target for a normalized name (fuzzy only on ``level``)."""
    best: Scores = {}

    def offer(spelling_index: int, score: float) -> None:
        s = gaz.spellings[spelling_index]
        _offer(best, s.target, (score, s.written, s.source))

    for i in gaz.by_key.get(base, ()):
        offer(i, 100.0)
    folded = fold(base)
    for i in gaz.by_fold.get(folded, ()):
        offer(i, 96.0)
    if len(folded) >= 4:
        choices = gaz.fold_choices if level is None else gaz.fold_choices_by_level.get(level, [])
        for key, ratio, _ in process.extract(folded, choices, scorer=fuzz.ratio,
                                             score_cutoff=FUZZY_CUTOFF, limit=40):
            for i in gaz.by_fold[key]:
                if not _syllabic(gaz.spellings[i].key):
                    offer(i, round(0.95 * ratio, 1))
    if " " not in base:
        for i in gaz.by_first_word.get(base, ()):
            offer(i, PARTIAL_SCORE)
    return best


def _syllabic(key: str) -> bool:
    """Whether a spelling is written syllable by syllable (a romanisation that spaces every
    syllable: three words or more, none over three letters, half of them of one or two; three short words
    are a name of words): folded, its syllables run together into a skeleton that comes close to unrelated
    names, so it is matched only as written, never fuzzily. Ezafe connectors do not count, nor does a
    spelling in another script (whose words are not syllables)."""
    words = [w for w in key.split() if w not in _EZAFE]
    return key.isascii() and len(words) >= 3 and all(len(w) <= 3 for w in words) and \
        2 * sum(len(w) <= 2 for w in words) >= len(words)


_EZAFE = frozenset({"e", "i", "y", "ye", "yi", "al", "ul", "el", "us", "os", "wa", "va"})


def _match_within(gaz: Gazetteer, base: str, within: str) -> Scores:
    """Looser fuzzy matching among the few targets inside one unit (a district within its
    province): 'Fersi' is Farsi and 'Hazrati Imam Sahib' is Imam Sahib when the province is known."""
    best: Scores = {}
    folded = fold(base)
    skeleton = consonants(folded)
    for i in gaz.unit_spellings_in.get(within, ()):
        s = gaz.spellings[i]
        if _syllabic(s.key):
            continue
        key_fold = fold(s.key)
        score = max(fuzz.ratio(folded, key_fold), 0.9 * fuzz.token_set_ratio(base, s.key))
        if len(skeleton) >= 3 and skeleton == consonants(key_fold):
            score = max(score, 90.0)  # 'Najarab' is Nijrab: romanisations differ in their vowels
        if score >= MIN_SCORE_WITHIN:
            _offer(best, s.target, (0.95 * score, s.written, s.source))
    return best


def _keep(gaz: Gazetteer, target: Unit | Place, level: int | None, within: str | None) -> bool:
    target_level = target.level if isinstance(target, Unit) else 3
    if level is not None and target_level != level:
        return False
    if within is None:
        return True
    if isinstance(target, Unit):
        return within in (target.pcode, target.parent_pcode)
    return within in (target.admin1_pcode, target.admin2_pcode)


def _kind_adjustment(target: Unit | Place, hint: str | None) -> float:
    kind = f"admin{target.level}" if isinstance(target, Unit) else target.kind
    adjustment = 0.0 if isinstance(target, Unit) else -5.0
    if isinstance(target, Unit) and target.level == 1:
        adjustment += 1.0
    if hint is None:
        return adjustment
    if hint == kind or (hint == "city" and kind in ("town", "admin2")):
        return adjustment + 3.0
    return adjustment - 10.0


def _context_provinces(gaz: Gazetteer, text: str, base: str) -> set[str]:
    """Provinces of the units the context names (exact spellings only: context is noisy)."""
    words = normalize(text).split()
    found: set[str] = set()
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            gram = " ".join(words[start:start + size])
            if gram == base:
                continue
            for i in gaz.by_key.get(gram, ()):
                target = gaz.targets[gaz.spellings[i].target]
                province = gaz.admin1_of(target) if isinstance(target, Unit) else None
                if province is not None:
                    found.add(province.pcode)
    return found


def _context_adjustment(gaz: Gazetteer, target: Unit | Place, provinces: set[str]) -> float:
    if not provinces:
        return 0.0
    province = gaz.admin1_of(target)
    return 10.0 if province is not None and province.pcode in provinces else -30.0


def _candidate(gaz: Gazetteer, target: Unit | Place, written: str, source: str, score: float) -> Candidate:
    province = gaz.admin1_of(target)
    if isinstance(target, Unit):
        district = target if target.level == 2 else None
        kind, level, pcode = f"admin{target.level}", target.level, target.pcode
    else:
        district = gaz.units.get(target.admin2_pcode or "")
        kind, level, pcode = target.kind, 3, None
    return Candidate(
        name=target.name, matched=written, kind=kind, level=level, pcode=pcode,
        admin1_code=province.iso_code if province else None,
        admin1_pcode=province.pcode if province else None, admin1_name=province.name if province else None,
        admin2_pcode=district.pcode if district else None, admin2_name=district.name if district else None,
        latitude=target.latitude, longitude=target.longitude, score=round(min(score, 100.0), 1),
        source=source,
    )
