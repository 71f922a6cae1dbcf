"""Event classifier: a news text -> an ACLED event type and sub-event type, or a class ACLED does not code.

A monitor reading the news has to tell a clash from an air strike and both from a factory fire, a drug
bust or a minister's visit. The label set is CASE 2021 Task 2's: the 25 ACLED sub-event types plus five
classes ACLED does not code (organized crime, natural and man-made disasters, diplomatic events, and
claims of responsibility). :data:`CASE_LABELS` maps each code to Ruydad's ``(event_type,
sub_event_type)``; CASE's ``OTHER`` is ACLED's "Strategic developments: Other".

The algorithm has two layers, both trained or read from text files in ``ruydad/data/classifier/`` (see its
README), so there is no opaque binary and the model is rebuilt at first use in about a second:

1. **Cue lexicon** (``lexicon.tsv``): per class, regular expressions written from the ACLED codebook's
   definitions and common wire-service phrasing ("exchange of fire", "blew himself up", "tear gas").
   Inflections are spelled out rather than lemmatised, so no parser runs: spaCy would cost ~5 ms a text
   for lemmas the patterns do not need. On its own this layer is :meth:`EventClassifier.classify_by_rules`.
2. **Linear model**: multinomial logistic regression over TF-IDF word 1-2-grams, character 3-5-grams
   and the lexicon's per-class cue scores. The cue scores carry the codebook's knowledge to words the
   training data never shows; the n-grams learn how the cues interact (a "grenade" inside a "clash").
   It is trained on the CASE 2021 development snippets plus a hand-written seed corpus that covers
   every class with sentences that are not from CASE, so rare classes are not learnt from two examples.

Why a linear model and not a transformer: it trains in a second from shipped text, classifies thousands
of snippets a second on a laptop CPU and its errors can be read off its features. Why not rules alone:
news phrasing is too varied ("pounded", "hit", "targeted") and classes overlap by design (arrests at a
protest are "Protest with intervention", not "Arrests"), which a weighted combination learns better than
a priority list.

``confidence`` is the model's probability for the chosen class; it is lower where two classes compete
(e.g. an attack and the claim of responsibility for it). When the claim wins but the text names the
claimed attack ("a roadside bomb ... claimed responsibility"), ``label`` stays ``ATTRIB`` (the CASE
code) and the event and sub-event types are the attack's, as ACLED codes it. Texts with no letters get
the ``Other`` event type with no label and confidence 0, rather than a guess.
"""

from __future__ import annotations

import csv
import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruydad.errors import InputError
from ruydad.taxonomy import SUB_EVENT_TYPES

if TYPE_CHECKING:  # numpy, scipy and scikit-learn load with the first classifier, not with the CLI
    import numpy as np
    import scipy.sparse as sp

ORGANIZED_CRIME = "Organized crime"
NATURAL_DISASTER = "Natural disaster"
MAN_MADE_DISASTER = "Man-made disaster"
DIPLOMATIC_EVENT = "Diplomatic event"
ATTRIBUTION = "Attribution of responsibility"
OTHER_EVENT = "Other"
"""Event type for a text that cannot be classified at all (empty, or no letters)."""

NON_ACLED_EVENT_TYPES: tuple[str, ...] = (
    ORGANIZED_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLOMATIC_EVENT, ATTRIBUTION, OTHER_EVENT,
)


def _acled(sub_event_type: str) -> tuple[str, str | None]:
    """(event_type, sub_event_type) read from the taxonomy, so a typo fails at import, not in output."""
    return SUB_EVENT_TYPES[sub_event_type].event_type, sub_event_type


