# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Wrong types and hostile values over real JSON-RPC: what the fuzz suites (``*/tests/test_*_fuzz.py``)
send in Odoo's runner, here through the wire, JSON's own ``NaN``, ``Infinity`` and ``"\\ud800"`` included.
Each is a clear refusal or a report, never a traceback."""

import json

import pytest
from conftest import RpcError, refused


def call(client, model, method, *args, **kwargs):
    """``client.call``, but with JSON's own NaN and Infinity on the wire (requests refuses to write them)."""
    kwargs.setdefault("context", client.context)
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        "id": 1,
    }
    response = client.session.post(
        f"{client.url}/web/dataset/call_kw/{model}/{method}",
        data=json.dumps(payload),  # allow_nan: NaN, Infinity, -Infinity as JavaScript writes them
        headers={"Content-Type": "application/json"},
        timeout=client.timeout,
    )
    response.raise_for_status()
    answer = response.json()
    if "error" in answer:
        raise RpcError(answer["error"])
    return answer["result"]


HOSTILE_DOSSIER_VALUES = [
    {"last_name": True},
    {"last_name": ["Иванов"]},
    {"last_name": {"ru": "Иванов"}},
    {"last_name": "\ud800"},
    {"last_name": "Я" * 1_000_000},
    {"last_name": "Иван\x00ов"},
    {"birth_date": "2026-02-30"},
    {"birth_date": 0},
    {"birth_date": "2026-01-01T25:00:00"},
    {"tier_id": True},
    {"tier_id": 2**31},
    {"phone": "7" * 100_000},
    {"contact_hour_from": float("nan")},
]


@pytest.mark.parametrize("vals", HOSTILE_DOSSIER_VALUES, ids=lambda vals: repr(vals)[:40])
def test_hostile_dossier_values_are_refused(login, vals):
    manager = login("manager1")
    refused(call, manager, "vip.dossier", "create", [{"last_name": "Фаззов", "first_name": "Тест", **vals}])
    assert not manager.call("vip.dossier", "search", [["first_name", "=", "Тест"], ["last_name", "=", "Фаззов"]])


@pytest.mark.parametrize("amount", [float("nan"), float("inf"), float("-inf"), {"": 0}, "1e400", 5_277_655_813_325])
def test_hostile_amounts_are_refused(login, amount):
    manager = login("manager1")
    [dossier_id] = manager.call("vip.dossier", "search", [["user_id", "=", manager.uid]], limit=1)
    vals = {"dossier_id": dossier_id, "date": "2026-01-01", "product_line": "fees", "amount": amount}
    refused(call, manager, "vip.income", "create", [vals])


def test_hostile_rows_are_rejected_one_by_one(login):
    back_office = login("backoffice")
    good = {"client_ref": "VIP-0001", "date": "2026-01-15", "operation_type": "deposit", "amount": 5}
    rows = [
        {**good, "external_ref": ["FZ-1"]},
        {**good, "external_ref": "FZ-2\ud800"},
        {**good, "external_ref": "FZ-3", "amount": float("inf")},
        {**good, "external_ref": "FZ-4", "date": "2026-02-30"},
        {**good, "external_ref": "FZ-5", "description": False},
    ]
    result = call(back_office, "vip.import", "import_rows", "operation", rows, source="fuzz_jsonrpc")
    assert [r["row"] for r in result["rejected"]] == [1, 2, 3, 4]
    assert all(r["message"] for r in result["rejected"])
    assert result["created"] + result["unchanged"] == 1
    refused(call, back_office, "vip.import", "import_rows", ["operation"], rows)
    refused(call, back_office, "vip.import", "import_rows", "operation", "not a list")
