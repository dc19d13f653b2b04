# SPDX-License-Identifier: EUPL-1.2
"""The remote client meets contract 1.1 too: it sends no request serve would refuse as invalid."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from app.eligibility.port import AdviceQuery
from app.eligibility.wire import Channel
from app.problems import AppError, Problem
from app.settings.config import ServeSettings
from app.settings.credentials import KeyringCredentials, SecretName
from tests.bad_backend import make_remote, override_record
from tests.serve_support import TOKEN, ServedServer, training_api

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.remote.client import RemoteEligibility

_RECORD = override_record()
assert _RECORD.national_number is not None
NUMBER = _RECORD.national_number


@pytest.fixture
def remote(tmp_path: Path) -> Iterator[RemoteEligibility]:
    api, engine = training_api(tmp_path)
    KeyringCredentials().set(SecretName.BEARER_TOKEN, TOKEN)
    with ServedServer(api, ServeSettings()) as served:
        client = make_remote(served.url, auth="bearer")
        yield client
        client.close()
    engine.close()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"staff_id": f"m{NUMBER.digits}"}, "staff_id"),
        ({"desk": "balie\n1"}, "desk"),
        ({"desk": ""}, "desk"),
        ({"decided_at": dt.datetime(2026, 11, 22, 10, 0)}, "decided_at"),  # noqa: DTZ001 - the point
    ],
)
def test_serve_client_refuses_an_override_off_the_contract(
    remote: RemoteEligibility,
    caplog: pytest.LogCaptureFixture,
    change: dict[str, object],
    field: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    record = replace(override_record(advice_id=None), **change)  # type: ignore[arg-type]
    with pytest.raises(AppError) as caught:
        remote.record_override(record, idempotency_key="key-00000001")
    assert caught.value.problem is Problem.INVALID_REQUEST
    assert field in caught.value.detail
    assert NUMBER.digits not in str(caught.value)
    assert "HTTP Request" not in caplog.text  # refused before anything was sent


def test_serve_client_refuses_a_desk_id_holding_a_number(remote: RemoteEligibility) -> None:
    query = AdviceQuery("uitpas-kansentarief", NUMBER, f"balie-{NUMBER.digits}", Channel.CARD)
    with pytest.raises(AppError) as caught:
        remote.advise(query)
    assert caught.value.problem is Problem.INVALID_REQUEST
    assert "desk" in caught.value.detail
    assert NUMBER.digits not in str(caught.value)
