"""netcontract's pytest plugin: sample and corpus fixtures, and payload assertions with diffs.

pytest loads it by itself once netcontract is installed (entry point ``pytest11``, name
``netcontract``; ``-p no:netcontract`` turns it off). It provides:

Fixtures

- ``nc_sample``: a :class:`SampleFactory`; ``nc_sample(CustomerGroupDto)`` is the help page's
  sample object, ``nc_sample.json(...)``/``nc_sample.xml(...)`` its bytes.
- ``nc_corpus``: a :class:`CorpusFactory`; ``nc_corpus(CustomerGroupDto, 20)`` is a list of
  20 distinct values drawn from the hypothesis strategies, the same on every run.
- ``nc_seed``: the seed both use, ``0`` unless ``--netcontract-seed N`` is given.

Assertions (importable from this module, also as the ``nc_assert`` fixture)

- :func:`assert_xml_equal` and :func:`assert_json_equal` compare two payloads. On failure the
  message lists each difference at its member path (``Vehicles[0].Brand: expected 'sample
  string 19', got 'Renault'``), not two walls of bytes. With ``exact=True`` (default), a
  payload that has the same content but other bytes (namespace prefixes, indentation,
  escaping, number format) fails too, and the message shows where the bytes part.
- :func:`xml_differences` and :func:`json_differences` return the same findings as a list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from netcontract.clr.datetime import DateTime
from netcontract.conversions import to_json, to_xml
from netcontract.testing.corpus import draw_corpus
from netcontract.testing.payload_diff import (
    Difference,
    assert_json_equal,
    assert_xml_equal,
    json_differences,
    xml_differences,
)
from netcontract.webapi.help_page import HELP_PAGE_NOW, help_page_sample

__all__ = [
    "CorpusFactory",
    "Difference",
    "PayloadAssertions",
    "SampleFactory",
    "assert_json_equal",
    "assert_xml_equal",
    "json_differences",
    "xml_differences",
]


# ---------------------------------------------------------------------------------- fixtures


class SampleFactory:
    """Help-page samples (see :func:`netcontract.help_page_sample`) with the session's seed."""

    def __init__(self, seed: int, now: DateTime = HELP_PAGE_NOW) -> None:
        self.seed = seed  #: seed of the GUIDs, unless a call gives another
        self.now = now  #: the value of ``DateTime.Now``

    def __call__(self, tp: Any, *, seed: int | None = None, now: DateTime | None = None) -> Any:
        """A fresh sample object of ``tp`` (the help page's, GUIDs from the seed)."""
        return help_page_sample(
            tp, seed=self.seed if seed is None else seed, now=self.now if now is None else now
        )

    def json(self, tp: Any, *, indent: bool = True, seed: int | None = None) -> bytes:
        """The sample as the help page shows it in JSON (indented unless ``indent=False``)."""
        return to_json(self(tp, seed=seed), indent=indent)

    def xml(self, tp: Any, *, indent: bool = True, seed: int | None = None) -> bytes:
        """The sample as the help page shows it in XML (indented unless ``indent=False``)."""
        return to_xml(self(tp, seed=seed), indent=indent)


class CorpusFactory:
    """Distinct values drawn from the hypothesis strategies, deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed  #: the seed of every draw, unless a call gives another

    def __call__(
        self, tp: Any, count: int = 10, *, seed: int | None = None, **strategy_options: Any
    ) -> list[Any]:
        """``count`` distinct values of ``tp`` (see :func:`netcontract.draw_corpus`)."""
        return draw_corpus(
            tp, count=count, seed=self.seed if seed is None else seed, **strategy_options
        )


@attrs.frozen
class PayloadAssertions:
    """The assertions, as the ``nc_assert`` fixture: ``nc_assert.xml_equal(a, b)``."""

    xml_equal: Callable[..., None] = assert_xml_equal
    json_equal: Callable[..., None] = assert_json_equal
    xml_differences: Callable[..., list[Difference]] = xml_differences
    json_differences: Callable[..., list[Difference]] = json_differences


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--netcontract-seed``: the seed of the GUIDs of samples and of corpora."""
    group = parser.getgroup("netcontract")
    group.addoption(
        "--netcontract-seed",
        type=int,
        default=0,
        metavar="N",
        help="seed of nc_sample's GUIDs and of nc_corpus's draws (default 0)",
    )


def pytest_report_header(config: pytest.Config) -> str | None:
    """Name the seed in the header when it is not the default."""
    seed = config.getoption("netcontract_seed", 0)
    return f"netcontract: --netcontract-seed={seed}" if seed else None


@pytest.fixture
def nc_seed(request: pytest.FixtureRequest) -> int:
    """The seed of samples and corpora: ``--netcontract-seed`` (default 0)."""
    return int(request.config.getoption("netcontract_seed", 0))


@pytest.fixture
def nc_sample(nc_seed: int) -> SampleFactory:
    """Help-page sample objects and payloads: ``nc_sample(CustomerGroupDto)``."""
    return SampleFactory(nc_seed)


@pytest.fixture
def nc_corpus(nc_seed: int) -> CorpusFactory:
    """Lists of distinct values of a contract: ``nc_corpus(CustomerGroupDto, 20)``."""
    return CorpusFactory(nc_seed)


@pytest.fixture
def nc_assert() -> PayloadAssertions:
    """The payload assertions: ``nc_assert.json_equal(actual, expected)``."""
    return PayloadAssertions()
