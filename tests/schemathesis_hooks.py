# SPDX-License-Identifier: EUPL-1.2
"""schemathesis hooks for serve's contract test: generated numbers and codes that can be valid.

The contract's schema cannot say everything serve checks; its description names four
semantic 400s. Right before each call, this hook makes a generated body meet them where
its values already have the right type (any string is valid for ``service`` and
``outcome_code``, an 11-digit string for ``insz``), so a positive case reaches the engine
and a negative case stays negative: an 11-digit ``insz`` gets a valid date and check
digits; a ``service`` becomes one of ours half the time; an override of an advice that
serve gave (a stateful link carries its ``advice_id``) names that advice's service; an
``outcome_code`` becomes one of its service's outcomes. Loaded through SCHEMATHESIS_HOOKS.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

import schemathesis

from app.eligibility.embedded.rules import load_rules
from app.resource_paths import rules_dir

_ELEVEN = re.compile(r"[0-9]{11}")
_OUTCOMES = {
    rules.code: sorted(outcome.code for outcome in rules.service.outcomes)
    for rules in load_rules(rules_dir())
}
# advice_id → service of each advice serve gave in this run (links reuse the ids).
_ADVISED: dict[str, str] = {}


def valid_number_like(digits: str) -> str:
    """A valid pre-2000 national number built from the generated digits."""
    month = 1 + int(digits[2:4]) % 12
    day = 1 + int(digits[4:6]) % 28
    base = f"{digits[:2]}{month:02d}{day:02d}{digits[6:9]}"
    return base + f"{97 - int(base) % 97:02d}"


def _pick(choices: list[str], seed: str) -> str:
    return choices[zlib.crc32(seed.encode("utf-8", "surrogatepass")) % len(choices)]


def _service_for(body: dict[str, Any], service: str) -> str:
    advised = _ADVISED.get(str(body.get("advice_id")))
    if advised is not None:
        return advised
    if service not in _OUTCOMES and zlib.crc32(service.encode("utf-8", "surrogatepass")) % 2:
        return _pick(sorted(_OUTCOMES), service)
    return service


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: Any) -> None:  # noqa: ARG001 - hook signature
    """Make the body meet the contract's semantic rules where its types already allow."""
    body = case.body
    if not isinstance(body, dict):
        return
    insz = body.get("insz")
    if isinstance(insz, str) and _ELEVEN.fullmatch(insz):
        body["insz"] = valid_number_like(insz)
    service = body.get("service")
    if not isinstance(service, str):
        return
    service = body["service"] = _service_for(body, service)
    outcome = body.get("outcome_code")
    if isinstance(outcome, str) and service in _OUTCOMES and outcome not in _OUTCOMES[service]:
        body["outcome_code"] = _pick(_OUTCOMES[service], outcome)


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:  # noqa: ARG001 - hook signature
    """Remember each advice's service, for an override that a link builds on it."""
    if case.operation.path == "/v1/advice" and response.status_code == 200:
        advice = response.json()
        _ADVISED[advice["advice_id"]] = advice["service"]
