# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from hypothesis import given
from hypothesis import strategies as st

from odoo.tests.common import tagged

from odoo.addons.vip_dossier.tests.common import RefusalAssertions, VipCase
from odoo.addons.vip_dossier.tests.fuzz import FUZZ, VipFuzzCase
from odoo.addons.vip_dossier.tests.test_vip_input import BAD_DATES


@tagged("post_install", "-at_install")
class TestVipEmployerFindingInput(RefusalAssertions, VipCase):
    """Hostile values in a finding, or in the dossier's last check, get a clear error and save nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finding = cls.env["vip.employer.finding"].create({"dossier_id": cls.dossier.id, "note": "Новый завод"})

    def _valid_vals(self, model):
        if model == "vip.employer.finding":
            return {"dossier_id": self.dossier.id, "note": "Ничего нового"}
        return super()._valid_vals(model)

    def test_malformed_dates_refused(self):
        for name in ("date", "follow_up_date"):
            label = self.finding._fields[name].string
            for value in BAD_DATES:
                self.assertRefused(
                    self.finding, name, value, f'^{label}: "{value}" is not a date; write it as YYYY-MM-DD'
                )
        self.assertRefused(self.dossier, "employer_site_checked_date", 20260230, "is not a date")

    def test_nul_character_refused(self):
        label = self.finding._fields["note"].string
        self.assertRefused(self.finding, "note", "Иван\x00ов", rf"^{label} contains a NUL character \(\\x00\)")


@tagged("post_install", "-at_install")
class TestVipEmployerFindingFuzz(VipFuzzCase):
    fuzzed_fields = {
        "vip.employer.finding": ("dossier_id", "date", "website", "note", "follow_up_date"),
        "vip.dossier": ("employer_site_checked_date", "job_title", "notes"),
    }

    def _valid_vals(self, model):
        if model == "vip.employer.finding":
            return {"dossier_id": self.dossier.id, "note": "Ничего нового"}
        return super()._valid_vals(model)

    @FUZZ
    @given(data=st.data())
    def test_employer_finding(self, data):
        finding = self.env["vip.employer.finding"].create({"dossier_id": self.dossier.id, "note": "Ничего нового"})
        self.check_create("vip.employer.finding", data.draw(self.hostile_vals("vip.employer.finding"), "create"))
        self.check_write(finding, data.draw(self.hostile_vals("vip.employer.finding"), "write"))

    @FUZZ
    @given(data=st.data())
    def test_dossier_last_check(self, data):
        self.check_write(self.dossier, data.draw(self.hostile_vals("vip.dossier"), "write"))
