# SPDX-License-Identifier: EUPL-1.2
"""TLS in serve itself: uvicorn's ssl options from ``[serve]`` tls_cert, tls_key, tls_client_ca.

With a client CA the handshake requires a desk certificate that CA signed (mutual TLS).
The files are checked here, at start, so that a wrong path is a clear message, not a trace.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from app.settings.config import ServeSettings


def tls_options(settings: ServeSettings) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.Config``: empty without TLS."""
    if settings.tls_cert is None or settings.tls_key is None:
        return {}
    options: dict[str, Any] = {
        "ssl_certfile": str(settings.tls_cert),
        "ssl_keyfile": str(settings.tls_key),
    }
    if settings.tls_client_ca is not None:
        options |= {"ssl_ca_certs": str(settings.tls_client_ca), "ssl_cert_reqs": ssl.CERT_REQUIRED}
    _check_loads(options)
    return options


def _check_loads(options: dict[str, Any]) -> None:
    """Build the context once as uvicorn will, naming the key and file that fail."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(options["ssl_certfile"], options["ssl_keyfile"])
    except (OSError, ssl.SSLError) as exc:
        raise AppError(
            Problem.CONFIG_INVALID,
            f"serve.tls_cert / serve.tls_key ({options['ssl_certfile']}, "
            f"{options['ssl_keyfile']}): cannot be used as a certificate and its key ({exc})",
        ) from None
    if "ssl_ca_certs" in options:
        try:
            context.load_verify_locations(options["ssl_ca_certs"])
        except (OSError, ssl.SSLError) as exc:
            raise AppError(
                Problem.CONFIG_INVALID,
                f"serve.tls_client_ca ({options['ssl_ca_certs']}): not a CA file ({exc})",
            ) from None
