# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The insider over JSON-RPC: side doors through core models, our own pointers,
templates and contact cards, tried against a running server with demo data.

The registry is walked from outside too: every field of type
many2one_reference the server has is searched for the other manager's client.
"""

import re

import pytest
from conftest import REFUSED, RpcError, foreign_client, refused


@pytest.fixture(scope="module")
def users(login):
    return {name: login(name) for name in ("admin", "manager1", "manager2", "supervisor", "vip_employee")}


@pytest.fixture(scope="module")
def foreign(users):
    """A client of manager2 that manager1 does not reach (read as the supervisor), and one of manager1."""
    m1, sup = users["manager1"], users["supervisor"]
    dossier = foreign_client(users, ["partner_id"])
    [relative] = sup.call("vip.relative", "search", [["dossier_id", "=", dossier["id"]]], limit=1)
    dossier["relative_id"] = relative
    [own] = m1.call("vip.dossier", "search", [["user_id", "=", m1.uid]], limit=1)
    dossier["own_id"] = own
    return dossier


def test_every_reference_field_hides_other_clients(users, foreign):
    """For every Many2oneReference of the registry: no row pointing at the client is found by outsiders."""
    admin = users["admin"]
    fields = admin.call(
        "ir.model.fields",
        "search_read",
        [["ttype", "=", "many2one_reference"], ["store", "=", True]],
        ["model", "name"],
    )
    # attachments, messages, followers, activities, events, scheduled messages, xml ids...
    assert len(fields) >= 7, fields
    tried = 0
    for field in fields:
        model_field = admin.call(field["model"], "fields_get", [field["name"]], ["model_field"])
        model_name_field = model_field[field["name"]].get("model_field")
        if not model_name_field:
            continue
        domain = [[model_name_field, "=", "vip.dossier"], [field["name"], "=", foreign["id"]]]
        for user in ("manager1", "vip_employee"):
            try:
                count = users[user].call(field["model"], "search_count", domain)
            except RpcError as error:
                assert error.name in REFUSED, error
                continue
            tried += 1
            assert count == 0, (field["model"], field["name"], user)
    assert tried >= 10


def test_activity_moved_onto_a_client(users, foreign):
    """The reproduced attack: an activity on one's own event, retargeted to a dossier, to read res_name."""
    emp = users["vip_employee"]
    event = emp.call(
        "calendar.event", "create", {"name": "Mine", "start": "2026-12-01 10:00:00", "stop": "2026-12-01 11:00:00"}
    )
    [model_id] = users["admin"].call("ir.model", "search", [["model", "=", "calendar.event"]])
    [dossier_model_id] = users["admin"].call("ir.model", "search", [["model", "=", "vip.dossier"]])
    todo = users["admin"].call("ir.model.data", "check_object_reference", "mail", "mail_activity_data_todo")[1]
    activity = emp.call(
        "mail.activity",
        "create",
        {"res_model_id": model_id, "res_id": event, "user_id": emp.uid, "activity_type_id": todo},
    )
    refused(emp.call, "mail.activity", "write", [activity], {"res_model_id": dossier_model_id, "res_id": foreign["id"]})
    [row] = emp.call("mail.activity", "read", [activity], ["res_name", "res_model"])
    assert row["res_model"] == "calendar.event" and foreign["name"] not in (row["res_name"] or "")


def test_private_events_are_no_name_oracle(users, foreign):
    """Key-date events are private and carry client names: no search finds another client's."""
    on_client = [["res_model", "=", "vip.dossier"], ["res_id", "=", foreign["id"]]]
    assert users["vip_employee"].call("calendar.event", "search_count", [["res_model", "=", "vip.dossier"]]) == 0
    for user in ("manager1", "vip_employee"):
        client = users[user]
        assert client.call("calendar.event", "search_count", on_client) == 0
        assert client.call("calendar.event", "search_count", [["name", "ilike", foreign["name"]]]) == 0
        groups = client.call("calendar.event", "read_group", on_client, ["user_id"], ["user_id"])
        assert groups == []


