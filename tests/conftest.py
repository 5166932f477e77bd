# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Integration tests from outside: a real Odoo server, driven over JSON-RPC.

``make test`` runs Odoo's own runner first, which leaves the database
``VIP_TEST_DB`` with the VIP addons and their demo data installed; these tests
start a server on that database, on a free local port, and talk to it as a
real client would.
"""

import email
import email.policy
import os
import sys

import pytest
from aiosmtpd.controller import Controller

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
from odoo_rpc import Client, RpcError, free_port, start_server, stop_server

__all__ = ["REFUSED", "RpcError", "foreign_client", "refused"]  # the tests take them from here

# what a clear refusal is: an access or validation error, never a bare traceback
REFUSED = ("odoo.exceptions.AccessError", "odoo.exceptions.UserError", "odoo.exceptions.ValidationError")


def foreign_client(users, fields):
    """A client of manager2 that manager1 does not reach (neither manager nor deputy), read as the supervisor."""
    [dossier] = users["supervisor"].call(
        "vip.dossier",
        "search_read",
        [["user_id.login", "=", "manager2"], ["deputy_id", "!=", users["manager1"].uid]],
        ["id", "name", *fields],
        limit=1,
    )
    return dossier


def refused(call, *args, **kwargs):
    """The call is refused with a clear error, whose message shows no traceback."""
    with pytest.raises(RpcError) as caught:
        call(*args, **kwargs)
    assert caught.value.name in REFUSED, caught.value
    assert "Traceback" not in caught.value.message


CONF = os.environ.get("VIP_CONF")
ODOO_BIN = os.environ.get("VIP_ODOO_BIN")
DB = os.environ.get("VIP_TEST_DB", "vip_test")


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
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
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
    log = open(os.path.join(os.path.dirname(CONF), "test-server.log"), "w")  # noqa: SIM115
    try:
        proc, url = start_server(
            ODOO_BIN,
            CONF,
            DB,
            log,
            "--workers=2",
            # mail goes to the real SMTP server of the test session
            "--smtp=127.0.0.1",
            f"--smtp-port={smtp[0].port}",
        )
    except RuntimeError as error:
        pytest.fail(str(error))
    yield url
    stop_server(proc)
    log.close()


@pytest.fixture(scope="session")
def login(server):
    return lambda user, **kw: Client(server, DB, user, **kw)
