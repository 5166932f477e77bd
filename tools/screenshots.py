"""Take the README's screenshots from a running demo (make demo).

Usage: python tools/screenshots.py [http://localhost:8069 [DATABASE]]

Logs in over JSON-RPC, hands the session cookie to headless Chromium through
the DevTools protocol and saves PNGs in docs/img/.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time

import requests
import websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "img")


DB = "vip_demo"


def session_for(url, login, db=None):
    db = db or DB
    http = requests.Session()
    response = http.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "method": "call", "params": {"db": db, "login": login, "password": login}},
        timeout=30,
    )
    response.raise_for_status()
    return http


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="vip-shots-")
        self.proc = subprocess.Popen(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=9333",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                pages = requests.get("http://127.0.0.1:9333/json", timeout=2).json()
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        page = next(p for p in pages if p["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self._id = 0

    def send(self, method, **params):
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self._id:
                return message.get("result", {})

    def shoot(self, url, path, cookie, width, height, mobile=False, wait=4, script=None):
        self.send("Network.enable")
        self.send("Network.setCookie", name="session_id", value=cookie, url=url)
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        self.send("Emulation.setTouchEmulationEnabled", enabled=mobile)
        self.send("Page.navigate", url=url)
        time.sleep(wait)
        if script:
            self.send("Runtime.evaluate", expression=script)
            time.sleep(2)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
        print("saved", path)

    def close(self):
        self.ws.close()
        self.proc.terminate()


def main(base="http://localhost:8069", db="vip_demo"):
    global DB  # one database per run, given once on the command line
    DB = db
    os.makedirs(OUT, exist_ok=True)
    http = session_for(base, "manager1")
    cookie = http.cookies["session_id"]
    rows = http.post(
        f"{base}/web/dataset/call_kw/vip.dossier/search_read",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "vip.dossier",
                "method": "search_read",
                "args": [[["client_ref", "=", "VIP-0001"]], ["id"]],
                "kwargs": {},
            },
        },
        timeout=30,
    ).json()["result"]
    dossier = rows[0]["id"]
    browser = Browser()
    try:
        browser.shoot(
            f"{base}/odoo/action-vip_dossier.vip_dossier_action/{dossier}",
            os.path.join(OUT, "dossier_form.png"),
            cookie,
            1366,
            900,
            script="document.querySelector('.o_notebook .nav-link[name=family]').click()",
        )
        browser.shoot(
            f"{base}/odoo/action-vip_calendar.vip_key_date_action",
            os.path.join(OUT, "key_dates_calendar.png"),
            cookie,
            1366,
            900,
        )
        browser.shoot(
            f"{base}/odoo/action-vip_dossier.vip_dossier_action",
            os.path.join(OUT, "dossier_kanban_phone.png"),
            cookie,
            390,
            844,
            mobile=True,
        )
        supervisor = session_for(base, "supervisor").cookies["session_id"]
        browser.shoot(f"{base}/odoo/vip-overview", os.path.join(OUT, "overview.png"), supervisor, 1366, 900)
        browser.shoot(
            f"{base}/odoo/vip-overview", os.path.join(OUT, "overview_phone.png"), supervisor, 390, 844, mobile=True
        )
        # #13: the gift register with the law explained, top management's taxable list, My Day's quiet clients
        browser.shoot(
            f"{base}/odoo/action-vip_compliance.vip_gift_action_to_approve",
            os.path.join(OUT, "gifts_to_approve.png"),
            supervisor,
            1366,
            700,
            script="document.querySelector('.o_data_row td.o_data_cell')?.click()",
        )
        browser.shoot(
            f"{base}/odoo/action-vip_compliance.vip_gift_recipient_year_action",
            os.path.join(OUT, "gifts_taxable.png"),
            supervisor,
            1366,
            600,
        )
        browser.shoot(f"{base}/odoo", os.path.join(OUT, "my_day_phone.png"), cookie, 390, 844, mobile=True)
        admin = session_for(base, "admin").cookies["session_id"]
        browser.shoot(
            f"{base}/odoo/action-vip_import.vip_import_action/{demo_import(base, admin)}",
            os.path.join(OUT, "import_form.png"),
            admin,
            1366,
            900,
        )
    finally:
        browser.close()


def demo_import(base, cookie):
    """The id of the demo import (a file with the usual mistakes in it)."""
    http = requests.Session()
    http.cookies.set("session_id", cookie)
    result = http.post(
        f"{base}/web/dataset/call_kw/ir.model.data/search_read",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "ir.model.data",
                "method": "search_read",
                "args": [[["module", "=", "vip_import"], ["name", "=", "vip_import_demo_operations"]], ["res_id"]],
                "kwargs": {},
            },
        },
        timeout=30,
    ).json()["result"]
    return result[0]["res_id"]


if __name__ == "__main__":
    main(*sys.argv[1:3])
