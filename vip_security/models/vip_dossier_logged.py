# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The models that hold a client's data: their reads are logged (vip.access.logged.mixin)."""

from odoo import models


class VipDossier(models.Model):
    _name = "vip.dossier"
    _inherit = ["vip.dossier", "vip.access.logged.mixin"]

    def _vip_logged_dossiers(self):
        return self


class VipRelative(models.Model):
    _name = "vip.relative"
    _inherit = ["vip.relative", "vip.access.logged.mixin"]


class VipPreference(models.Model):
    _name = "vip.preference"
    _inherit = ["vip.preference", "vip.access.logged.mixin"]


class VipTrustedPerson(models.Model):
    _name = "vip.trusted.person"
    _inherit = ["vip.trusted.person", "vip.access.logged.mixin"]


class VipInteraction(models.Model):
    _name = "vip.interaction"
    _inherit = ["vip.interaction", "vip.access.logged.mixin"]


class VipOperation(models.Model):
    _name = "vip.operation"
    _inherit = ["vip.operation", "vip.access.logged.mixin"]


class VipIncome(models.Model):
    _name = "vip.income"
    _inherit = ["vip.income", "vip.access.logged.mixin"]
