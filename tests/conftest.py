# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Integration tests from outside: a real Odoo server, driven over JSON-RPC.

``make test`` runs Odoo's own runner first, which leaves the database
``VIP_TEST_DB`` with the VIP addons and their demo data installed; these tests
start a server on that database, on a free local port, and talk to it as a
real client would.
"""

import email
import email.policy
import itertools
import os
import socket
import subprocess
import sys
import time

import pytest
import requests
from aiosmtpd.controller import Controller

CONF = os.environ.get("VIP_CONF")
ODOO_BIN = os.environ.get("VIP_ODOO_BIN")
DB = os.environ.get("VIP_TEST_DB", "vip_test")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd handler hook
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if address in (m["To"] or "")]


@pytest.fixture(scope="session")
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture(scope="session")
def inbox(smtp):
    return smtp[1]


@pytest.fixture(scope="session")
def server(smtp):
    if not (CONF and ODOO_BIN):
        pytest.fail("run the integration tests through `make test` (VIP_CONF and VIP_ODOO_BIN are not set)")
    port = _free_port()
    log = open(os.path.join(os.path.dirname(CONF), "test-server.log"), "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            ODOO_BIN,
            "-c",
            CONF,
            "-d",
            DB,
            f"--db-filter=^{DB}$",
            f"--http-port={port}",
            "--workers=2",
            "--max-cron-threads=0",
            "--gevent-port",
            str(_free_port()),
            # mail goes to the real SMTP server of the test session
            "--smtp=127.0.0.1",
            f"--smtp-port={smtp[0].port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            if requests.get(f"{url}/web/login", timeout=5).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.fail(f"the Odoo server did not start, see {log.name}")
        time.sleep(0.5)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


class RpcError(Exception):
    def __init__(self, error):
        self.error = error
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message", error.get("message", ""))
        super().__init__(f"{self.name}: {self.message}")


class Client:
    """What a real client does: a session cookie, then /web/dataset/call_kw."""

    _ids = itertools.count(1)

    def __init__(self, url, login, password=None, lang=None):
        self.url = url
        self.session = requests.Session()
        result = self._call("/web/session/authenticate", {"db": DB, "login": login, "password": password or login})
        self.uid = result["uid"]
        self.context = dict(result["user_context"])
        if lang:
            self.context["lang"] = lang

    def _call(self, path, params):
        response = self.session.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": next(self._ids)},
            timeout=60,
        )
        response.raise_for_status()
        payload = response.json()
        if "error" in payload:
            raise RpcError(payload["error"])
        return payload["result"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        return self._call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


@pytest.fixture(scope="session")
def login(server):
    return lambda user, **kw: Client(server, user, **kw)