def test_composers_and_previews(users, foreign):
    for user in ("manager1", "vip_employee"):
        client = users[user]
        refused(
            client.call,
            "sms.composer",
            "create",
            {"body": "hi"},
            context={"default_res_model": "vip.dossier", "default_res_id": foreign["id"]},
        )
        refused(
            client.call,
            "mail.compose.message",
            "create",
            {"model": "vip.dossier", "res_ids": str([foreign["id"]]), "body": "x"},
        )
    # the morning digest of manager2, previewed by someone else: the refusal, not the clients
    admin = users["admin"]
    digest = admin.call("ir.model.data", "check_object_reference", "vip_calendar", "mail_template_vip_digest")[1]
    preview = users["manager1"].call(
        "mail.template.preview",
        "create",
        {"mail_template_id": digest, "resource_ref": f"res.users,{users['manager2'].uid}"},
    )
    [row] = users["manager1"].call("mail.template.preview", "read", [preview], ["body_html", "error_msg"])
    assert foreign["name"] not in (row["body_html"] or "")
    assert row["error_msg"]
    refused(users["manager1"].call, "mail.template", "send_mail", [digest], users["manager2"].uid)


def test_contact_card_of_a_client(users, foreign):
    partner_id = foreign["partner_id"][0]
    for user in ("manager1", "vip_employee"):
        refused(users[user].call, "res.partner", "read", [partner_id], ["name", "phone", "mobile", "email"])
        refused(users[user].call, "res.partner", "write", [partner_id], {"phone": "+7 000 000 00 00"})
        assert (
            users[user].call("res.partner", "search_count", [["vip_client", "=", True], ["id", "=", partner_id]]) == 0
        )
    [row] = users["manager2"].call("res.partner", "read", [partner_id], ["name"])
    assert row["name"]


def test_own_pointers_stay_with_their_client(users, foreign):
    m1 = users["manager1"]
    [relative] = m1.call("vip.relative", "search", [["dossier_id", "=", foreign["own_id"]]], limit=1) or [None]
    if relative:
        refused(m1.call, "vip.relative", "write", [relative], {"dossier_id": foreign["id"]})
    [trusted] = m1.call("vip.trusted.person", "search", [["dossier_id", "=", foreign["own_id"]]], limit=1) or [None]
    if trusted:
        refused(m1.call, "vip.trusted.person", "write", [trusted], {"relative_id": foreign["relative_id"]})
    assert relative or trusted, "the demo gives manager1's clients relatives and trusted persons"
    refused(
        m1.call,
        "vip.interaction",
        "create",
        {"dossier_id": foreign["id"], "subject": "Planted"},
    )
    refused(
        m1.call,
        "vip.employer.finding",
        "create",
        {"dossier_id": foreign["id"], "note": "Planted", "worth_call": True, "follow_up": "task"},
    )


def test_context_defaults_do_not_assign(users):
    m1 = users["manager1"]
    refused(m1.call, "vip.dossier", "create", {"name": "Planted"}, context={"default_user_id": users["manager2"].uid})


def test_emergency_reason_of_dots(users, login):
    admin = users["admin"]
    group = admin.call("ir.model.data", "check_object_reference", "vip_security", "group_vip_emergency")[1]
    [user] = admin.call("res.users", "search", [["login", "=", "vip_night_operator"]]) or [
        admin.call(
            "res.users",
            "create",
            {"name": "Night Operator", "login": "vip_night_operator", "password": "vip_night_operator"},
        )
    ]
    admin.call("res.users", "write", [user], {"groups_id": [(4, group)]})
    operator = login("vip_night_operator", password="vip_night_operator")
    wizard = operator.call("vip.emergency.wizard", "create", {"client_ref": "X", "reason": "..............."})
    refused(operator.call, "vip.emergency.wizard", "action_open", [wizard])


def _upload(client, server, thread_model, thread_id):
    page = client.session.get(f"{server}/odoo", timeout=30)
    token = re.search(r'csrf_token: "([^"]+)"', page.text).group(1)
    return client.session.post(
        f"{server}/mail/attachment/upload",
        data={"csrf_token": token, "thread_id": thread_id, "thread_model": thread_model},
        files={"ufile": ("note.txt", b"a note", "text/plain")},
        timeout=30,
    )


