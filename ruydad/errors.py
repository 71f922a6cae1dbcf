"""Errors meant for users: each says what was wrong, where, and what to do."""

from __future__ import annotations


class RuydadError(Exception):
    """Base class: the CLI prints these as a one-line message instead of a traceback."""


class StoreError(RuydadError):
    """The store cannot be opened, migrated or written."""


class QueryTimeout(StoreError):
    """A query ran past its time budget and was stopped (the HTTP API answers 503 with Retry-After)."""


class InputError(RuydadError):
    """A file, row or parameter given by the user cannot be used as it is."""


class WrongDatasetError(InputError):
    """The file is a real dataset export, but not of the kind the command expects."""


class RemoteError(RuydadError):
    """A dataset API refused or failed a request."""
