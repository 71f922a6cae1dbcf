"""The store tests run on every backend: ``store`` here is the backend-parametrised store."""

from __future__ import annotations

import pytest

from ruydad.store import Store


@pytest.fixture
def store(backend_store: Store) -> Store:
    return backend_store
