# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The morning digest really arrives, over SMTP, with the right content for the right manager."""

import time


def trigger(admin, xmlid):
    module, name = xmlid.split(".")
    [row] = admin.call("ir.model.data", "search_read", [["module", "=", module], ["name", "=", name]], ["res_id"])
    admin.call("ir.cron", "method_direct_trigger", [row["res_id"]])


def digests(inbox, address):
    """The digests among the mails to ``address`` (English or Russian subject)."""
    return [m for m in inbox.to(address) if "key dates" in m["Subject"] or "ключевые даты" in m["Subject"]]


def test_morning_digest_is_delivered(login, inbox):
    admin = login("admin")
    # the digest goes out once the manager's local morning has come: make it "now" for the test
    admin.call("ir.config_parameter", "set_param", "vip_calendar.digest_hour", "0")
    trigger(admin, "vip_calendar.ir_cron_key_date_reminders")
    trigger(admin, "vip_calendar.ir_cron_vip_digests")
    trigger(admin, "mail.ir_cron_mail_scheduler_action")
    deadline = time.time() + 30
    while not digests(inbox, "manager1@vip-desk.example") and time.time() < deadline:
        time.sleep(0.5)
    all_mail = inbox.to("manager1@vip-desk.example")
    found = digests(inbox, "manager1@vip-desk.example")
    assert len(found) == 1, [m["Subject"] for m in all_mail]
    message = found[0]
    body = message.get_body(preferencelist=("html",)).get_content()

    m1, sup = login("manager1"), login("supervisor")
    upcoming = m1.call(
        "vip.key.date",
        "search_read",
        # a client in a do-not-disturb period (the demo's mourning client) is greeted by no digest
        [["dossier_id.user_id", "=", m1.uid], ["dossier_id.is_quiet", "=", False]],
        ["next_date", "dossier_id"],
        order="next_date",
        limit=3,
    )
    assert upcoming, "manager1's clients have key dates in the coming days"
    for key_date in upcoming:
        assert key_date["dossier_id"][1] in body
    # nothing of manager2's own clients (those manager1 does not stand in for)
    foreign = sup.call(
        "vip.dossier",
        "search_read",
        [["user_id.login", "=", "manager2"], ["deputy_id", "!=", m1.uid]],
        ["name"],
    )
    assert foreign and not any(d["name"] in body for d in foreign)
    assert "/odoo/vip.dossier/" in body, "links to the dossiers"
