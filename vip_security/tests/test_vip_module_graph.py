# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Installing VIP data never leaves it readable by the wrong people.

vip_dossier ships no access list at all: until vip_security is installed,
only the superuser reads VIP data (fail closed). vip_security is
auto-installed with vip_dossier, so the policy always comes with the data.
"""

import os
import re

from odoo.modules.module import get_manifest, get_module_path
from odoo.tests.common import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestVipModuleGraph(TransactionCase):
    def test_security_is_auto_installed_with_the_dossier(self):
        manifest = get_manifest("vip_security")
        self.assertTrue(manifest["auto_install"])
        self.assertEqual(manifest["depends"], ["vip_dossier"])
        module = self.env["ir.module.module"].search([("name", "=", "vip_security")])
        self.assertEqual(module.state, "installed")
        self.assertTrue(module.auto_install)

    def test_dossier_alone_grants_nothing(self):
        """Access to the dossier's models comes from vip_security; other VIP addons build on it."""
        dossier_models = (
            self.env["ir.model"]
            .search([("model", "=like", "vip.%")])
            .filtered(lambda m: "vip_dossier" in m.modules.split(", "))
        )
        vip_models = self.env["ir.model"].search([("model", "=like", "vip.%")])
        accesses = self.env["ir.model.access"].search([("model_id", "in", vip_models.ids)])
        rules = self.env["ir.rule"].search([("model_id", "in", vip_models.ids)])
        self.assertTrue(accesses and rules)
        Module = self.env["ir.module.module"]
        for records in (accesses, rules):
            for record, xmlid in records.get_external_id().items():
                module = xmlid.split(".")[0]
                with self.subTest(model=records._name, record=xmlid):
                    if records.browse(record).model_id in dossier_models:
                        self.assertEqual(module, "vip_security")
                    elif module != "vip_security":
                        owner = Module.search([("name", "=", module)])
                        upstream = owner.upstream_dependencies(exclude_states=("uninstallable",))
                        self.assertIn("vip_security", upstream.mapped("name"))
        self.assertFalse(accesses.filtered(lambda a: not a.group_id), "no access list open to everyone")
        everyone = (
            self.env.ref("base.group_user") | self.env.ref("base.group_portal") | self.env.ref("base.group_public")
        )
        self.assertFalse(accesses.filtered(lambda a: a.group_id in everyone))

    def test_dossier_manifest_has_no_access_file(self):
        manifest = get_manifest("vip_dossier")
        self.assertFalse([f for f in manifest["data"] if "access" in f])

    def test_each_addon_has_one_version(self):
        """The package (pyproject.toml, what pip installs) and the manifest (what Odoo upgrades) agree."""
        modules = self.env["ir.module.module"].search([("name", "=like", "vip\\_%"), ("state", "=", "installed")])
        self.assertGreaterEqual(len(modules), 5)
        for module in modules.mapped("name"):
            with self.subTest(module=module):
                path = os.path.join(get_module_path(module), "pyproject.toml")
                with open(path, encoding="utf-8") as handle:
                    version = re.search(r'^version = "([^"]+)"', handle.read(), re.MULTILINE).group(1)
                self.assertEqual(version, get_manifest(module)["version"])
