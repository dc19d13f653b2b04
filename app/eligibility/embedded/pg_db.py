# SPDX-License-Identifier: EUPL-1.2
"""PostgreSQL plumbing for the store: connections (a small pool), and failures said safely.

A failure names the configuration key and the URL (which never holds a password: the
configuration refuses one), and only the server's first line, never a DETAIL (which can quote
a row's values). The password, if any, comes from the keyring and goes only to libpq.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import psycopg

from app.logsafe import redact
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from types import TracebackType

Connection = psycopg.Connection[tuple[Any, ...]]  # rows as the server typed them
KEY = "embedded.database_url"
POOL_SIZE = 8  # at most this many connections per process (serve's threads wait for one)
CONNECT_TIMEOUT_S = 5
DURABLE = "SET LOCAL synchronous_commit = on"


def reason(exc: BaseException) -> str:
    """The server's or libpq's first line, numbers redacted."""
    if isinstance(exc, psycopg.Error) and exc.diag.message_primary:
        text = exc.diag.message_primary
    else:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        text = lines[0] if lines else type(exc).__name__
    return redact(text)


def connect(url: str, password: str | None) -> Connection:
    """A new autocommit connection in UTC; CONFIG_INVALID (naming the key) if it fails."""
    try:
        conn = psycopg.connect(
            url,
            password=password,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="baliecheck",
        )
    except psycopg.Error as exc:
        raise AppError(
            Problem.CONFIG_INVALID,
            f"{KEY}: cannot connect to {url}: {reason(exc)} "
            "(is the server running, the URL right, the password set with "
            "'baliecheck credentials set database-password'?)",
        ) from None
    conn.execute("SET TimeZone = 'UTC'")
    # As SQLite's synchronous = NORMAL: an issued advice's commit does not wait for the disk
    # (a crash of the server may lose the last moment's, never corrupt). What must survive
    # one (an import, an override) sets it back on: DURABLE, in its own transaction.
    conn.execute("SET synchronous_commit = off")
    return conn


class Pool:
    """Up to POOL_SIZE connections, made when needed, given back after each use.

    ``with pool as conn:`` lends one; a database failure inside becomes SOURCE_UNAVAILABLE and
    the connection is dropped (a new one is made next time: the server may have restarted).
    """

    def __init__(self, url: str, password: str | None, size: int = POOL_SIZE) -> None:
        self.url = url
        self._password = password
        self._idle: list[Connection] = [connect(url, password)]
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(size)
        self._local = threading.local()

    def __enter__(self) -> Connection:
        self._slots.acquire()
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        try:
            if conn is None:
                conn = connect(self.url, self._password)
        except AppError as exc:
            self._slots.release()
            raise AppError(Problem.SOURCE_UNAVAILABLE, exc.detail) from None
        self._local.conn = conn
        return conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        conn: Connection = self._local.conn
        self._local.conn = None
        healthy = (
            not conn.closed and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        )
        if healthy and not isinstance(exc, psycopg.OperationalError):
            with self._lock:
                self._idle.append(conn)
        else:
            conn.close()
        self._slots.release()
        if isinstance(exc, psycopg.Error):
            raise AppError(
                Problem.SOURCE_UNAVAILABLE, f"database {self.url} ({KEY}): {reason(exc)}"
            ) from None

    def close(self) -> None:
        with self._lock:
            for conn in self._idle:
                conn.close()
            self._idle.clear()
