# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two Odoo nodes on one primary and its streaming replica: correct when they race, and every read
still obeys the row rules and leaves its audit entry on the primary."""

import base64
import os
import subprocess
import threading
import time

import requests


def at_once(*calls):
    """Run the calls in threads released at the same moment; return their results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    return results


def test_the_replica_streams_from_the_primary(primary):
    primary.execute("SELECT count(*) FROM pg_stat_replication")
    assert primary.fetchone()[0] >= 1


def test_a_session_works_on_both_nodes(nodes, login):
    """Sessions live in the shared filestore: a manager logged in on one node goes on on the other."""
    manager = login(0, "manager1")
    own = manager.call("vip.dossier", "search", [["user_id", "=", manager.uid]])
    assert own
    other = requests.Session()
    other.cookies.update(manager.session.cookies)
    response = other.post(
        f"{nodes[1]}/web/dataset/call_kw/vip.dossier/search",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": "vip.dossier", "method": "search", "args": [[]], "kwargs": {}},
        },
        timeout=60,
    )
    assert response.json()["result"] == manager.call("vip.dossier", "search", [])


def test_replica_reads_obey_the_rules_and_log_on_the_primary(login, primary, logs):
    """A read-only request starts on the replica: the row rules hold there, and a read of a client's
    card, which must leave an audit entry, is served again on the primary and logged once."""
    for node in (0, 1):
        employee = login(node, "vip_employee")
        assert employee.call("res.partner", "search_read", [["vip_client", "=", True]], ["name"]) == []
        manager = login(node, "manager1")
        other = login(node, "manager2")
        [client] = manager.call(
            "vip.dossier",
            "search_read",
            [["user_id", "=", manager.uid], ["deputy_id", "!=", other.uid]],
            ["partner_id"],
            limit=1,
        )
        primary.execute("SELECT count(*) FROM vip_access_log WHERE user_id = %s", [manager.uid])
        before = primary.fetchone()[0]
        rows = manager.call("res.partner", "search_read", [["id", "=", client["partner_id"][0]]], ["phone"])
        assert len(rows) == 1
        primary.execute("SELECT count(*) FROM vip_access_log WHERE user_id = %s", [manager.uid])
        assert primary.fetchone()[0] == before + 1
        assert other.call("res.partner", "search_read", [["id", "=", client["partner_id"][0]]], ["phone"]) == []
    assert "retrying with a read/write cursor" in logs.text(), "the reads started on the replica"
    assert not logs.errors()


def reset_reminders(primary):
    """Forget every reminder, its task and its event: the run has all of them to make again."""
    primary.execute(
        """
        DELETE FROM mail_activity WHERE id IN (SELECT activity_id FROM vip_key_date_reminder);
        DELETE FROM calendar_event WHERE id IN (SELECT event_id FROM vip_key_date_reminder);
        DELETE FROM vip_key_date_reminder;
        UPDATE vip_key_date SET reminded_date = NULL;
        """
    )


def test_the_key_date_run_on_both_nodes_at_once(login, primary, logs):
    """Started on both nodes at the same moment, several times: no duplicate task or event, nothing
    missed, no error — the second run steps aside."""
    admin = [login(0, "admin"), login(1, "admin")]
    cron = admin[0].call("ir.model.data", "check_object_reference", "vip_calendar", "ir_cron_key_date_reminders")[1]
    # a second scheduled action running the same code: Odoo locks each one's row while it runs, two of
    # them race for real (as a manual run and the scheduled one, on two nodes, did)
    [twin] = admin[0].call("ir.cron", "copy", [cron], {"name": "VIP: key-date reminders (twin)"})
    try:
        for _round in range(3):
            reset_reminders(primary)
            results = at_once(
                lambda: admin[0].call("ir.cron", "method_direct_trigger", [cron]),
                lambda: admin[1].call("ir.cron", "method_direct_trigger", [twin]),
            )
            assert results == [True, True], results
            check_reminders(admin, cron, primary)
    finally:
        admin[0].call("ir.cron", "unlink", [twin])
    assert not logs.errors(), logs.errors()


def check_reminders(admin, cron, primary):
    """After a race: each date reminded once, with a task of its own, nothing due missed."""
    # once more, as the next hourly run would, for anything a stepped-aside run left
    admin[0].call("ir.cron", "method_direct_trigger", [cron])
    primary.execute("SELECT key_date_id, occurrence_date FROM vip_key_date_reminder GROUP BY 1, 2 HAVING count(*) > 1")
    assert primary.fetchall() == [], "a date reminded twice"
    primary.execute(
        "SELECT activity_id FROM vip_key_date_reminder WHERE activity_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1"
    )
    assert primary.fetchall() == [], "a task shared by two reminders"
    primary.execute("SELECT count(*) FROM vip_key_date_reminder")
    assert primary.fetchone()[0] > 0, "the demo has dates due: the run made their reminders"
    primary.execute(
        """
        SELECT count(*) FROM vip_key_date kd
         WHERE kd.active AND kd.reminder_date <= CURRENT_DATE - 1
           AND kd.reminded_date IS DISTINCT FROM kd.next_date
        """
    )
    assert primary.fetchone()[0] == 0, "a date due since yesterday was missed"