CASE_LABELS: dict[str, tuple[str, str | None]] = {
    "ARMED_CLASH": _acled("Armed clash"),
    "GOV_REGAINS_TERIT": _acled("Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": _acled("Non-state actor overtakes territory"),
    "CHEM_WEAP": _acled("Chemical weapon"),
    "AIR_STRIKE": _acled("Air/drone strike"),
    "SUIC_BOMB": _acled("Suicide bomb"),
    "ART_MISS_ATTACK": _acled("Shelling/artillery/missile attack"),
    "REM_EXPLOS": _acled("Remote explosive/landmine/IED"),
    "GRENADE": _acled("Grenade"),
    "SEX_VIOL": _acled("Sexual violence"),
    "ATTACK": _acled("Attack"),
    "ABDUCT_DISSAP": _acled("Abduction/forced disappearance"),
    "PEACE_PROTEST": _acled("Peaceful protest"),
    "PROTEST_WITH_INTER": _acled("Protest with intervention"),
    "FORCE_AGAINST_PROTEST": _acled("Excessive force against protesters"),
    "VIOL_DEMONSTR": _acled("Violent demonstration"),
    "MOB_VIOL": _acled("Mob violence"),
    "AGREEMENT": _acled("Agreement"),
    "ARREST": _acled("Arrests"),
    "CHANGE_TO_GROUP_ACT": _acled("Change to group/activity"),
    "DISR_WEAP": _acled("Disrupted weapons use"),
    "HQ_ESTABLISHED": _acled("Headquarters or base established"),
    "PROPERTY_DISTRUCT": _acled("Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": _acled("Non-violent transfer of territory"),
    "OTHER": _acled("Other"),
    "ORG_CRIME": (ORGANIZED_CRIME, None),
    "NATURAL_DISASTER": (NATURAL_DISASTER, None),
    "MAN_MADE_DISASTER": (MAN_MADE_DISASTER, None),
    "DIPLO": (DIPLOMATIC_EVENT, None),
    "ATTRIB": (ATTRIBUTION, None),
}
"""CASE 2021 Task 2 code -> (event_type, sub_event_type). The 30 pairs are distinct, so the mapping
can be inverted with :func:`case_label_for`."""

LABELS: tuple[str, ...] = tuple(CASE_LABELS)

MAX_CHARS = 20_000
"""Only the first MAX_CHARS characters are classified: a news report states its event in the lead,
and a 10 MB paste must not stall a batch. Texts in the CASE data are under 1,000 characters."""

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "classifier"
"""Where the lexicon, seed corpus and CASE snippets live (plain text, see its README.md)."""


def case_label_for(event_type: str, sub_event_type: str | None) -> str | None:
    """The CASE code for an (event_type, sub_event_type) pair, or None if the pair is not a class."""
    return _LABEL_BY_PAIR.get((event_type, sub_event_type))


_LABEL_BY_PAIR: dict[tuple[str, str | None], str] = {pair: label for label, pair in CASE_LABELS.items()}


@dataclass(frozen=True)
class Classification:
    """What the classifier says about one text.

    ``label`` is the CASE 2021 code (None when the text had nothing to classify); ``cues`` are the
    lexicon phrases found in the text for the chosen class, the evidence an analyst can check.
    """

    event_type: str
    sub_event_type: str | None
    label: str | None
    confidence: float
    cues: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "label": self.label,
            "confidence": self.confidence,
            "cues": list(self.cues),
        }


UNCLASSIFIABLE = Classification(OTHER_EVENT, None, None, 0.0, ())


@dataclass(frozen=True)
class Cue:
    """One lexicon line: a pattern that speaks for ``label`` with ``weight`` 1 (hint) or 2 (names it)."""

    label: str
    weight: int
    pattern: str
    regex: re.Pattern[str] = field(compare=False, repr=False)


def _read_data(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def parse_lexicon(text: str) -> tuple[Cue, ...]:
    """Cues from lexicon TSV text; a bad line raises ValueError naming it, so a typo cannot go silent."""
    cues: list[Cue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in CASE_LABELS or parts[1] not in ("1", "2"):
            raise ValueError(f"lexicon line {number}: expected 'LABEL<TAB>1|2<TAB>pattern', got {line!r}")
        try:
            regex = re.compile(rf"\b(?:{parts[2]})\b", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"lexicon line {number}: bad pattern {parts[2]!r}: {exc}") from None
        cues.append(Cue(parts[0], int(parts[1]), parts[2], regex))
    return tuple(cues)


@cache
def lexicon() -> tuple[Cue, ...]:
    """The shipped cue lexicon (``data/classifier/lexicon.tsv``)."""
    return parse_lexicon(_read_data("lexicon.tsv"))


def parse_labelled_tsv(text: str, source: str) -> tuple[list[str], list[str]]:
    """(texts, labels) from a TSV with ``label`` and ``text`` columns, or CASE's ``SubType`` and
    ``EventSnippet``. Quotes are literal (CASE snippets contain unbalanced ones)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    texts: list[str] = []
    labels: list[str] = []
    for number, row in enumerate(reader, start=2):
        label = (row.get("label") or row.get("SubType") or "").strip()
        body = (row.get("text") or row.get("EventSnippet") or "").strip()
        if label not in CASE_LABELS or not body:
            raise ValueError(f"{source} row {number}: unknown label {label!r} or empty text")
        texts.append(body)
        labels.append(label)
    return texts, labels


def codebook_examples() -> tuple[list[str], list[str]]:
    """ACLED's own definitions (ruydad.taxonomy paraphrases the codebook), one per sub-event type
    that is a class, as training text: what the codebook says a class is, independent of any
    dataset's phrasing."""
    from ruydad.taxonomy import EVENT_TYPES

    texts: list[str] = []
    labels: list[str] = []
    for event_type in EVENT_TYPES:
        for sub in event_type.sub_event_types:
            label = _LABEL_BY_PAIR.get((event_type.name, sub.name))
            if label is not None:
                texts.append(f"{sub.name}. {sub.definition} {event_type.definition}")
                labels.append(label)
    return texts, labels


def training_data() -> tuple[list[str], list[str]]:
    """The shipped training set: CASE 2021 development snippets, the hand-written seed corpus and
    the codebook definitions."""
    texts, labels = parse_labelled_tsv(_read_data("case2021_task2_dev.tsv"), "case2021_task2_dev.tsv")
    seed_texts, seed_labels = parse_labelled_tsv(_read_data("seed_corpus.tsv"), "seed_corpus.tsv")
    book_texts, book_labels = codebook_examples()
    return texts + seed_texts + book_texts, labels + seed_labels + book_labels


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]+")
_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")


def normalise(text: str) -> str:
    """Collapse whitespace, drop control characters and cut to :data:`MAX_CHARS`.

    Cues are written for single-spaced text ("opened fire on"), and junk bytes decoded as U+FFFD or
    control characters would otherwise become character n-grams the model never saw.
    """
    text = _CONTROL.sub(" ", text[: MAX_CHARS * 2])
    return _SPACE.sub(" ", text).strip()[:MAX_CHARS]


@dataclass
class CueMatch:
    """Cue scores of one text: per-label sum of the weights of distinct cues, and the phrases found."""

    scores: dict[str, int]
    phrases: dict[str, list[str]]


def match_cues(text: str, cues: Sequence[Cue] | None = None) -> CueMatch:
    """Find the lexicon's cues in an already normalised text."""
    scores: dict[str, int] = {}
    phrases: dict[str, list[str]] = {}
    for cue in cues if cues is not None else lexicon():
        found = cue.regex.search(text)
        if found:
            scores[cue.label] = scores.get(cue.label, 0) + cue.weight
            phrases.setdefault(cue.label, []).append(found.group(0).lower())
    return CueMatch(scores, phrases)


LEXICON_SCALE = 0.6
"""Weight of the cue-score block against the TF-IDF blocks (each TF-IDF row has unit norm). Chosen by
cross-validation on the CASE snippets: 0 (no lexicon) gives micro-F1 ~0.75, 0.5-0.7 ~0.82-0.83, and
2-3 lets the cues drown the n-grams (~0.77-0.78)."""
CUE_SCORE_CAP = 4
"""Cue scores are capped so that a text repeating one class's words does not get an unbounded feature."""
C = 20.0
"""Inverse regularisation: high, because most classes have only 10-30 training texts and the
TF-IDF blocks are already normalised."""


class EventClassifier:
    """The two-layer classifier: cue lexicon + logistic regression. Fit once, then call from any thread."""

    def __init__(self, cues: Sequence[Cue] | None = None) -> None:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        self.cues: tuple[Cue, ...] = tuple(cues) if cues is not None else lexicon()
        self._words = TfidfVectorizer(
            analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
            token_pattern=WORD_TOKEN, dtype=np.float32,
        )
        self._chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, dtype=np.float32,
        )
        # One-vs-rest liblinear in its dual form: with ~25k features and ~500 texts the dual problem is
        # small, so it fits in ~0.3 s where multinomial lbfgs takes ~2 s and primal liblinear ~8 s, at
        # the same CV accuracy. Probabilities are the one-vs-rest scores normalised to sum to 1.
        self._model = OneVsRestClassifier(
            LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=2000, class_weight="balanced")
        )
        self._weights = np.zeros((0, 0))
        self._bias = np.zeros(0)
        self._classes: list[str] = []
        self._scorer: _TfidfScorer | None = None
        self._fitted = False

    def _cue_rows(self, matches: Sequence[CueMatch]) -> np.ndarray:
        import numpy as np

        rows = np.zeros((len(matches), len(LABELS)), dtype=np.float32)
        index = {label: i for i, label in enumerate(LABELS)}
        for r, match in enumerate(matches):
            for label, score in match.scores.items():
                rows[r, index[label]] = min(score, CUE_SCORE_CAP) / CUE_SCORE_CAP * LEXICON_SCALE
        return rows

    def _cue_matrix(self, matches: Sequence[CueMatch]) -> sp.csr_matrix:
        import scipy.sparse as sp

        return sp.csr_matrix(self._cue_rows(matches))

    def _features(self, texts: Sequence[str], matches: Sequence[CueMatch]) -> sp.csr_matrix:
        import scipy.sparse as sp

        return sp.hstack(
            [self._words.transform(texts), self._chars.transform(texts), self._cue_matrix(matches)],
            format="csr",
        )

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> EventClassifier:
        import numpy as np

        clean = [normalise(t) for t in texts]
        matches = [match_cues(t, self.cues) for t in clean]
        self._words.fit(clean)
        self._chars.fit(clean)
        self._model.fit(self._features(clean, matches), list(labels))
        # One weight matrix for all classes: scoring a text is then one sparse product, where
        # OneVsRestClassifier.predict_proba validates its input 30 times (10x slower for one text).
        self._weights = np.vstack([est.coef_.ravel() for est in self._model.estimators_]).T
        self._bias = np.array([est.intercept_[0] for est in self._model.estimators_])
        self._classes = [str(label) for label in self._model.classes_]
        self._scorer = _TfidfScorer.from_fitted(self._words, self._chars, self._weights, self._bias)
        self._fitted = True
        return self

    def compiled(self) -> EventClassifier:
        """This fitted classifier without its scikit-learn objects: what classifying needs (the
        vocabularies, idf weights and the weight matrix, in numpy), so it can be pickled and loaded
        without importing scikit-learn or scipy (:func:`default_classifier` keeps it in the cache)."""
        if not self._fitted:
            raise RuntimeError("EventClassifier.fit() must be called before compiled()")
        light = object.__new__(EventClassifier)
        light.__dict__.update(self.__dict__)
        light._words = light._chars = light._model = None
        return light

    def _probabilities(self, features: sp.csr_matrix) -> np.ndarray:
        """One-vs-rest logistic scores normalised to sum to 1 per row (what predict_proba returns)."""
        import numpy as np

        scores = 1.0 / (1.0 + np.exp(-(features @ self._weights + self._bias)))
        return np.asarray(scores / scores.sum(axis=1, keepdims=True))

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        if not self._fitted:
            raise RuntimeError("EventClassifier.fit() must be called before classifying")
        import numpy as np

        clean = [normalise(t) for t in texts]
        results: list[Classification | None] = [None] * len(clean)
        todo = [i for i, t in enumerate(clean) if _LETTER.search(t)]
        if todo:
            todo_texts = [clean[i] for i in todo]
            matches = [match_cues(t, self.cues) for t in todo_texts]
            assert self._scorer is not None
            probs = self._scorer.probabilities(todo_texts, self._cue_rows(matches))
            for row, i in enumerate(todo):
                best = int(np.argmax(probs[row]))
                label = self._classes[best]
                results[i] = _result(label, float(probs[row, best]), matches[row])
                if label == "ATTRIB":
                    results[i] = self._claimed_event(probs[row], matches[row]) or results[i]
        return [r if r is not None else UNCLASSIFIABLE for r in results]

    def _claimed_event(self, probs: np.ndarray, match: CueMatch) -> Classification | None:
        """The event a claim of responsibility reports, when the text names it.

        ACLED codes the attack, not the claim: "the insurgents claimed responsibility" after "a roadside
        bomb hit their pickup" is a remote explosive event. When the claim class wins but the text also has
        a cue that names an ACLED violent class (weight 2: "roadside bomb", "suicide car bomb"), the event
        type and sub-event type are that class's (the most probable such one) and ``label`` stays
        ``ATTRIB``, the CASE code. A bare claim ("X claimed the attack") keeps the Attribution type."""
        named = {cue.label for cue in self.cues if cue.weight == 2 and cue.label in _CLAIMABLE
                 and cue.label in match.scores}
        candidates = [(float(probs[k]), label) for k, label in enumerate(self._classes) if label in named]
        if not candidates:
            return None
        prob, label = max(candidates)
        event_type, sub_event_type = CASE_LABELS[label]
        return Classification(event_type, sub_event_type, "ATTRIB", round(prob, 3),
                              tuple(match.phrases.get(label, ())) + tuple(match.phrases.get("ATTRIB", ())))

    def classify(self, text: str) -> Classification:
        return self.classify_many([text])[0]

    def classify_by_rules(self, text: str) -> Classification:
        """The lexicon alone: the class with the highest cue score; ties go to the more specific class.

        Kept as a baseline and as an explanation: if it disagrees with the model, the cues it found
        show why. A text with letters but no cue is ``OTHER`` with confidence 0.
        """
        clean = normalise(text)
        if not _LETTER.search(clean):
            return UNCLASSIFIABLE
        match = match_cues(clean, self.cues)
        if not match.scores:
            return _result("OTHER", 0.0, match)
        label = max(match.scores, key=lambda lab: (match.scores[lab], -_RULE_PRIORITY.index(lab)))
        return _result(label, match.scores[label] / sum(match.scores.values()), match)