def test_only_who_writes_a_client_attaches_files(users, foreign, server):
    """Supervisors post notes on any client, but a file is part of the dossier: theirs is refused."""
    assert _upload(users["supervisor"], server, "vip.dossier", foreign["id"]).status_code == 404
    assert _upload(users["manager1"], server, "vip.dossier", foreign["id"]).status_code == 404
    assert _upload(users["manager2"], server, "vip.dossier", foreign["id"]).status_code == 200


def test_chat_route_posts_with_the_posters_rights(users, foreign):
    """/mail/message/post posts as the system: who may add files and notify whom is checked first."""
    sup = users["supervisor"]
    attachment = sup.call(
        "ir.attachment",
        "create",
        {"name": "note.txt", "raw": "bm90ZQ==", "res_model": "mail.compose.message", "res_id": 0},
    )
    outsider = users["admin"].call("res.users", "read", [users["vip_employee"].uid], ["partner_id"])[0]["partner_id"][0]
    route = "/mail/message/post"
    with pytest.raises(RpcError) as caught:
        sup._call(
            route,
            {
                "thread_model": "vip.dossier",
                "thread_id": foreign["id"],
                "post_data": {"body": "file", "attachment_ids": [attachment], "message_type": "comment"},
            },
        )
    assert caught.value.name in REFUSED, caught.value
    with pytest.raises(RpcError) as caught:
        sup._call(
            route,
            {
                "thread_model": "vip.dossier",
                "thread_id": foreign["id"],
                "post_data": {"body": "look", "partner_ids": [outsider], "message_type": "comment"},
            },
        )
    assert caught.value.name in REFUSED, caught.value
    # a note of top management, to nobody outside, goes through
    sup._call(
        route,
        {"thread_model": "vip.dossier", "thread_id": foreign["id"], "post_data": {"body": "Call back today"}},
    )


def test_ids_as_fractions_and_posts_on_ones_own_event(users, foreign):
    """Found by the second attack: an id of 2.5 (the ORM stores 2) and the chat route on one's own event."""
    emp = users["vip_employee"]
    fraction = foreign["id"] + 0.5
    refused(
        emp.call,
        "sms.composer",
        "onchange",
        [],
        {},
        [],
        {"recipient_single_number": {}, "recipient_single_description": {}},
        context={"active_model": "vip.dossier", "active_id": fraction, "active_ids": [fraction]},
    )
    refused(
        emp.call,
        "mail.activity",
        "onchange",
        [],
        {"res_model": "vip.dossier", "res_id": fraction},
        ["res_id"],
        {"res_name": {}},
    )
    event = emp.call(
        "calendar.event", "create", {"name": "Mine", "start": "2026-12-01 10:00:00", "stop": "2026-12-01 11:00:00"}
    )
    with pytest.raises(RpcError) as caught:
        emp._call(
            "/mail/message/post",
            {
                "thread_model": "calendar.event",
                "thread_id": event,
                "post_data": {"body": "hello", "message_type": "comment", "partner_ids": [foreign["partner_id"][0]]},
            },
        )
    assert caught.value.name in REFUSED, caught.value


def test_editing_a_message_is_posting_it(users, foreign):
    """The third attack: /mail/message/update_content writes as the system, so it gets the checks of a post."""
    emp, sup = users["vip_employee"], users["supervisor"]
    event = emp.call(
        "calendar.event", "create", {"name": "Mine", "start": "2026-12-01 10:00:00", "stop": "2026-12-01 11:00:00"}
    )
    emp.call("calendar.event", "message_post", [event], body="x", message_type="comment")
    [mine] = emp.call("mail.message", "search", [["model", "=", "calendar.event"], ["res_id", "=", event]], limit=1)
    edit = {"message_id": mine, "body": "x", "attachment_ids": [], "partner_ids": [foreign["partner_id"][0]]}
    with pytest.raises(RpcError) as caught:
        emp._call("/mail/message/update_content", edit)
    assert caught.value.name in REFUSED, caught.value
    # top management's note on a client, edited to carry a file: refused as a new post with a file is
    sup.call("vip.dossier", "message_post", [foreign["id"]], body="Call back", message_type="comment")
    [note] = sup.call(
        "mail.message",
        "search",
        [["model", "=", "vip.dossier"], ["res_id", "=", foreign["id"]], ["create_uid", "=", sup.uid]],
        limit=1,
        order="id desc",
    )
    attachment = sup.call(
        "ir.attachment", "create", {"name": "x.txt", "raw": "eA==", "res_model": "mail.compose.message", "res_id": 0}
    )
    with pytest.raises(RpcError) as caught:
        sup._call(
            "/mail/message/update_content",
            {"message_id": note, "body": "Call back", "attachment_ids": [attachment], "partner_ids": []},
        )
    assert caught.value.name in REFUSED, caught.value


