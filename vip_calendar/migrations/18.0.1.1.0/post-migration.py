# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Key dates whose next occurrence was reminded before ``reminded_date`` existed: mark them, or the
run's index would offer them every hour until their date passes (the run marks them once it meets
them, but a batch of them only would end a run early).

A cancelled reminder does not count: its date moved away and came back, and the run opens it again
(tested in tests/test_vip_key_date_cron.py)."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE vip_key_date kd SET reminded_date = kd.next_date
         WHERE kd.reminded_date IS NULL
           AND EXISTS (SELECT 1 FROM vip_key_date_reminder r
                        WHERE r.key_date_id = kd.id AND r.occurrence_date = kd.next_date
                          AND r.state != 'cancelled')
        """
    )
