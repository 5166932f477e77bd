# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The dossier over JSON-RPC, as the web client and a nightly job use it."""

import uuid

import pytest
from conftest import RpcError


def test_manager_lists_and_opens_dossiers(login):
    manager = login("manager1")
    rows = manager.call(
        "vip.dossier",
        "web_search_read",
        [],
        specification={"name": {}, "tier_id": {"fields": {"display_name": {}}}, "income_12m": {}},
    )
    assert rows["length"] > 0
    assert all(row["name"] for row in rows["records"])
    dossier_id = rows["records"][0]["id"]
    [record] = manager.call(
        "vip.dossier",
        "web_read",
        [dossier_id],
        specification={"relative_ids": {"fields": {"name": {}}}, "interaction_ids": {"fields": {"subject": {}}}},
    )
    assert record["relative_ids"], "demo clients have a family"


def test_manager_creates_a_dossier_with_family(login):
    manager = login("manager1")
    spouse = manager.call("vip.relation.type", "search", [["name", "=", "Spouse"]], context={"lang": "en_US"})
    [dossier_id] = manager.call(
        "vip.dossier",
        "create",
        [
            {
                "last_name": "Рпцев",
                "first_name": "Глеб",
                "patronymic": "Олегович",
                "relative_ids": [[0, 0, {"first_name": "Инна", "relation_type_id": spouse[0]}]],
            }
        ],
    )
    [row] = manager.call("vip.dossier", "read", [dossier_id], ["name", "formal_address", "user_id", "partner_id"])
    assert row["name"] == "Рпцев Глеб Олегович"
    assert row["formal_address"] == "Глеб Олегович"
    assert row["user_id"][0] == manager.uid
    assert row["partner_id"][1] == "Рпцев Глеб Олегович"


def test_bad_input_gets_a_clear_translated_error(login):
    manager = login("manager1", lang="ru_RU")
    with pytest.raises(RpcError) as caught:
        manager.call("vip.dossier", "create", [{"last_name": "Будущий", "birth_date": "2999-01-01"}])
    assert caught.value.name == "odoo.exceptions.ValidationError"
    assert "Traceback" not in caught.value.message
    assert "будущем" in caught.value.message, caught.value.message
    assert not manager.call("vip.dossier", "search", [["name", "=", "Будущий"]])


def test_duplicate_operation_reference_is_refused_cleanly(login):
    manager = login("manager1", lang="ru_RU")
    [dossier_id] = manager.call("vip.dossier", "search", [["user_id", "=", manager.uid]], limit=1)
    ref = f"IT-{uuid.uuid4()}"
    vals = {
        "dossier_id": dossier_id,
        "date": "2026-01-15",
        "operation_type": "deposit",
        "amount": 10,
        "external_ref": ref,  # by hand, the source is "manual": the core system's references are the import's
    }
    manager.call("vip.operation", "create", [vals])
    with pytest.raises(RpcError) as caught:
        manager.call("vip.operation", "create", [vals])
    assert caught.value.name == "odoo.exceptions.ValidationError"
    assert "Traceback" not in caught.value.message
    assert manager.call("vip.operation", "search_count", [["external_ref", "=", ref]]) == 1
    # nor may a manager book a line under another system's source
    with pytest.raises(RpcError) as caught:
        manager.call("vip.operation", "create", [dict(vals, source="core_banking", external_ref=f"{ref}-cb")])
    assert caught.value.name == "odoo.exceptions.AccessError"


def test_ordinary_employee_gets_nothing(login):
    employee = login("vip_employee")
    for model in ("vip.dossier", "vip.relative", "vip.operation", "vip.income", "vip.interaction"):
        with pytest.raises(RpcError) as caught:
            employee.call(model, "search_read", [], ["display_name"], limit=1)
        assert caught.value.name == "odoo.exceptions.AccessError", model
    # relatives are not contacts: nothing of the family shows up in Contacts
    assert employee.call("res.partner", "search_count", [["name", "ilike", "Инна"]]) == 0
