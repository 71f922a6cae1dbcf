"""Actors and what is claimed about them.

The registry (:func:`load_registry`) is theatre data: who the armed actors are, under every name
the press and the datasets use. :func:`resolve_actor` and :func:`find_actor_mentions` turn written
names into registry ids (or candidate new actors). Claims (:class:`Claim`) record who said what
about whom, where, with the sentence and its offsets; :func:`find_conflicts` puts contradicting
claims side by side; :func:`relations_graph` draws alliances and hostilities with the claims on
the edges. ``ruydad actors`` and ``ruydad claims`` (:mod:`ruydad.cli.actors`) are thin faces over
these functions.
"""

from typing import TYPE_CHECKING

from ruydad._lazy import lazy_exports

if TYPE_CHECKING:
    from ruydad.actors.claims import (
        ASSERTS,
        DENIES,
        INCOMPATIBLE,
        PREDICATES,
        Claim,
        Document,
        ObjectKind,
        Predicate,
        validate_claim,
        with_offsets,
    )
    from ruydad.actors.conflicts import Conflict, find_conflicts
    from ruydad.actors.graph import Relation, relations_graph, relations_of
    from ruydad.actors.profile import ActorProfile, actor_events, actor_profile, find_actor
    from ruydad.actors.registry import (
        Actor,
        DatasetName,
        Registry,
        RegistryError,
        UnknownActorError,
        dataset_names,
        family_of,
        load_registry,
        normalize_name,
    )
    from ruydad.actors.resolve import (
        ActorMatch,
        CandidateActor,
        Mention,
        acronym_definitions,
        candidate_actors,
        find_actor_mentions,
        resolve_actor,
    )
    from ruydad.actors.seed import Seed, load_seed, load_seeds
    from ruydad.actors.store import (
        ClaimFilter,
        SeedReport,
        candidates_table,
        claims_from_table,
        claims_table,
        documents_table,
        load_claims,
        save_candidates,
        save_claims,
        save_document,
        save_seed_claims,
    )
    from ruydad.theatres import DEFAULT_THEATRE

_EXPORTS = {
    "ASSERTS": "ruydad.actors.claims",
    "DENIES": "ruydad.actors.claims",
    "INCOMPATIBLE": "ruydad.actors.claims",
    "PREDICATES": "ruydad.actors.claims",
    "Claim": "ruydad.actors.claims",
    "Document": "ruydad.actors.claims",
    "ObjectKind": "ruydad.actors.claims",
    "Predicate": "ruydad.actors.claims",
    "validate_claim": "ruydad.actors.claims",
    "with_offsets": "ruydad.actors.claims",
    "Conflict": "ruydad.actors.conflicts",
    "find_conflicts": "ruydad.actors.conflicts",
    "Relation": "ruydad.actors.graph",
    "relations_graph": "ruydad.actors.graph",
    "relations_of": "ruydad.actors.graph",
    "ActorProfile": "ruydad.actors.profile",
    "actor_events": "ruydad.actors.profile",
    "actor_profile": "ruydad.actors.profile",
    "find_actor": "ruydad.actors.profile",
    "DEFAULT_THEATRE": "ruydad.theatres",
    "Actor": "ruydad.actors.registry",
    "DatasetName": "ruydad.actors.registry",
    "Registry": "ruydad.actors.registry",
    "RegistryError": "ruydad.actors.registry",
    "UnknownActorError": "ruydad.actors.registry",
    "dataset_names": "ruydad.actors.registry",
    "family_of": "ruydad.actors.registry",
    "load_registry": "ruydad.actors.registry",
    "normalize_name": "ruydad.actors.registry",
    "ActorMatch": "ruydad.actors.resolve",
    "CandidateActor": "ruydad.actors.resolve",
    "Mention": "ruydad.actors.resolve",
    "acronym_definitions": "ruydad.actors.resolve",
    "candidate_actors": "ruydad.actors.resolve",
    "find_actor_mentions": "ruydad.actors.resolve",
    "resolve_actor": "ruydad.actors.resolve",
    "Seed": "ruydad.actors.seed",
    "load_seed": "ruydad.actors.seed",
    "load_seeds": "ruydad.actors.seed",
    "ClaimFilter": "ruydad.actors.store",
    "SeedReport": "ruydad.actors.store",
    "candidates_table": "ruydad.actors.store",
    "claims_from_table": "ruydad.actors.store",
    "claims_table": "ruydad.actors.store",
    "documents_table": "ruydad.actors.store",
    "load_claims": "ruydad.actors.store",
    "save_candidates": "ruydad.actors.store",
    "save_claims": "ruydad.actors.store",
    "save_document": "ruydad.actors.store",
    "save_seed_claims": "ruydad.actors.store",
}
lazy_exports(__name__, _EXPORTS)

__all__ = [
    "ASSERTS",
    "DEFAULT_THEATRE",
    "DENIES",
    "INCOMPATIBLE",
    "PREDICATES",
    "Actor",
    "ActorMatch",
    "ActorProfile",
    "CandidateActor",
    "Claim",
    "ClaimFilter",
    "Conflict",
    "DatasetName",
    "Document",
    "Mention",
    "ObjectKind",
    "Predicate",
    "Registry",
    "RegistryError",
    "Relation",
    "Seed",
    "SeedReport",
    "UnknownActorError",
    "acronym_definitions",
    "actor_events",
    "actor_profile",
    "candidate_actors",
    "candidates_table",
    "claims_from_table",
    "claims_table",
    "dataset_names",
    "documents_table",
    "family_of",
    "find_actor",
    "find_actor_mentions",
    "find_conflicts",
    "load_claims",
    "load_registry",
    "load_seed",
    "load_seeds",
    "normalize_name",
    "relations_graph",
    "relations_of",
    "resolve_actor",
    "save_candidates",
    "save_claims",
    "save_document",
    "save_seed_claims",
    "validate_claim",
    "with_offsets",
]
