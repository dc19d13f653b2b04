# SPDX-License-Identifier: EUPL-1.2
"""Synthetic sample citizens (resources/sample/citizens.toml) and the training source store.

Used when no configuration exists (training mode) and by the training menu's virtual cards.
"""

from __future__ import annotations

import csv
import logging
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from app.eligibility.embedded.lists.files import COLUMN_NAME, MAX_CELL
from app.eligibility.embedded.lists.store import LIST_NAME
from app.problems import AppError, Problem
from app.resource_paths import sample_dir
from eid.errors import EidError
from eid.insz import NationalNumber

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from app.eligibility.embedded.lists.rows import SourceList
    from app.eligibility.embedded.store import Store

log = logging.getLogger(__name__)

ListName = Annotated[str, StringConstraints(pattern=LIST_NAME.pattern)]


ColumnName = Annotated[str, StringConstraints(pattern=COLUMN_NAME.pattern)]
Cell = Annotated[str, StringConstraints(min_length=1, max_length=MAX_CELL)]


class _CitizenSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Annotated[str, StringConstraints(min_length=1)]
    insz: Annotated[str, Field(repr=False)]
    lists: list[ListName]
    columns: dict[ListName, dict[ColumnName, Cell]] = Field(default_factory=dict)


class _SampleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lists: list[ListName]
    citizens: list[_CitizenSpec]
    reserved: Annotated[dict[ColumnName, str], Field(repr=False)] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SampleCitizen:
    """A made-up person: what the training menu calls them, their number, their lists, and
    their cells in lists with other columns."""

    label: str
    national_number: NationalNumber
    lists: frozenset[str]
    columns: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SampleData:
    """``reserved``: numbers kept for training's problem cards, by name; on no list."""

    lists: tuple[str, ...]
    citizens: tuple[SampleCitizen, ...]
    reserved: Mapping[str, NationalNumber] = field(default_factory=dict)


def default_sample_file() -> Path:
    return sample_dir() / "citizens.toml"


def load_sample_data(path: Path | None = None) -> SampleData:
    """The sample file, checked (valid numbers, known lists), or SOURCE_FILE_INVALID."""
    path = path or default_sample_file()
    try:
        spec = _SampleSpec.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
        citizens = tuple(
            SampleCitizen(
                c.label, NationalNumber(c.insz), frozenset(c.lists) | set(c.columns), c.columns
            )
            for c in spec.citizens
        )
        reserved = {name: NationalNumber(digits) for name, digits in spec.reserved.items()}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, EidError) as exc:
        raise AppError(Problem.SOURCE_FILE_INVALID, f"sample data {path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise AppError(
            Problem.SOURCE_FILE_INVALID, f"sample data {path}: {where}: {first['msg']}"
        ) from None
    undeclared = {name for c in citizens for name in c.lists} - set(spec.lists)
    if undeclared:
        raise AppError(
            Problem.SOURCE_FILE_INVALID,
            f"sample data {path}: lists not declared at the top: {', '.join(sorted(undeclared))}",
        )
    taken = {c.national_number for c in citizens} & set(reserved.values())
    if taken:
        raise AppError(
            Problem.SOURCE_FILE_INVALID,
            f"sample data {path}: a reserved number is also a citizen's ({len(taken)})",
        )
    return SampleData(lists=tuple(spec.lists), citizens=citizens, reserved=reserved)


def sample_citizens(path: Path | None = None) -> tuple[SampleCitizen, ...]:
    """Every sample citizen, in file order."""
    return load_sample_data(path).citizens


def reserved_numbers(path: Path | None = None) -> Mapping[str, NationalNumber]:
    """The numbers kept for training's problem cards, by name (on no list)."""
    return load_sample_data(path).reserved


def seed_training_store(
    store: Store, as_of: dt.date, *, path: Path | None = None
) -> tuple[SourceList, ...]:
    """Import every sample list into ``store`` (replacing lists of the same name)."""
    data = load_sample_data(path)
    imported = []
    with tempfile.TemporaryDirectory(prefix="baliecheck-sample-") as tmp:
        for name in data.lists:
            on_list = [c for c in data.citizens if name in c.lists]
            columns = sorted({column for c in on_list for column in c.columns.get(name, {})})
            csv_path = Path(tmp) / f"{name}.csv"
            with csv_path.open("w", encoding="utf-8", newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(["insz", *columns])
                for citizen in on_list:
                    cells = [citizen.columns.get(name, {}).get(c, "") for c in columns]
                    writer.writerow([citizen.national_number.digits, *cells])
            imported.append(store.import_csv(name, csv_path, as_of=as_of, allow_empty=True))
    log.info("training store seeded with %d sample lists", len(imported))
    return tuple(imported)


def seed_training_store_if_needed(store: Store, as_of: dt.date) -> None:
    """Seed the training store when a sample list is missing (a new version adds lists)."""
    if set(load_sample_data().lists) - {entry.name for entry in store.lists()}:
        seed_training_store(store, as_of)