def test_a_refusal_names_nothing_in_debug_mode(login, users, foreign):
    """Any user may switch debug mode on for their session; Odoo's access error then lists the refused
    records by name, read as the system: the client's, a relative's, a task's summary."""
    [relative] = users["supervisor"].call("vip.relative", "read", [foreign["relative_id"]], ["name"])
    for name in ("manager1", "vip_employee"):
        client = login(name)
        client.session.get(f"{client.url}/web?debug=1", timeout=client.timeout).raise_for_status()
        for model, record_id in (("vip.dossier", foreign["id"]), ("vip.relative", foreign["relative_id"])):
            with pytest.raises(RpcError) as refusal:
                client.call(model, "read", [record_id], ["id"])
            assert refusal.value.name in REFUSED
            text = str(refusal.value.error)
            assert foreign["name"] not in text and relative["name"] not in text, (name, model)


def test_incoming_mail_is_processed_by_the_gateway_only(users, foreign):
    """``mail.thread.message_process`` over JSON-RPC: core creates the routed record as the system with
    the caller's values, which linked another client's relative into a dossier of one's own, and moved a
    client's dossier onto a decoy contact."""
    mail = (
        "From: Someone <someone@example.com>\nTo: desk@example.com\nSubject: {0}\n"
        "Message-Id: <{0}@example.com>\nContent-Type: text/plain; charset=utf-8\n\nHello\n"
    )
    m1, emp = users["manager1"], users["vip_employee"]
    refused(
        m1.call,
        "mail.thread",
        "message_process",
        "vip.dossier",
        mail.format("insider-move"),
        {"user_id": m1.uid, "relative_ids": [[4, foreign["relative_id"]]]},
        False,
        False,
        None,
    )
    refused(
        emp.call,
        "mail.thread",
        "message_process",
        "res.partner",
        mail.format("insider-decoy"),
        {"name": "Decoy", "vip_dossier_ids": [[4, foreign["id"]]]},
        False,
        False,
        None,
    )
    sup = users["supervisor"]
    [relative] = sup.call("vip.relative", "read", [foreign["relative_id"]], ["dossier_id"])
    assert relative["dossier_id"][0] == foreign["id"]
    [dossier] = sup.call("vip.dossier", "read", [foreign["id"]], ["partner_id"])
    assert dossier["partner_id"][0] == foreign["partner_id"][0]


def test_template_mails_stay_on_their_record(users, foreign):
    """``mail.template.send_mail`` over JSON-RPC with ``email_values`` that file the mail on another
    client or move one of its messages: refused; addressing one's own mail still works."""
    emp = users["vip_employee"]
    [template] = users["admin"].call("mail.template", "search", [["model", "=", "res.users"]], limit=1)
    for values in (
        {"model": "vip.dossier", "res_id": foreign["id"], "body_html": "<p>Wire it all</p>"},
        {
            "mail_message_id": 1,
            "model": "res.partner",
            "res_id": emp.call("res.users", "read", [emp.uid], ["partner_id"])[0]["partner_id"][0],
        },
    ):
        refused(
            emp.call,
            "mail.template",
            "send_mail",
            [template],
            emp.uid,
            email_values=dict(values, email_to="x@example.com"),
        )
    sup = users["supervisor"]
    messages = sup.call(
        "mail.message",
        "search_count",
        [["model", "=", "vip.dossier"], ["res_id", "=", foreign["id"]], ["author_id.user_ids", "in", [emp.uid]]],
    )
    assert messages == 0
