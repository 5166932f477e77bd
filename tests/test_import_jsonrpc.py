# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Operations from the core banking system, from outside: the nightly job's
JSON-RPC call, and a big file loaded by queue_job's runner in the background."""

import base64
import time

import pytest
from conftest import RpcError


def _rows(prefix, count, client="VIP-0001"):
    return [
        {
            "external_ref": f"{prefix}-{i}",
            "client_ref": client,
            "date": "2026-01-15",
            "operation_type": "deposit",
            "amount": 100 + i,
        }
        for i in range(count)
    ]


def test_nightly_job_loads_rows_once_and_reports_the_rest(login):
    back_office = login("backoffice")
    rows = [*_rows("RPC", 3), {**_rows("RPC-X", 1)[0], "client_ref": "NOBODY"}]
    result = back_office.call("vip.import", "import_rows", "operation", rows)
    assert (result["created"], result["unchanged"]) == (3, 0)
    assert [(r["row"], r["reason"]) for r in result["rejected"]] == [(4, "unknown_client")]
    again = back_office.call("vip.import", "import_rows", "operation", rows)
    assert (again["created"], again["unchanged"], len(again["rejected"])) == (0, 3, 1)
    # loaded, but not readable by the back office; readable by the client's manager
    with pytest.raises(RpcError, match="AccessError"):
        back_office.call("vip.operation", "search_read", [["external_ref", "like", "RPC-"]], ["amount"])
    managers = login("admin").call("vip.dossier", "search_read", [["client_ref", "=", "VIP-0001"]], ["user_id"])
    manager = login("admin").call("res.users", "read", [managers[0]["user_id"][0]], ["login"])[0]["login"]
    ops = login(manager).call("vip.operation", "search_read", [["external_ref", "like", "RPC-"]], ["amount"])
    assert sorted(op["amount"] for op in ops) == [100, 101, 102]
    # a manager cannot load anything
    with pytest.raises(RpcError, match="AccessError"):
        login(manager).call("vip.import", "import_rows", "operation", rows)


def test_big_file_is_loaded_by_the_job_runner(login):
    admin = login("admin")
    admin.call("ir.config_parameter", "set_param", "vip_import.sync_rows", "10")
    lines = ["external_ref;client_ref;date;operation_type;amount"]
    lines += [f"JOB-{i};VIP-0002;2026-01-{1 + i % 28:02d};fee;{i + 1}" for i in range(300)]
    lines.append("JOB-bad;VIP-0002;2026-01-01;fee;abc")
    back_office = login("backoffice", lang="en_US")  # the notification is checked in English
    [import_id] = back_office.call(
        "vip.import",
        "create",
        [{"kind": "operation", "file_name": "big.csv", "file": base64.b64encode("\n".join(lines).encode()).decode()}],
    )
    back_office.call("vip.import", "action_import", [import_id])
    state = back_office.call("vip.import", "read", [import_id], ["state"])[0]["state"]
    assert state in ("queued", "done")
    deadline = time.time() + 120
    while state == "queued" and time.time() < deadline:
        time.sleep(1)
        state = back_office.call("vip.import", "read", [import_id], ["state"])[0]["state"]
    record = back_office.call(
        "vip.import", "read", [import_id], ["state", "row_count", "created_count", "rejected_count", "progress"]
    )[0]
    assert (record["state"], record["row_count"], record["created_count"], record["rejected_count"]) == (
        "done",
        301,
        300,
        1,
    )
    assert record["progress"] == 100
    # the user who started it is notified in the chatter
    messages = back_office.call(
        "mail.message", "search_read", [["model", "=", "vip.import"], ["res_id", "=", import_id]], ["body"]
    )
    assert any("300 loaded" in m["body"] for m in messages)
