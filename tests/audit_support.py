# SPDX-License-Identifier: EUPL-1.2
"""For the audit tests: decisions to record, and a real backend (``serve``) on loopback."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

from app.audit.decisions import Decision, DecisionRecorder
from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.port import AdviceQuery
from app.eligibility.remote.client import RemoteEligibility
from app.eligibility.wire import Advice, Channel, LocalizedText, Outcome, ReasonCode
from app.serve.api import EligibilityApi
from app.services import make_eligibility
from app.settings.config import Config, RemoteSettings
from app.settings.credentials import KeyringCredentials
from tests.served import ServedApp

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import TracebackType

    from app.audit.store import AuditStore
    from app.eligibility.port import EligibilityPort

KEY = b"test installation key, 32 bytes!"
SERVICE = "uitpas-kansentarief"
CITIZENS = sample_citizens()
NUMBERS = [c.national_number.digits for c in CITIZENS]
OTHER_OUTCOME = {"KANSENTARIEF": "STANDAARD", "STANDAARD": "KANSENTARIEF"}


def recorder(
    store: AuditStore,
    *,
    on_recorded: Callable[[], None] | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> DecisionRecorder:
    """The desk "balie-1" with staff member "medewerker-7"."""
    if now is None:
        return DecisionRecorder(
            store, desk="balie-1", staff_id="medewerker-7", on_recorded=on_recorded
        )
    return DecisionRecorder(
        store, desk="balie-1", staff_id="medewerker-7", on_recorded=on_recorded, now=now
    )


def manual(index: int, reason: str = "attest van het OCMW aan de balie getoond") -> Decision:
    """A decision without advice (the backend was down): needs the number."""
    person = CITIZENS[index % len(CITIZENS)]
    return Decision(
        service=SERVICE,
        applied_outcome="KANSENTARIEF",
        reason_code=ReasonCode.DOCUMENT_SHOWN,
        reason_text=reason,
        channel=Channel.MANUAL,
        national_number=person.national_number,
    )


def against(advice: Advice, index: int = 0) -> Decision:
    """An override of ``advice``: the other outcome, for a recent move."""
    return Decision(
        service=SERVICE,
        applied_outcome=OTHER_OUTCOME[advice.outcome.code],
        reason_code=ReasonCode.RECENT_MOVE,
        reason_text="gisteren verhuisd, de lijsten lopen achter",
        channel=Channel.CARD,
        national_number=CITIZENS[index % len(CITIZENS)].national_number,
        advice=advice,
    )


def advice_of(advice_id: str, code: str) -> Advice:
    """An advice as the desk received it (for records that need no backend)."""
    return Advice(
        advice_id=advice_id,
        service=SERVICE,
        outcome=Outcome(code=code, eligible=code == "KANSENTARIEF", label=LocalizedText(nl=code)),
        decided_at=dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC),
    )


def remote(url: str) -> RemoteEligibility:
    """Our HTTP client without its own retries: the outbox's backoff is what is tested."""
    values = {"base_url": url, "auth": "none", "timeout_s": 2.0, "connect_timeout_s": 0.5}
    settings = RemoteSettings.model_validate(values | {"advice_retries": 0})
    return RemoteEligibility(settings, KeyringCredentials())


class Backend:
    """The embedded engine (training lists) served over HTTP on loopback, as ``serve`` does."""

    def __init__(self, data_dir: Path, port: int = 0) -> None:
        self.data_dir = data_dir
        self.engine: EligibilityPort = make_eligibility(Config(training=True), data_dir)
        self._served = ServedApp(EligibilityApi(self.engine, None).app(), port)
        self.url = ""

    def __enter__(self) -> Backend:
        self._served.__enter__()
        self.url = self._served.url
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._served.__exit__(exc_type, exc, tb)
        self.engine.close()

    def advise(self, index: int) -> Advice:
        query = AdviceQuery(SERVICE, CITIZENS[index].national_number, "balie-1", Channel.CARD)
        return self.engine.advise(query)

    def overrides(self) -> dict[str, str]:
        """Idempotency-Key -> override_id of every override the backend holds."""
        path = self.data_dir / "training-sources.sqlite"
        with closing(sqlite3.connect(path)) as conn:
            rows = conn.execute("SELECT idempotency_key, override_id FROM overrides").fetchall()
        assert len(rows) == len({key for key, _ in rows})
        return dict(rows)


def outbox_rows(path: Path) -> dict[str, tuple[str, str | None]]:
    """Idempotency-Key -> (state, override_id) of every outbox entry, read with plain SQLite."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT idempotency_key, state, override_id FROM outbox").fetchall()
    return {key: (state, override_id) for key, state, override_id in rows}
