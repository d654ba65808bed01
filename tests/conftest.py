"""Shared fixtures: where the development corpus and the committed test fixtures live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The development corpus (samples/), read-only real reports described in SOURCES.md."""
    return ROOT / "samples"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Committed fixture files and their builders (tests/fixtures/)."""
    return Path(__file__).parent / "fixtures"
