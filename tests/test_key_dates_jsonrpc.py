# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The key-date run from outside: two workers at once create nothing twice."""

import threading
from collections import Counter


def test_two_workers_at_once_create_nothing_twice(login):
    """Two copies of the scheduled action, triggered at the same moment in two workers."""
    admin = login("admin")
    [cron_id] = admin.call(
        "ir.model.data",
        "search_read",
        [["module", "=", "vip_calendar"], ["name", "=", "ir_cron_key_date_reminders"]],
        ["res_id"],
    )
    cron_ids = [cron_id["res_id"], admin.call("ir.cron", "copy", [cron_id["res_id"]])[0]]
    errors, barrier = [], threading.Barrier(2)

    def run(cron):
        client = login("admin")  # its own session, so its own request and worker
        barrier.wait()
        try:
            client.call("ir.cron", "method_direct_trigger", [cron])
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(cron,)) for cron in cron_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors

    reminders = admin.call(
        "vip.key.date.reminder",
        "search_read",
        [],
        ["key_date_id", "occurrence_date", "state", "activity_id", "event_id"],
    )
    assert reminders, "the demo has birthdays within the coming week: something is due"
    pairs = Counter((r["key_date_id"][0], r["occurrence_date"]) for r in reminders)
    assert max(pairs.values()) == 1, "one reminder per occurrence"
    opened = [r for r in reminders if r["state"] == "open"]
    assert opened and all(r["activity_id"] and r["event_id"] for r in opened)
    activity_ids = [r["activity_id"][0] for r in opened]
    assert len(set(activity_ids)) == len(activity_ids), "one task per reminder"
    events = admin.call("calendar.event", "read", [r["event_id"][0] for r in opened], ["privacy"])
    assert {e["privacy"] for e in events} == {"private"}

    # a third run finds nothing left to do
    before = len(reminders)
    admin.call("ir.cron", "method_direct_trigger", [cron_ids[0]])
    assert admin.call("vip.key.date.reminder", "search_count", []) == before


def test_other_manager_sees_no_key_dates_or_events(login):
    m1, m2 = login("manager1"), login("manager2")
    theirs = m2.call(
        "vip.key.date",
        "search",
        [["dossier_id.user_id", "=", m2.uid], ["dossier_id.deputy_id", "!=", m1.uid]],
    )
    assert theirs, "manager2 has clients of their own with key dates"
    assert m1.call("vip.key.date", "search", [["id", "in", theirs]]) == []
    reachable = {r["id"] for r in m1.call("vip.dossier", "search_read", [], ["id"])}
    assert {r["dossier_id"][0] for r in m1.call("vip.key.date", "search_read", [], ["dossier_id"])} <= reachable
    # the events of manager2's reminders are theirs: manager1 does not even find them
    on_theirs = [["res_model", "=", "vip.dossier"], ["user_id", "=", m2.uid], ["res_id", "not in", list(reachable)]]
    assert m2.call("calendar.event", "search_count", on_theirs), "the previous test's run created events for manager2"
    assert m1.call("calendar.event", "search_read", on_theirs, ["name"]) == []