def test_exports_queued_on_both_nodes_run_once(login, primary, logs):
    """queue_job's runner runs on both nodes: each job is taken by one of them, once."""
    managers = [login(0, "manager1", lang="en_US"), login(1, "manager1", lang="en_US")]
    primary.execute("SELECT coalesce(max(id), 0) FROM vip_export")
    last = primary.fetchone()[0]
    at_once(*(lambda m=m: m.call("vip.export", "action_export_operations", []) for m in managers))
    deadline = time.time() + 180
    while time.time() < deadline:
        primary.execute("SELECT state FROM vip_export WHERE id > %s", [last])
        states = [row[0] for row in primary.fetchall()]
        if len(states) == 2 and "queued" not in states:
            break
        time.sleep(1)
    assert states == ["done", "done"], states
    primary.execute(
        """
        SELECT j.state, j.retry FROM queue_job j JOIN vip_export e ON e.job_uuid = j.uuid WHERE e.id > %s
        """,
        [last],
    )
    assert sorted(primary.fetchall()) == [("done", 1), ("done", 1)], "each job ran once, at its first try"
    primary.execute("SELECT count(DISTINCT attachment_id) FROM vip_export WHERE id > %s", [last])
    assert primary.fetchone()[0] == 2
    assert not logs.errors(), logs.errors()


def start_import(back_office, prefix, count=300):
    """A file of ``count`` operations, big enough for the job runner (the sync limit is lowered to 10)."""
    lines = ["external_ref;client_ref;date;operation_type;amount"]
    lines += [f"{prefix}-{i};VIP-0002;2026-01-{1 + i % 28:02d};fee;{i + 1}" for i in range(count)]
    [import_id] = back_office.call(
        "vip.import",
        "create",
        [
            {
                "kind": "operation",
                "file_name": f"{prefix}.csv",
                "file": base64.b64encode("\n".join(lines).encode()).decode(),
            }
        ],
    )
    back_office.call("vip.import", "action_import", [import_id])
    return import_id


def wait_import(primary, import_id, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        primary.execute("SELECT state FROM vip_import WHERE id = %s", [import_id])
        state = primary.fetchone()[0]
        if state not in ("queued", "draft"):
            return state
        time.sleep(1)
    return state


def test_imports_queued_on_both_nodes_run_once(login, primary, logs):
    """Two big files started on the two nodes: each loaded once, by one job, at its first try."""
    login(0, "admin").call("ir.config_parameter", "set_param", "vip_import.sync_rows", "10")
    prefix = f"BOTH{int(time.time())}"
    offices = [login(0, "backoffice"), login(1, "backoffice")]
    imports = at_once(*(lambda b=b, n=n: start_import(b, f"{prefix}{n}") for n, b in enumerate(offices)))
    assert [wait_import(primary, i) for i in imports] == ["done", "done"]
    primary.execute(
        "SELECT j.state, j.retry FROM queue_job j JOIN vip_import i ON i.job_uuid = j.uuid WHERE i.id = ANY(%s)",
        [imports],
    )
    assert sorted(primary.fetchall()) == [("done", 1), ("done", 1)]
    primary.execute("SELECT count(*) FROM vip_operation WHERE external_ref LIKE %s", [f"{prefix}%"])
    assert primary.fetchone()[0] == 600
    assert not logs.errors(), logs.errors()


def replica_sql(sql):
    """A statement on the replica, as the postgres user (pausing and resuming its replay)."""
    command = [
        os.path.join(os.environ["VIP_PG_BIN"], "psql"),
        *("-h", os.environ["VIP_REPLICA_DATA"], "-p", os.environ["VIP_REPLICA_PORT"]),
        *("-U", "postgres", "-d", "postgres", "-qtAc", sql),
    ]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, cwd="/", capture_output=True, text=True).stdout.strip()


def test_a_lagging_replica_breaks_nothing(login, primary, logs):
    """The replica stops replaying (as far behind as one likes): nothing fails. The VIP data is read on
    the primary (its reads write the access log), so a manager sees at once what was just saved; what a
    node reads on the replica is as of the lag, consistently."""
    manager = login(0, "manager1")
    [dossier] = manager.call("vip.dossier", "search", [["user_id", "=", manager.uid]], limit=1)
    replica_sql("SELECT pg_wal_replay_pause()")
    try:
        subject = f"Saved during the lag {time.time()}"
        interaction = manager.call("vip.interaction", "create", {"dossier_id": dossier, "subject": subject})
        for node in (0, 1):
            reader = login(node, "manager1")
            rows = reader.call("vip.interaction", "search_read", [["subject", "=", subject]], ["id"])
            assert [row["id"] for row in rows] == [interaction], "the VIP data is read on the primary"
            # a core read routed to the replica answers, as of the lag
            [user] = reader.call("res.users", "read", [reader.uid], ["partner_id"])
            partner = user["partner_id"][0]
            assert reader.call("res.partner", "search_read", [["id", "=", partner]], ["id"]) == [{"id": partner}]
    finally:
        replica_sql("SELECT pg_wal_replay_resume()")
    assert not logs.errors(), logs.errors()
