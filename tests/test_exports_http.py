# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Exports from outside: the XLSX report route and a background export run by queue_job's runner."""

import io
import time

import openpyxl


def _dossier(client, ref):
    return client.call("vip.dossier", "search_read", [["client_ref", "=", ref]], ["id", "user_id"])[0]


def _manager_of(admin, ref):
    dossier = admin.call("vip.dossier", "search_read", [["client_ref", "=", ref]], ["user_id"])[0]
    return admin.call("res.users", "read", [dossier["user_id"][0]], ["login"])[0]["login"]


def test_report_route_serves_own_clients_only(login):
    admin = login("admin")
    login_name = _manager_of(admin, "VIP-0001")
    manager = login(login_name)
    mine = _dossier(admin, "VIP-0001")["id"]
    english = {"context": '{"lang": "en_US"}'}  # the demo users read Russian
    response = manager.session.get(
        f"{manager.url}/report/xlsx/vip_analytics.dossier_xlsx/{mine}", params=english, timeout=60
    )
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "Profile"
    profile = {row[0]: row[1] for row in workbook["Profile"].iter_rows(values_only=True)}
    assert profile["Client ID"] == "VIP-0001"
    # a client of another manager: no file
    dossiers = admin.call("vip.dossier", "search_read", [], ["user_id", "deputy_id"])
    others = [
        d
        for d in dossiers
        if manager.uid not in (d["user_id"] and d["user_id"][0], d["deputy_id"] and d["deputy_id"][0])
    ]
    response = manager.session.get(
        f"{manager.url}/report/xlsx/vip_analytics.dossier_xlsx/{others[0]['id']}", timeout=60
    )
    assert response.status_code != 200 or not response.content.startswith(b"PK")
    # nor for an employee without VIP rights
    employee = login("vip_employee")
    response = employee.session.get(f"{employee.url}/report/xlsx/vip_analytics.dossier_xlsx/{mine}", timeout=60)
    assert response.status_code != 200 or not response.content.startswith(b"PK")


def test_background_export_arrives_with_the_managers_operations_only(login):
    admin = login("admin")
    login_name = _manager_of(admin, "VIP-0001")
    manager = login(login_name, lang="en_US")  # the job keeps the caller's language: sheet names in English
    action = manager.call("vip.export", "action_export_operations", [])
    assert action["tag"] == "display_notification"
    [export] = manager.call("vip.export", "search_read", [], ["id"], order="id desc", limit=1)
    deadline = time.time() + 120
    while time.time() < deadline:
        [record] = manager.call("vip.export", "read", [export["id"]], ["state", "attachment_id"])
        if record["state"] != "queued":
            break
        time.sleep(1)
    assert record["state"] == "done", record
    response = manager.session.get(f"{manager.url}/web/content/{record['attachment_id'][0]}?download=true", timeout=60)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Operations"]
    rows = list(sheet.iter_rows(values_only=True))
    clients = {row[1] for row in rows[1:]}
    own = {d["name"] for d in manager.call("vip.dossier", "search_read", [], ["name"])}
    assert clients and clients <= own
    expected = manager.call("vip.operation", "search_count", [])
    assert len(rows) - 1 == expected
    # nobody else downloads it
    other = login("supervisor")
    response = other.session.get(f"{other.url}/web/content/{record['attachment_id'][0]}?download=true", timeout=60)
    assert response.status_code in (403, 404)
