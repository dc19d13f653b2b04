# SPDX-License-Identifier: EUPL-1.2
"""serve terminates TLS itself, with mutual TLS when a client CA is set; certificates made here."""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING

import httpx
import pytest

from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.port import AdviceQuery
from app.eligibility.wire import Channel
from app.settings.config import ServeSettings
from app.settings.credentials import KeyringCredentials, SecretName
from tests.bad_backend import make_remote
from tests.serve_support import TOKEN, ServedServer, training_api
from tests.tls_certs import make_client_certificate, make_server_certificate

if TYPE_CHECKING:
    from pathlib import Path


def test_serve_tls_answers_https_to_a_desk_that_trusts_its_ca(tmp_path: Path) -> None:
    server = make_server_certificate(tmp_path)
    settings = ServeSettings(tls_cert=server.cert_file, tls_key=server.key_file)
    api, engine = training_api(tmp_path, settings)
    KeyringCredentials().set(SecretName.BEARER_TOKEN, TOKEN)
    with ServedServer(api, settings) as served:
        assert served.url.startswith("https://")
        desk = make_remote(served.url, auth="bearer", ca_bundle=server.ca_file)
        try:
            number = sample_citizens()[0].national_number
            query = AdviceQuery("uitpas-kansentarief", number, "balie-1", Channel.CARD)
            assert desk.advise(query).service == "uitpas-kansentarief"
        finally:
            desk.close()
        with pytest.raises(httpx.TransportError):  # plain HTTP to the TLS port
            httpx.get(served.url.replace("https", "http") + "/v1/health", timeout=5)
        with pytest.raises(httpx.ConnectError):  # a client that does not trust the CA
            httpx.get(served.url + "/v1/health", timeout=5)
    engine.close()


def _client(ca_file: Path, cert: tuple[Path, Path] | None = None) -> httpx.Client:
    context = ssl.create_default_context(cafile=str(ca_file))
    if cert is not None:
        context.load_cert_chain(str(cert[0]), str(cert[1]))
    return httpx.Client(verify=context, timeout=5)


def test_serve_tls_with_a_client_ca_needs_a_desk_certificate(tmp_path: Path) -> None:
    server = make_server_certificate(tmp_path)
    desk = make_client_certificate(tmp_path, "desk")
    stranger = make_client_certificate(tmp_path, "stranger")
    settings = ServeSettings(
        tls_cert=server.cert_file, tls_key=server.key_file, tls_client_ca=desk.ca_file
    )
    api, engine = training_api(tmp_path, settings)
    with ServedServer(api, settings) as served:
        with _client(server.ca_file, (desk.cert_file, desk.key_file)) as client:
            assert client.get(served.url + "/v1/health").status_code == 200
        for cert in (None, (stranger.cert_file, stranger.key_file)):
            with _client(server.ca_file, cert) as client, pytest.raises(httpx.TransportError):
                client.get(served.url + "/v1/health")
    engine.close()
