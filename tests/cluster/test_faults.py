# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Processes die: the key-date run killed (SIGKILL) at several points of a batch, then run again.

The run is a real Odoo process (``odoo-bin shell`` on the cluster's database). To kill it at a known
point, a table the batch writes next is locked from another connection: the run blocks on it, is
killed there, the lock is let go. Each batch is one transaction, so nothing of it may remain.
"""

import os
import signal
import subprocess
import threading
import time
from contextlib import contextmanager

import psutil
import psycopg2
import pytest
from conftest import DB, DSN
from test_cluster import reset_reminders, start_import, wait_import

PYTHON = os.environ.get("VIP_PYTHON")
ODOO_BIN = os.environ.get("VIP_ODOO_BIN")
NODE_CONF = os.environ.get("VIP_NODE_CONF")
RUN = "env['vip.key.date']._cron_create_reminders()\nenv.cr.commit()\n"

# where the batch is killed: while it creates the tasks (subscribing the managers), after the tasks
# (creating the private events), after the tasks and events (inserting the reminders)
POINTS = {"during tasks": "mail_followers", "after tasks": "calendar_event", "before commit": "vip_key_date_reminder"}


def start_run():
    if not (PYTHON and ODOO_BIN and NODE_CONF):
        pytest.fail("run these tests through `make cluster-test`")
    log = os.path.join(os.path.dirname(NODE_CONF), "fault-run.log")
    return subprocess.Popen(
        [PYTHON, ODOO_BIN, "shell", "-c", NODE_CONF, "-d", DB, "--no-http", f"--logfile={log}", "--log-level=warn"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def orphans(primary):
    """Tasks and events on clients that no reminder holds (the demo's own meetings and tasks included)."""
    primary.execute(
        """
        SELECT (SELECT count(*) FROM mail_activity a WHERE a.res_model = 'vip.dossier'
                   AND NOT EXISTS (SELECT 1 FROM vip_key_date_reminder r WHERE r.activity_id = a.id)),
               (SELECT count(*) FROM calendar_event e WHERE e.res_model = 'vip.dossier'
                   AND NOT EXISTS (SELECT 1 FROM vip_key_date_reminder r WHERE r.event_id = e.id))
        """
    )
    return primary.fetchone()


def blocked_backend(primary, table, timeout=120):
    """The backend of the run once it waits for ``table``."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        primary.execute(
            "SELECT l.pid FROM pg_locks l WHERE NOT l.granted AND l.relation = %s::regclass LIMIT 1", [table]
        )
        row = primary.fetchone()
        if row:
            return row[0]
        time.sleep(0.2)
    pytest.fail(f"the run never reached {table}")


@pytest.mark.parametrize("point", list(POINTS))
def test_the_key_date_run_killed_midway_and_run_again(nodes, primary, point):
    reset_reminders(primary)
    before = orphans(primary)
    locker = psycopg2.connect(DSN)
    try:
        with locker.cursor() as cr:
            cr.execute(f"LOCK TABLE {POINTS[point]} IN ACCESS EXCLUSIVE MODE")
        run = start_run()
        run.stdin.write(RUN)
        run.stdin.close()
        backend = blocked_backend(primary, POINTS[point])
        os.kill(run.pid, signal.SIGKILL)
        run.wait(30)
    finally:
        locker.rollback()
        locker.close()
    # the killed run's transaction ends with its connection; nothing of it was committed
    deadline = time.time() + 60
    while time.time() < deadline:
        primary.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [backend])
        if not primary.fetchone()[0]:
            break
        time.sleep(0.2)
    primary.execute("SELECT count(*) FROM vip_key_date_reminder")
    assert primary.fetchone()[0] == 0, "nothing of the killed batch remains"
    assert orphans(primary) == before, "no task or event of the killed batch remains"
    # started again: it does the whole work, once
    again = start_run()
    again.communicate(RUN, timeout=300)
    assert again.returncode == 0
    primary.execute("SELECT key_date_id, occurrence_date FROM vip_key_date_reminder GROUP BY 1, 2 HAVING count(*) > 1")
    assert primary.fetchall() == []
    primary.execute("SELECT count(*) FROM vip_key_date_reminder")
    assert primary.fetchone()[0] > 0
    primary.execute(
        """
        SELECT count(*) FROM vip_key_date kd
         WHERE kd.active AND kd.reminder_date <= CURRENT_DATE - 1 AND kd.reminded_date IS DISTINCT FROM kd.next_date
        """
    )
    assert primary.fetchone()[0] == 0, "nothing due was missed"
    assert orphans(primary) == before, "every new task and event belongs to a reminder"


def pg_ctl(data, *args):
    """pg_ctl on the cluster in ``data``, as the postgres user when run as root."""
    command = [os.path.join(os.environ["VIP_PG_BIN"], "pg_ctl"), "-D", data, *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def replica_ctl(*args):
    pg_ctl(os.environ["VIP_REPLICA_DATA"], *args)


def test_postgresql_restarted_under_load(login, primary, logs):
    """The primary restarts while managers save interactions on both nodes: a save either happens
    whole or fails cleanly, and the nodes serve again without a restart of their own."""
    managers = [login(0, "manager1"), login(1, "manager1")]
    [dossier] = managers[0].call("vip.dossier", "search", [["user_id", "=", managers[0].uid]], limit=1)
    subject = f"Load {time.time()}"
    answered, stop = [], threading.Event()

    def save(manager):
        while not stop.is_set():
            try:
                answered.append(manager.call("vip.interaction", "create", {"dossier_id": dossier, "subject": subject}))
            except Exception:  # a save refused during the restart is what is measured
                time.sleep(0.1)

    threads = [threading.Thread(target=save, args=(m,)) for m in managers]
    for thread in threads:
        thread.start()
    time.sleep(2)
    data = os.environ["VIP_PRIMARY_DATA"]
    pg_ctl(
        data,
        "restart",
        "-m",
        "fast",
        "-w",
        "-t",
        "60",
        "-l",
        os.path.join(data, "server.log"),
        "-o",
        f"-p {os.environ['VIP_PRIMARY_PORT']}",
    )
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join(60)
    # the nodes serve again, each from its own pool, without a restart
    for manager in managers:
        assert manager.call("vip.dossier", "read", [dossier], ["name"])
    after = psycopg2.connect(DSN)
    try:
        with after.cursor() as cr:
            cr.execute("SELECT id FROM vip_interaction WHERE subject = %s", [subject])
            saved = {row[0] for row in cr.fetchall()}
    finally:
        after.close()
    assert len(answered) > 0
    # every save that answered is there; none is there that did not answer (no half-written save)
    assert saved == set(answered)


def test_the_replica_down_reads_fall_back_to_the_primary(login, primary, logs):
    """The replica stops: the nodes read from the primary (Odoo's fallback), the rules and the access
    log still hold; it starts again and streams again."""
    managers = [login(0, "manager1"), login(1, "manager1")]
    expected = managers[0].call("res.partner", "search_read", [["vip_client", "=", True]], ["phone"], order="id")
    replica_ctl("stop", "-m", "fast", "-w")
    try:
        for manager in managers:
            rows = manager.call("res.partner", "search_read", [["vip_client", "=", True]], ["phone"], order="id")
            assert rows == expected
        employee = login(0, "vip_employee")
        assert employee.call("res.partner", "search_read", [["vip_client", "=", True]], ["name"]) == []
        assert "falling back to read-write cursor" in logs.text()
    finally:
        replica_ctl(
            "start",
            "-w",
            "-t",
            "60",
            "-l",
            os.path.join(os.environ["VIP_REPLICA_DATA"], "server.log"),
            "-o",
            f"-p {os.environ['VIP_REPLICA_PORT']}",
        )
    deadline = time.time() + 60
    while time.time() < deadline:
        primary.execute("SELECT count(*) FROM pg_stat_replication")
        if primary.fetchone()[0]:
            break
        time.sleep(1)
    else:
        pytest.fail("the replica did not stream again")


def worker_of(primary, backend):
    """The Odoo process on the other end of PostgreSQL backend ``backend``."""
    primary.execute("SELECT client_port FROM pg_stat_activity WHERE pid = %s", [backend])
    [port] = primary.fetchone()
    for connection in psutil.net_connections(kind="tcp"):
        if connection.laddr and connection.laddr.port == port and connection.pid:
            return connection.pid
    pytest.fail(f"no process holds the connection of backend {backend}")


@contextmanager
def worker_killed_on(primary, table):
    """Writes to ``table`` wait (reads go on); the block starts a job that writes it, and the worker
    running the job is killed (SIGKILL) while it waits there."""
    locker = psycopg2.connect(DSN)
    try:
        with locker.cursor() as cr:
            cr.execute(f"LOCK TABLE {table} IN SHARE MODE")
        yield
        os.kill(worker_of(primary, blocked_backend(primary, table)), signal.SIGKILL)
    finally:
        locker.rollback()
        locker.close()


def test_an_export_job_killed_midway_runs_again(login, primary):
    """The worker writing a background export is killed (SIGKILL) as it stores the file: nothing of it
    is saved, the export still says it is in progress, queue_job's runner finds the job dead and runs it
    again, and the export ends done with one file."""
    manager = login(0, "manager1", lang="en_US")
    primary.execute("SELECT coalesce(max(id), 0) FROM vip_export")
    last = primary.fetchone()[0]
    with worker_killed_on(primary, "ir_attachment"):  # as it stores the file
        manager.call("vip.export", "action_export_operations", [])
    primary.execute("SELECT state, attachment_id FROM vip_export WHERE id > %s", [last])
    assert primary.fetchall() == [("queued", None)], "the user sees it in progress, with no file"
    deadline = time.time() + 180
    while time.time() < deadline:
        primary.execute("SELECT state FROM vip_export WHERE id > %s", [last])
        if primary.fetchone()[0] != "queued":
            break
        time.sleep(1)
    primary.execute(
        """
        SELECT e.state, j.state, j.retry, (SELECT count(*) FROM ir_attachment a
                                            WHERE a.res_model = 'vip.export' AND a.res_id = e.id)
          FROM vip_export e JOIN queue_job j ON j.uuid = e.job_uuid WHERE e.id > %s
        """,
        [last],
    )
    assert primary.fetchall() == [("done", "done", 2, 1)], "run again once, done, one file"


def test_an_import_job_killed_midway_runs_again(login, primary):
    """The worker loading a big file is killed (SIGKILL) as it writes the operations: nothing of the
    file is loaded, the import still shows in progress, the runner runs the job again and the file is
    loaded once, whole."""
    login(0, "admin").call("ir.config_parameter", "set_param", "vip_import.sync_rows", "10")
    prefix = f"KILL{int(time.time())}"
    with worker_killed_on(primary, "vip_operation"):  # as it writes the operations
        import_id = start_import(login(0, "backoffice"), prefix)
    primary.execute("SELECT state FROM vip_import WHERE id = %s", [import_id])
    assert primary.fetchone()[0] == "queued", "the user sees it in progress"
    primary.execute("SELECT count(*) FROM vip_operation WHERE external_ref LIKE %s", [f"{prefix}%"])
    assert primary.fetchone()[0] == 0, "nothing of the file is loaded"
    assert wait_import(primary, import_id) == "done"
    primary.execute(
        """
        SELECT i.created_count, i.rejected_count, j.retry,
               (SELECT count(*) FROM vip_operation WHERE external_ref LIKE %s)
          FROM vip_import i JOIN queue_job j ON j.uuid = i.job_uuid WHERE i.id = %s
        """,
        [f"{prefix}%", import_id],
    )
    assert primary.fetchone() == (300, 0, 2, 300), "loaded once, whole, at the second try"
