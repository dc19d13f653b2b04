# SPDX-License-Identifier: EUPL-1.2
"""Check real HTTP exchanges (httpx) against the eligibility contract, with openapi-core."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

if TYPE_CHECKING:
    import httpx

PROBLEM_JSON = "application/problem+json"
# ../shared beside the checkout (a worktree sits one level deeper: search upwards).
CONTRACT = next(
    (
        parent / "shared" / "contract" / "eligibility-v1.yaml"
        for parent in Path(__file__).resolve().parents[1:]
        if (parent / "shared" / "contract" / "eligibility-v1.yaml").is_file()
    ),
    Path(__file__).resolve().parents[2] / "shared" / "contract" / "eligibility-v1.yaml",
)


def contract_for(base_url: str) -> OpenAPI:
    """The contract, with its server replaced by the one under test."""
    spec: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    spec["servers"] = [{"url": base_url}]
    # openapi-core reads application/json only; problem documents are JSON too.
    config = Config(extra_media_type_deserializers={PROBLEM_JSON: json.loads})
    return OpenAPI.from_dict(spec, config=config)


class HttpxRequest:
    """openapi-core's request protocol over an httpx.Request."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        url = request.url
        self.host_url = f"{url.scheme}://{url.netloc.decode()}"
        self.path = url.path
        self.full_url_pattern = self.host_url + url.path
        self.method = request.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(url.params.multi_items())),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )
        self.content_type = request.headers.get("content-type", "")
        self.body = request.content or None


class HttpxResponse:
    """openapi-core's response protocol over an httpx.Response."""

    def __init__(self, response: httpx.Response) -> None:
        self.data = response.content
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(list(response.headers.items()))


def check_response(contract: OpenAPI, response: httpx.Response) -> None:
    """Raise if the response breaks the contract (status, content type, body schema)."""
    contract.validate_response(HttpxRequest(response.request), HttpxResponse(response))