@dataclass
class _TfidfScorer:
    """Classifying without scikit-learn: the fitted TF-IDF vectorisers' analysers, vocabularies and
    idf weights, and the one-vs-rest weight matrix, applied with numpy.

    Reproduces ``TfidfVectorizer.transform`` for the two vectorisers :class:`EventClassifier` fits
    (lowercase; word 1-2-grams of ``WORD_TOKEN``; ``char_wb`` 3-5-grams; sublinear tf; idf; l2 norm
    per block), which ``tests/extract/test_classify.py`` checks against scikit-learn itself.
    """

    words: dict[str, int]
    word_idf: np.ndarray
    chars: dict[str, int]
    char_idf: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    @classmethod
    def from_fitted(cls, words: Any, chars: Any, weights: np.ndarray, bias: np.ndarray) -> _TfidfScorer:
        for vectoriser, analyzer, ngrams in ((words, "word", (1, 2)), (chars, "char_wb", (3, 5))):
            settings = (vectoriser.analyzer, vectoriser.ngram_range, vectoriser.lowercase, vectoriser.sublinear_tf,
                        vectoriser.norm, vectoriser.strip_accents, vectoriser.stop_words)
            if settings != (analyzer, ngrams, True, True, "l2", None, None):
                raise ValueError(f"_TfidfScorer does not reproduce a {settings} vectoriser")
        if words.token_pattern != WORD_TOKEN:
            raise ValueError("_TfidfScorer tokenises with WORD_TOKEN only")
        return cls({str(k): int(v) for k, v in words.vocabulary_.items()}, words.idf_.astype("float64"),
                   {str(k): int(v) for k, v in chars.vocabulary_.items()}, chars.idf_.astype("float64"),
                   weights, bias)

    def block(self, terms: list[str], vocabulary: dict[str, int], idf: np.ndarray,
              offset: int) -> tuple[list[int], list[float]]:
        import math

        counts: dict[int, int] = {}
        for term in terms:
            column = vocabulary.get(term)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = sorted(counts)
        values = [(1.0 + math.log(counts[c])) * float(idf[c]) for c in columns]
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        return [c + offset for c in columns], [v / norm for v in values]

    def probabilities(self, texts: Sequence[str], cue_rows: np.ndarray) -> np.ndarray:
        import numpy as np

        cue_offset = len(self.words) + len(self.chars)
        scores = np.empty((len(texts), self.weights.shape[1]))
        for r, text in enumerate(texts):
            lowered = text.lower()
            w_cols, w_vals = self.block(_word_ngrams(lowered), self.words, self.word_idf, 0)
            c_cols, c_vals = self.block(_char_wb_ngrams(lowered), self.chars, self.char_idf, len(self.words))
            cue_cols = [cue_offset + int(i) for i in np.flatnonzero(cue_rows[r])]
            columns = w_cols + c_cols + cue_cols
            values = np.array(w_vals + c_vals + [float(cue_rows[r, c - cue_offset]) for c in cue_cols])
            scores[r] = values @ self.weights[np.array(columns, dtype=np.intp)] if columns else 0.0
        odds = 1.0 / (1.0 + np.exp(-(scores + self.bias)))
        return np.asarray(odds / odds.sum(axis=1, keepdims=True))


