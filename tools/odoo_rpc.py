# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Talking to a real Odoo server from outside, as the web client does.

Shared by the integration tests (tests/conftest.py) and the benchmarks that need
a server (bench/bench_concurrency.py): start a server on a free local port, log
in with a session cookie, call `/web/dataset/call_kw`.
"""

import itertools
import socket
import subprocess
import sys
import time

import requests


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(odoo_bin, conf, db, log, *args):
    """An Odoo server (``odoo_bin -c conf``) on ``db`` alone, on a free port, writing to the file ``log``.

    Returns ``(process, url)`` once the server answers, or raises RuntimeError.
    """
    port = free_port()
    proc = subprocess.Popen(
        [
            *(sys.executable, odoo_bin, "-c", conf, "-d", db, f"--db-filter=^{db}$"),
            *(f"--http-port={port}", "--gevent-port", str(free_port()), "--max-cron-threads=0"),
            *args,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            if requests.get(f"{url}/web/login", timeout=5).status_code == 200:
                return proc, url
        except requests.ConnectionError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise RuntimeError(f"the Odoo server did not start, see {log.name}")
        time.sleep(0.5)


def stop_server(proc):
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


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

    def __init__(self, url, db, login, password=None, lang=None, timeout=60, **context):
        self.url = url
        self.timeout = timeout
        self.session = requests.Session()
        result = self._call("/web/session/authenticate", {"db": db, "login": login, "password": password or login})
        self.uid = result["uid"]
        self.context = {**result["user_context"], **context}
        if lang:
            self.context["lang"] = lang

    def _call(self, path, params):
        response = self.session.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": next(self._ids)},
            timeout=self.timeout,
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
