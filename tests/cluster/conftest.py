# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cluster of `make cluster`: two Odoo nodes with workers, a primary and a streaming replica.

`make cluster-test` brings it up and runs these tests against it; `make test` runs them only when
the cluster is up (VIP_NODE_URLS set). The primary is read directly (VIP_DB_DSN) for what the
nodes must have written there.
"""

import os
import sys

import psycopg2
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "tools"))
from odoo_rpc import Client

NODES = os.environ.get("VIP_NODE_URLS", "").split()
LOGS = os.environ.get("VIP_CLUSTER_LOGS", "").split()
DB = os.environ.get("VIP_CLUSTER_DB", "vip_cluster")
DSN = os.environ.get("VIP_DB_DSN")


@pytest.fixture(scope="session")
def nodes():
    if len(NODES) != 2 or not DSN:
        pytest.fail("run these tests through `make cluster-test` (VIP_NODE_URLS and VIP_DB_DSN are not set)")
    return NODES


@pytest.fixture(scope="session")
def login(nodes):
    return lambda node, user, **kw: Client(nodes[node], DB, user, **kw)


@pytest.fixture
def primary():
    connection = psycopg2.connect(DSN)
    connection.autocommit = True
    yield connection.cursor()
    connection.close()


class NodeLogs:
    """What the nodes logged since the fixture was made."""

    def __init__(self):
        self.offsets = {path: os.path.getsize(path) for path in LOGS}

    def text(self):
        out = []
        for path, offset in self.offsets.items():
            with open(path, encoding="utf-8", errors="replace") as handle:
                handle.seek(offset)
                out.append(handle.read())
        return "\n".join(out)

    def errors(self):
        return [line for line in self.text().splitlines() if " ERROR " in line or " CRITICAL " in line]


@pytest.fixture
def logs():
    return NodeLogs()