WORD_TOKEN = r"(?u)\b[^\W\d_][\w'-]*\b"
"""Words for the word n-grams: a letter, then letters, digits, apostrophes or hyphens."""
_WORD = re.compile(WORD_TOKEN)
_WHITE_SPACES = re.compile(r"\s\s+")


def _word_ngrams(text: str) -> list[str]:
    """Words and word pairs of a lowercased text, as scikit-learn's word analyser makes them."""
    tokens = _WORD.findall(text)
    return tokens + [" ".join(tokens[i:i + 2]) for i in range(len(tokens) - 1)]


def _char_wb_ngrams(text: str, low: int = 3, high: int = 5) -> list[str]:
    """Character 3-5-grams inside each space-padded word, as scikit-learn's ``char_wb`` makes them
    (a word shorter than n gives one n-gram-or-shorter, once)."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset:offset + n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset:offset + n])
            if offset == 0:
                break
    return grams


_CLAIMABLE = frozenset({
    "ARMED_CLASH", "CHEM_WEAP", "AIR_STRIKE", "SUIC_BOMB", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "ATTACK",
    "ABDUCT_DISSAP",
})
"""Classes whose events a claim of responsibility reports (violent events ACLED codes as the attack)."""

_RULE_PRIORITY: tuple[str, ...] = (
    "ATTRIB", "CHEM_WEAP", "SUIC_BOMB", "FORCE_AGAINST_PROTEST", "PROTEST_WITH_INTER", "GRENADE",
    "REM_EXPLOS", "AIR_STRIKE", "ART_MISS_ATTACK", "DISR_WEAP", "SEX_VIOL", "ABDUCT_DISSAP",
    "GOV_REGAINS_TERIT", "NON_VIOL_TERRIT_TRANSFER", "NON_STATE_ACTOR_OVERTAKES_TER", "HQ_ESTABLISHED",
    "MOB_VIOL", "VIOL_DEMONSTR", "PEACE_PROTEST", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME",
    "AGREEMENT", "PROPERTY_DISTRUCT", "ARMED_CLASH", "ATTACK", "ARREST", "CHANGE_TO_GROUP_ACT", "DIPLO",
    "OTHER",
)
"""Tie-break order for the rules-only baseline: a specific weapon or a named claim beats a generic verb."""


def _result(label: str, confidence: float, match: CueMatch) -> Classification:
    event_type, sub_event_type = CASE_LABELS[label]
    return Classification(
        event_type, sub_event_type, label, round(confidence, 3), tuple(match.phrases.get(label, ())),
    )


_LOCK = threading.Lock()


def _train_default() -> EventClassifier:
    texts, labels = training_data()
    return EventClassifier().fit(texts, labels).compiled()


@cache
def _default_classifier_unlocked() -> EventClassifier:
    from importlib.metadata import version

    from ruydad.cache import cached

    inputs = [*sorted(DATA_DIR.glob("*.tsv")), Path(__file__)]
    return cached("event-classifier", inputs, f"scikit-learn {version('scikit-learn')}", _train_default)


def default_classifier() -> EventClassifier:
    """The shipped classifier, trained from the package's data files on first use (about 2 s with
    scikit-learn), then kept in the user cache and loaded without scikit-learn (:mod:`ruydad.cache`)."""
    with _LOCK:
        return _default_classifier_unlocked()


def classify(text: str) -> Classification:
    """Classify one news text (a snippet, a lead or a whole article; only the start is read)."""
    return default_classifier().classify(text)


def classify_many(texts: Iterable[str]) -> list[Classification]:
    """Classify texts in one batch, in order: much faster per text than repeated :func:`classify`."""
    return default_classifier().classify_many(texts)


JSONL_CHUNK = 512
"""Texts classified per batch by :func:`classify_jsonl`: large enough to amortise the model call,
small enough that a long stream starts producing output at once."""


def output_record(record_id: Any, result: Classification) -> dict[str, Any]:
    """The JSON object written for one classified text: the fields a downstream table needs (the
    CASE code and the cues stay in the Python API)."""
    return {
        "id": record_id,
        "event_type": result.event_type,
        "sub_event_type": result.sub_event_type,
        "confidence": result.confidence,
    }


def parse_jsonl_line(line: str, number: int) -> tuple[Any, str] | None:
    """(id, text) from one JSON Lines record ``{"id", "text"}``; None for a blank line; an
    :class:`~ruydad.errors.InputError` naming the line otherwise."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number}: not valid JSON ({exc.msg}); expected {{\"id\": ..., \"text\": ...}}"
                         ) from None
    if not isinstance(record, dict):
        raise InputError(f"line {number}: expected a JSON object with \"id\" and \"text\", "
                         f"got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"line {number}: \"text\" must be a string, got {type(text).__name__}")
    record_id = record.get("id")
    if isinstance(record_id, dict | list):
        raise InputError(f"line {number}: \"id\" must be a string, number or null")
    return record_id, text


def classify_jsonl(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Classify JSON Lines records ``{"id", "text"}`` in order, yielding one :func:`output_record`
    each, so outputs zip back onto inputs by line as well as by id. Lines are classified in chunks
    (:data:`JSONL_CHUNK`): a bad line is an error after the earlier chunks' records were yielded."""
    batch: list[tuple[Any, str]] = []
    for number, line in enumerate(lines, start=1):
        parsed = parse_jsonl_line(line, number)
        if parsed is not None:
            batch.append(parsed)
        if len(batch) >= JSONL_CHUNK:
            yield from _classify_batch(batch)
            batch = []
    yield from _classify_batch(batch)


def _classify_batch(batch: list[tuple[Any, str]]) -> Iterator[dict[str, Any]]:
    if not batch:
        return
    results = classify_many(text for _, text in batch)
    for (record_id, _), result in zip(batch, results, strict=True):
        yield output_record(record_id, result)
