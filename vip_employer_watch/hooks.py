# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """A database from before the history of looks (vip_dossier before 18.0.1.1.0) kept one note on the
    dossier, overwritten at each check: it becomes the dossier's first finding."""
    first_findings_from_the_old_note(env)


def first_findings_from_the_old_note(env):
    """Each dossier that was checked or has a note gets one finding: the day of the last check (else the
    dossier's last change), the employer and its site of today, the note, and the manager as the one who
    checked (who did is not known). A dossier that has findings already is left alone, so that a second
    run makes nothing twice. The old column goes when the update ends, with its field."""
    cr = env.cr
    cr.execute(
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = 'vip_dossier' AND column_name = 'employer_site_note'"
    )
    if not cr.fetchone():
        return
    cr.execute(
        """
        INSERT INTO vip_employer_finding
               (dossier_id, date, employer_id, website, note, user_id, worth_call,
                create_uid, create_date, write_uid, write_date)
        SELECT d.id,
               COALESCE(d.employer_site_checked_date, d.write_date::date, CURRENT_DATE),
               d.employer_id, p.website, NULLIF(BTRIM(d.employer_site_note), ''),
               COALESCE(d.user_id, d.write_uid, 1), FALSE,
               COALESCE(d.write_uid, 1), COALESCE(d.write_date, NOW() AT TIME ZONE 'UTC'),
               COALESCE(d.write_uid, 1), COALESCE(d.write_date, NOW() AT TIME ZONE 'UTC')
          FROM vip_dossier d
          LEFT JOIN res_partner p ON p.id = d.employer_id
         WHERE (d.employer_site_checked_date IS NOT NULL OR BTRIM(COALESCE(d.employer_site_note, '')) != '')
           AND NOT EXISTS (SELECT 1 FROM vip_employer_finding f WHERE f.dossier_id = d.id)
        RETURNING dossier_id
        """
    )
    # the dossier's last check is the day of its latest finding now: inserted by SQL, told to the ORM
    Dossier = env["vip.dossier"].with_context(active_test=False)
    dossiers = Dossier.browse(row[0] for row in cr.fetchall())
    dossiers.invalidate_recordset(["employer_finding_ids"])
    env.add_to_compute(Dossier._fields["employer_site_checked_date"], dossiers)
    dossiers.flush_recordset(["employer_site_checked_date"])
