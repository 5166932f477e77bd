# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access policy from outside: every channel, tried against the other manager's clients.

manager1 and manager2 each manage half of the demo clients (and stand in for a
few of the other's); supervisor reads everything; employee has no VIP role.
Each attempt on a client of manager2 that manager1 neither manages nor stands
in for is refused or returns nothing VIP-specific.
"""

import base64
from pathlib import Path

import pytest
from conftest import REFUSED, RpcError, foreign_client, refused

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def users(login):
    return {name: login(name) for name in ("manager1", "manager2", "supervisor", "vip_employee")}


@pytest.fixture(scope="module")
def foreign(users):
    """A client of manager2 that manager1 does not reach, with its satellites (read as the supervisor)."""
    sup = users["supervisor"]
    dossier = foreign_client(users, ["client_ref", "partner_id"])
    ids = {"vip.dossier": dossier["id"]}
    for model in (
        "vip.relative",
        "vip.interaction",
        "vip.employer.finding",
        "vip.operation",
        "vip.income",
        "vip.preference",
    ):
        found = sup.call(model, "search", [["dossier_id", "=", dossier["id"]]], limit=1)
        if found:
            ids[model] = found[0]
    dossier["ids"] = ids
    return dossier


def test_supervisor_reads_everything(users, foreign):
    sup = users["supervisor"]
    assert sup.call("vip.dossier", "search_count", []) >= 30
    [row] = sup.call("vip.dossier", "read", [foreign["id"]], ["name", "income_12m"])
    assert row["income_12m"] > 0
    refused(sup.call, "vip.dossier", "write", [foreign["id"]], {"job_title": "changed"})
    refused(sup.call, "vip.interaction", "unlink", [foreign["ids"]["vip.interaction"]])


def test_search_read_and_read(users, foreign):
    m1 = users["manager1"]
    names = [r["name"] for r in m1.call("vip.dossier", "search_read", [], ["name"])]
    assert names and foreign["name"] not in names
    for model, record_id in foreign["ids"].items():
        refused(m1.call, model, "read", [record_id], ["display_name"])
        assert record_id not in [r["id"] for r in m1.call(model, "search_read", [], ["id"])], model
    for model in foreign["ids"]:
        refused(users["vip_employee"].call, model, "search_read", [], ["display_name"], limit=1)


def test_web_read_and_web_search_read_with_related_paths(users, foreign):
    m1 = users["manager1"]
    refused(m1.call, "vip.dossier", "web_read", [foreign["id"]], specification={"name": {}})
    refused(
        m1.call,
        "vip.interaction",
        "web_read",
        [foreign["ids"]["vip.interaction"]],
        specification={"dossier_id": {"fields": {"income_12m": {}}}},
    )
    result = m1.call(
        "vip.interaction",
        "web_search_read",
        [],
        specification={"subject": {}, "dossier_id": {"fields": {"display_name": {}, "income_12m": {}}}},
    )
    assert foreign["id"] not in {r["dossier_id"]["id"] for r in result["records"]}


def test_read_group(users, foreign):
    m1 = users["manager1"]
    groups = m1.call("vip.income", "web_read_group", [], ["amount:sum"], ["dossier_id"])
    assert foreign["id"] not in [g["dossier_id"][0] for g in groups["groups"]]
    groups = m1.call("vip.dossier", "read_group", [], ["user_id"], ["user_id"])
    managers = {g["user_id"][0] for g in groups if g["user_id"]}
    own_clients = m1.call("vip.dossier", "search_read", [], ["user_id"])
    assert managers == {r["user_id"][0] for r in own_clients if r["user_id"]}
    refused(users["vip_employee"].call, "vip.income", "read_group", [], ["amount:sum"], ["dossier_id"])


def test_name_search(users, foreign):
    m1 = users["manager1"]
    assert m1.call("vip.dossier", "name_search", foreign["name"]) == []
    assert m1.call("vip.dossier", "name_search", foreign["client_ref"]) == []


def test_export(users, foreign):
    m1 = users["manager1"]
    refused(m1.call, "vip.dossier", "export_data", [foreign["id"]], ["name", "income_12m"])


def refused_or_empty(client, model, domain, fields):
    """A search from outside is refused, or finds nothing."""
    try:
        assert client.call(model, "search_read", domain, fields) == [], model
    except RpcError as error:
        assert error.name in REFUSED, error


def test_chatter_attachments_activities(users, foreign):
    m1, emp = users["manager1"], users["vip_employee"]
    on_message = [["model", "=", "vip.dossier"], ["res_id", "=", foreign["id"]]]
    on_document = [["res_model", "=", "vip.dossier"], ["res_id", "=", foreign["id"]]]
    for client in (m1, emp):
        refused_or_empty(client, "mail.message", on_message, ["body"])
        refused_or_empty(client, "ir.attachment", on_document, ["name"])
        refused_or_empty(client, "mail.activity", on_document, ["summary"])
        # followers are readable by every employee in core: ours must come back empty, not refused
        assert client.call("mail.followers", "search_read", on_document, ["id"]) == []
    # the chatter's own route (the web client's): the messages of someone else's client do not come
    result = m1._call("/mail/thread/messages", {"thread_model": "vip.dossier", "thread_id": foreign["id"], "limit": 30})
    assert result["messages"] == []
    assert "mail.message" not in result["data"] or result["data"]["mail.message"] == []


def test_shared_models_and_images(users, foreign, server, login):
    emp = users["vip_employee"]
    # the client's contact card is the client's: refused, and not even found
    refused(emp.call, "res.partner", "read", [foreign["partner_id"][0]], ["name", "phone"])
    assert emp.call("res.partner", "search", [["id", "=", foreign["partner_id"][0]]]) == []
    # give the client a photo (as the administrator), then try the image route
    photo = base64.b64encode((ROOT / "vip_dossier" / "static" / "description" / "icon.png").read_bytes()).decode()
    login("admin").call("vip.dossier", "write", [foreign["id"]], {"image_1920": photo})
    url = f"{server}/web/image/vip.dossier/{foreign['id']}/image_128"
    own = users["manager2"].session.get(url, timeout=30)
    other = users["manager1"].session.get(url, timeout=30)
    assert own.status_code == 200 and own.headers["Content-Type"].startswith("image/")
    assert other.content != own.content, "someone else gets the placeholder, never the client's photo"


def test_manager_cannot_reassign(users, foreign):
    m1 = users["manager1"]
    own = m1.call("vip.dossier", "search", [["user_id", "=", m1.uid]], limit=1)
    refused(m1.call, "vip.dossier", "write", own, {"user_id": users["manager2"].uid})


def test_access_log_records_every_read(users):
    m1, sup = users["manager1"], users["supervisor"]
    [dossier_id] = m1.call("vip.dossier", "search", [["user_id", "=", m1.uid]], limit=1)

    def entries(channel):
        return sup.call("vip.access.log", "search_count", [["dossier_id", "=", dossier_id], ["channel", "=", channel]])

    before = {channel: entries(channel) for channel in ("form", "list", "api")}
    m1.call("vip.dossier", "web_read", [dossier_id], specification={"name": {}, "relative_ids": {"fields": {}}})
    assert entries("form") == before["form"] + 1, "opening the form is logged, once"
    m1.call("vip.dossier", "web_search_read", [["id", "=", dossier_id]], specification={"name": {}})
    assert entries("list") == before["list"] + 1, "a list page is logged"
    m1.call("vip.dossier", "read", [dossier_id], ["phone"])
    m1.call("vip.dossier", "search_read", [["id", "=", dossier_id]], ["email"])
    assert entries("api") == before["api"] + 2, "API reads are logged"
    # a link to the client (its name, in an interaction's list) is logged as the interaction's read
    m1.call(
        "vip.interaction",
        "web_search_read",
        [["dossier_id", "=", dossier_id]],
        specification={"dossier_id": {"fields": {"display_name": {}}}},
    )
    refused(m1.call, "vip.access.log", "search_read", [], ["user_id"])


def test_branch_head_reads_their_branch_only(login, users, foreign):
    """The head of manager1's branch reads its clients as top management does, and nothing of manager2's
    (another branch): not the client, its lines, card, tasks, messages, log entries or figures."""
    head = login("branchhead")
    sup = users["supervisor"]
    mine = head.call("vip.dossier", "search_read", [], ["branch_id", "user_id"])
    assert mine, "the branch head reads the branch's clients"
    assert {row["branch_id"][1] for row in mine} == {"Tverskaya branch"}
    assert len(mine) < sup.call("vip.dossier", "search_count", [])
    for model, record_id in foreign["ids"].items():
        refused(head.call, model, "read", [record_id], ["display_name"])
        assert head.call(model, "search_count", [["id", "=", record_id]]) == 0, model
    assert head.call("vip.dossier", "name_search", foreign["name"]) == []
    groups = head.call("vip.income", "read_group", [], ["amount:sum"], ["dossier_id"])
    assert foreign["id"] not in [g["dossier_id"][0] for g in groups]
    refused(head.call, "res.partner", "read", [foreign["partner_id"][0]], ["phone"])
    on_document = [["res_model", "=", "vip.dossier"], ["res_id", "=", foreign["id"]]]
    refused_or_empty(head, "mail.activity", on_document, ["summary"])
    refused_or_empty(head, "mail.message", [["model", "=", "vip.dossier"], ["res_id", "=", foreign["id"]]], ["body"])
    assert head.call("vip.access.log", "search_count", [["dossier_id", "=", foreign["id"]]]) == 0
    # nor may anyone but an administrator move a client or make themselves a head
    m1 = users["manager1"]
    [own] = m1.call("vip.dossier", "search", [["user_id.login", "=", "manager1"]], limit=1)
    [city] = sup.call("vip.branch", "search", [["name", "=", "Moscow City branch"]])
    refused(m1.call, "vip.dossier", "write", [own], {"branch_id": city})
    refused(head.call, "vip.branch", "write", [city], {"head_user_ids": [[4, head.uid]]})
    refused(head.call, "res.users", "write", [head.uid], {"vip_headed_branch_ids": [[4, city]]})
