# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models

# a condolence task comes for a death the desk learns of within this many days (not for a grandfather
# who died years before the dossier was opened)
CONDOLENCE_DAYS = 30


class VipRelative(models.Model):
    _inherit = "vip.relative"

    sms_opt_in = fields.Boolean(string="Agrees to SMS Greetings")
    # the system's own marks: one condolence task per death, whoever saves the flag how many times
    condolence_date = fields.Date(readonly=True, copy=False, groups="base.group_system")
    condolence_activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, ondelete="set null", groups="base.group_system"
    )

    @api.model_create_multi
    def create(self, vals_list):
        relatives = super().create(vals_list)
        relatives.dossier_id._sync_key_dates()
        relatives.filtered("is_deceased")._schedule_condolences()
        return relatives

    def write(self, vals):
        dossiers = self.dossier_id
        deceased_before = self.filtered("is_deceased")
        res = super().write(vals)
        if {"birth_date", "active", "dossier_id", "relation_type_id", "is_deceased", "death_date"} & set(vals):
            (dossiers | self.dossier_id)._sync_key_dates()
        if {"is_deceased", "death_date"} & set(vals):
            deceased = self.filtered("is_deceased")
            (deceased - deceased_before)._schedule_condolences()
            (deceased_before - deceased)._withdraw_condolences()
        return res

    def unlink(self):
        # through the ORM (not the database cascade), so that pending tasks go too
        self.env["vip.key.date"].sudo().search([("relative_id", "in", self.ids)]).unlink()
        return super().unlink()

    def _schedule_condolences(self):
        """One condolence task per death, for the client's responsible manager (the same routing as every
        task), with a script in the client's language; none when one was given already, nor for a death
        learnt of long after."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("vip_calendar.mail_activity_type_condolence")
        model_id = self.env["ir.model"]._get_id("vip.dossier")
        # sudo: the system's marks (condolence_date) of the relatives the user has just flagged
        given = {relative.id for relative in self.sudo() if relative.condolence_date}
        relatives = self.filtered(
            lambda r: (
                r.is_deceased
                and r.id not in given
                and (not r.death_date or r.death_date >= today - timedelta(days=CONDOLENCE_DAYS))
            )
        )
        for relative in relatives:
            dossier = relative.dossier_id
            user = dossier._vip_responsible()
            if not user:
                continue
            relative = relative.with_context(lang=user.lang or "en_US")
            # created as the user who flagged the relative (a manager of the client: the task is on a record
            # they may write), addressed to the responsible manager
            activity = (
                self.env["mail.activity"]
                .with_context(mail_activity_quick_update=True)
                .create(
                    {
                        "res_model_id": model_id,
                        "res_id": dossier.id,
                        "activity_type_id": activity_type.id,
                        "summary": relative.env._(
                            "Condolences: %(relative)s (%(relation)s)",
                            relative=relative.name,
                            relation=relative.relation_type_id.name,
                        ),
                        "note": relative._condolence_script(),
                        "date_deadline": today,
                        "user_id": user.id,
                    }
                )
            )
            # sudo: the system's marks of this very relative (the field's group)
            relative.sudo().write({"condolence_date": today, "condolence_activity_id": activity.id})

    def _withdraw_condolences(self):
        """Unflagged (a mistake): a condolence task not done yet goes; one done stays done, and no second
        one comes should the relative be flagged again."""
        # sudo: the system's marks of the relatives the user has just unflagged, and the one task each
        # points at, when it still is on that relative's own client
        for relative in self.sudo().filtered("condolence_activity_id"):
            activity = relative.condolence_activity_id
            if (activity.res_model, activity.res_id) == ("vip.dossier", relative.dossier_id.id):
                activity.unlink()
            relative.write({"condolence_date": False, "condolence_activity_id": False})

    def _condolence_script(self):
        """The condolence task's note: a line for the manager in the manager's language (the context's),
        then what to say, formal and in the client's language; never a greeting."""
        self.ensure_one()
        dossier = self.dossier_id
        client_lang = dossier.partner_id.lang or self.env.context.get("lang") or "en_US"
        client = dossier.with_context(lang=client_lang)
        intro = self.env._(
            "%(relative)s (%(relation)s) has died. Greetings to and about them have stopped. Offer the client "
            "your condolences, formally:",
            relative=self.name,
            relation=self.relation_type_id.name,
        )
        script = client.env._(
            "%(greeting)s, please accept our sincere condolences on your loss. We share your grief. If there is "
            "anything the bank can do for you and your family, we are always at your service.",
            greeting=client.honorific,
        )
        return Markup("<p>%s</p><p><i>%s</i></p>") % (intro, script)


class VipRelationType(models.Model):
    _inherit = "vip.relation.type"

    def write(self, vals):
        res = super().write(vals)
        if "is_family" in vals:
            # the bank's policy: who counts as close family changes the reminders of every client at once
            # sudo: key dates are derived data kept by the system, whoever may edit the relation types
            relatives = self.env["vip.relative"].sudo().with_context(active_test=False)
            self.env["vip.dossier"]._sync_key_dates_in_batches(
                relatives.search([("relation_type_id", "in", self.ids)]).dossier_id.ids
            )
        return res
