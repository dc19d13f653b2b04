# SPDX-License-Identifier: EUPL-1.2
"""The one verdict check every channel passes an advice through before anyone sees it.

An advice becomes a verdict only when it agrees with the backend's own catalogue (the
service's outcome exists, with the same ``eligible``), it has not expired (``valid_until``)
and its data are not from the future (``data_as_of``). What is shown is the catalogue's
outcome, as plain text: control characters and bidi overrides are removed. Anything else
is a Problem, never a yes or a no. Lives in eligibility/ because it judges contract
documents only; the desk, ``check`` and a batch run call it alike.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import unicodedata
from typing import TYPE_CHECKING

from app.eligibility.wire import LocalizedText, Outcome, Service
from app.logsafe import redact
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from app.eligibility.wire import Advice

# Dates in the contract carry no zone: they are the backend's (Belgian) calendar day. A desk
# clock a few minutes off near midnight must not turn a good advice into a problem, so the
# day boundaries are widened by this much; more than that is a clock or a backend fault.
CLOCK_SKEW = dt.timedelta(minutes=10)
# Characters that are not text: C0/C1 controls (Cc), format characters (Cf: the bidi
# embeddings/overrides/isolates U+202A–U+202E and U+2066–U+2069, zero-width ones, the BOM),
# line/paragraph separators (Zl, Zp), and unassigned or private code points.
_NOT_TEXT = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def plain_text(text: str) -> str:
    """``text`` with control, format (bidi) and separator characters removed; runs of
    whitespace (tabs and newlines included) become one space."""
    if text.isprintable():  # the usual case, checked in C: no Cc/Cf/Z*/Cs/Co/Cn but the space
        return " ".join(text.split())
    kept = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or _is_text(ch))
    return " ".join(kept.split())


def _is_text(ch: str) -> bool:
    return unicodedata.category(ch) not in _NOT_TEXT


def _plain(text: LocalizedText) -> LocalizedText:
    cleaned = {key: plain_text(value) for key, value in text if isinstance(value, str)}
    if not cleaned.get("nl"):
        raise AppError(Problem.BACKEND_BAD_RESPONSE, "a label is empty once made plain text")
    return LocalizedText.model_validate({k: v or None for k, v in cleaned.items()})


@functools.lru_cache(maxsize=256)  # pure; a batch asks it for the same few outcomes
def plain_outcome(outcome: Outcome) -> Outcome:
    detail = outcome.detail
    return outcome.model_copy(
        update={
            "label": _plain(outcome.label),
            "detail": _plain(detail) if detail is not None and plain_text(detail.nl) else None,
        }
    )


def plain_catalogue(services: Iterable[Service]) -> tuple[Service, ...]:
    """The catalogue as the desk shows it (service names, outcome labels): plain text."""
    return tuple(
        service.model_copy(
            update={
                "name": _plain(service.name),
                "outcomes": tuple(plain_outcome(o) for o in service.outcomes),
            }
        )
        for service in services
    )


def check_verdict(
    advice: Advice,
    catalogue: Iterable[Service] | None,
    *,
    service: str,
    now: Callable[[], dt.datetime] = _local_now,
) -> Advice:
    """The advice to show (its outcome the catalogue's, plain text), or AppError.

    ``catalogue``: the backend's services (fetched now or the desk's cached copy); None or
    without ``service``: its outcomes are unknown, so there is no verdict.
    ``service``: the service that was asked about.
    """
    known = _service_in(catalogue, service)
    if advice.service != service:
        raise AppError(Problem.BACKEND_CONTRADICTS_CATALOGUE, "the advice is for another service")
    listed = {outcome.code: outcome for outcome in known.outcomes}
    outcome = listed.get(advice.outcome.code)
    if outcome is None:
        raise AppError(
            Problem.BACKEND_CONTRADICTS_CATALOGUE,
            f"outcome {advice.outcome.code} is not one of the service's outcomes",
        )
    if outcome.eligible is not advice.outcome.eligible:
        raise AppError(
            Problem.BACKEND_CONTRADICTS_CATALOGUE,
            f"outcome {outcome.code}: eligible differs from the catalogue",
        )
    _check_dates(advice, now())
    return advice.model_copy(update={"outcome": plain_outcome(outcome)})


def offered_service(catalogue: Iterable[Service], code: str) -> Service:
    """The catalogue's service ``code``; else UNKNOWN_SERVICE naming the services it offers
    (and the closest, for a typing error). What was asked is masked like a log line."""
    offered = {service.code: service for service in catalogue}
    if code in offered:
        return offered[code]
    close = difflib.get_close_matches(code, list(offered), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    raise AppError(
        Problem.UNKNOWN_SERVICE,
        f"the backend has no service '{redact(code[:64])}' "
        f"(it offers: {', '.join(offered) or 'none'}){hint}",
    )


def _service_in(catalogue: Iterable[Service] | None, code: str) -> Service:
    for known in catalogue or ():
        if known.code == code:
            return known
    raise AppError(Problem.OUTCOMES_UNKNOWN, f"no catalogue lists the service {code!r}")


def _check_dates(advice: Advice, now: dt.datetime) -> None:
    if advice.valid_until is not None and advice.valid_until < (now - CLOCK_SKEW).date():
        raise AppError(Problem.ADVICE_EXPIRED, f"valid until {advice.valid_until.isoformat()}")
    if advice.data_as_of is not None and advice.data_as_of > (now + CLOCK_SKEW).date():
        raise AppError(
            Problem.ADVICE_FROM_FUTURE, f"data as of {advice.data_as_of.isoformat()} (future)"
        )
