# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile values for property-based tests (``hypothesis``), and the one assertion they all make.

Every call a fuzz test makes is one JSON-RPC request: it saves correct values, or it is refused with
a clear, translated Odoo error (``UserError``, ``ValidationError``, ``AccessError``) and saves
nothing. A bare Python exception or a raw PostgreSQL error fails the test, with the example.

The number of examples is bounded and derandomized, so that CI runs the same examples in the same
time every run; ``VIP_FUZZ_EXAMPLES=2000`` runs more of them (the same 2000 every time).
"""

import collections
import datetime
import logging
import math
import os
import tempfile

import psycopg2
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from odoo import fields
from odoo.exceptions import UserError
from odoo.service.model import _as_validation_error
from odoo.tools import mute_logger

from odoo.addons.vip_dossier.models.vip_input_mixin import AMOUNT_LIMIT, INTEGER_LIMIT

from .common import VipCase

_logger = logging.getLogger(__name__)

# hypothesis keeps caches of its own (Unicode tables, constants of the code under test) in a .hypothesis
# folder of the working directory, whatever the example database: keep them out of the addons
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "vip-desk-hypothesis"))

settings.register_profile(
    "vip_fuzz",
    max_examples=int(os.environ.get("VIP_FUZZ_EXAMPLES", "40")),
    deadline=None,  # a dossier's create takes what the database takes
    derandomize=True,  # the same examples on every run: CI is reproducible
    database=None,  # no example database: nothing is written next to the addons
    print_blob=True,
    # huge strings are the point; the examples are slow because each one is a database round trip
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
FUZZ = settings.get_profile("vip_fuzz")


class Huge(str):
    """A long value, shown short: hypothesis prints the example that fails, and a megabyte of it
    would bury the report. ``real`` is the value the test sends (a plain ``str``)."""

    def __new__(cls, text, times, suffix=""):
        huge = super().__new__(cls, f"{text!r} * {times} + {suffix!r}" if suffix else f"{text!r} * {times}")
        huge.real = text * times + suffix
        return huge


def real(value):
    """``value`` as sent: ``Huge`` spelled out, in dicts and lists too."""
    if isinstance(value, Huge):
        return value.real
    if isinstance(value, dict):
        return {real(key): real(item) for key, item in value.items()}
    if isinstance(value, list):
        return [real(item) for item in value]
    return value


# what an attacker, a spreadsheet or a careless script sends instead of text
TEXT_FRAGMENTS = (
    "",
    " ",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "</td></tr></table><b>",
    "'; DROP TABLE vip_dossier; --",
    "Robert'); DELETE FROM res_users; --",
    "%s %d %(name)s {0} {name}",
    "\\x00",
    "\u202eкиньлетсвет",  # right-to-left override
    "محمد بن سلمان",
    "שלום עליכם",
    "👨\u200d👩\u200d👧\u200d👦 🎂🎉",
    "Иван\x00ов",
    "\x00",
    "\x01\x02\x1b[31m\x7f",
    "line\r\nbreak\u2028sep\u2029",
    "\ufeff\u200b\u00a0",
    "\ud800",  # a lone surrogate: JSON's "\ud800" reads as one
    "𝕴𝖛𝖆𝖓",
    Huge("x", 257),
    Huge("a", 65),
    Huge("Я", 300),
    Huge("Я", 1_000_000),
    Huge("a", 1_000_000),
    Huge("a", 1_000_000, "@example.com"),
    Huge("Жж", 100_000),
)
text_values = st.one_of(
    st.sampled_from(TEXT_FRAGMENTS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
)
# what JSON can carry where a string, a date or a number is expected
wrong_types = st.one_of(
    st.booleans(),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
)
DATE_ODDITIES = (
    "2026-02-29",
    "2024-02-29",
    "2026-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2026-01-01",
    "31.12.2026",
    "2026/01/01",
    "2026-1-1",
    "2026-01-01T25:00:00",
    "2026-01-01 10:00:00",
    "٢٠٢٦-٠١-٠١",  # Arabic-Indic digits
    "1e400",
    "NaN",
    "",
    " ",
    "2026-01-01\x00",
)
date_strings = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(str),
    st.builds(
        "{:04d}-{:02d}-{:02d}".format,
        st.one_of(st.sampled_from((1, 1900, 2024, 2026, 9999)), st.integers(0, 10000)),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
    st.sampled_from(DATE_ODDITIES),
    st.text(max_size=12),
)
datetime_strings = st.one_of(
    st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31, 23, 59, 59)).map(
        lambda moment: moment.strftime("%Y-%m-%d %H:%M:%S")
    ),
    st.builds(lambda day, hour: f"{day} {hour:02d}:00:00", date_strings, st.integers(0, 25)),
    st.sampled_from(("9999-12-31 23:59:59", "0001-01-01 00:00:00", "2026-02-30 10:00:00")),
)
AMOUNT_ODDITIES = (
    float("nan"),
    float("inf"),
    float("-inf"),
    float("1e400"),  # as JSON's 1e400 reads
    -0.0,
    0.0,
    1e15,
    -1e15,
    999_999_999_999_999.9,
    5e-324,
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "-0.0",
    "0x10",
    "1_000",
    "1,5",
    "1.5",
    " 12 ",
    "١٢",
    10**400,
    2**31,
    2**31 - 1,
    -(2**31),
    1_000_000,  # days: beyond the calendar
    3_000_000,
    -1,
)
amounts = st.one_of(
    st.sampled_from(AMOUNT_ODDITIES),
    st.floats(),
    st.floats(min_value=-1e6, max_value=1e6),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.text(max_size=10),
)


def value_for(field, records=()):
    """Hostile values for ``field``, and some good ones; ``records`` are ids a link may point to."""
    kind = field.type
    if kind in ("char", "text", "html"):
        good = text_values
    elif kind == "date":
        good = date_strings
    elif kind == "datetime":
        good = datetime_strings
    elif kind in ("float", "monetary", "integer"):
        good = amounts
    elif kind == "selection":
        codes = [code for code, _label in field.selection] if isinstance(field.selection, list) else []
        good = st.one_of(st.sampled_from(codes), text_values) if codes else text_values
    elif kind == "boolean":
        good = st.booleans()
    elif kind == "many2one":
        good = st.one_of(
            st.sampled_from(list(records) or [1]),
            st.sampled_from((0, -1, 2**31 - 1, 2**31, 2**63, 10**30)),
        )
    else:
        raise NotImplementedError(kind)
    return st.one_of(good, good, good, wrong_types)  # mostly the field's own kind of value


def fuzzed_vals(model, names, links=None, max_fields=3):
    """Values for one to ``max_fields`` of the fields ``names`` of ``model``, as ``value_for`` makes them;
    ``links`` gives, by comodel, the ids a link may point to."""
    strategies = {
        name: value_for(model._fields[name], (links or {}).get(model._fields[name].comodel_name, ())) for name in names
    }
    chosen = st.lists(st.sampled_from(names), min_size=1, max_size=max_fields, unique=True)
    return chosen.flatmap(lambda picked: st.fixed_dictionaries({name: strategies[name] for name in picked}))


class FuzzMixin:
    """The assertion every fuzz test makes, for a ``TransactionCase``."""

    def setUp(self):
        super().setUp()
        self.outcomes = collections.Counter()

    def setup_example(self):
        """Each example starts from the test's data: what the one before saved is rolled back (hypothesis
        calls this hook, and the next, around every example)."""
        self._example_savepoint = self.env.cr.savepoint()

    def teardown_example(self, _example):
        self._example_savepoint.close(rollback=True)

    def tearDown(self):
        # how many calls saved and how many were refused: a fuzz that is refused every time tests little
        _logger.info("%s: %s", self._testMethodName, dict(self.outcomes))
        super().tearDown()

    def attempt(self, call, what=""):
        """Run ``call()`` as one JSON-RPC request runs: return ``(result, None)`` when it saved,
        ``(None, error)`` when it was refused, the error being what the client would read. Anything
        else (a bare ``ValueError``, a database error, an empty message) fails the test."""
        env = self.env
        try:
            # PostgreSQL's refusals are logged by the cursor before they are judged here
            with mute_logger("odoo.sql_db"), env.cr.savepoint():
                result = call()
                env.flush_all()  # as the request does before it commits: what PostgreSQL refuses, it refuses now
        except UserError as error:  # ValidationError and AccessError are UserErrors
            message = str(error.args[0] if error.args else "")
            self.assertTrue(message.strip(), f"{what}: {type(error).__name__} without a message")
            self.assertNotRegex(message, r"Traceback|psycopg2|^\w+Error:", f"{what}: a raw error in the message")
            self.outcomes["refused"] += 1
            return None, error
        except psycopg2.IntegrityError as error:
            # the JSON-RPC dispatcher turns these into a ValidationError: fine when it is a named constraint
            # with its own message, not when the client would read PostgreSQL's own words
            converted = _as_validation_error(env, error)
            named = error.diag.constraint_name in env.registry._sql_constraints
            known = isinstance(error, psycopg2.errors.NotNullViolation | psycopg2.errors.ForeignKeyViolation)
            if not (named or known):
                self.fail(f"{what}: a raw database error reaches the client: {error}")
            self.outcomes["refused by a constraint"] += 1
            return None, converted
        except Exception as error:  # a bare error reaching the client: the very thing looked for
            self.fail(f"{what}: {type(error).__name__} reaches the client: {str(error)[:300]}")
        self.outcomes["saved"] += 1
        return result, None

    def assertStored(self, record, vals):
        """The values ``record`` holds in the database are the values it was given, read back sanely."""
        record.env.flush_all()
        record.env.invalidate_all()
        for name, value in vals.items():
            field = record._fields[name]
            stored = record[name]
            what = f"{record._name}.{name} given {value!r:.60}"
            if value is False or value is None:
                self.assertFalse(stored, what)
                continue
            if field.type in ("char", "text"):
                self.assertNotIsInstance(value, list | dict | bool, f"{what}: saved as {stored!r:.60}")
                self.assertEqual(stored or "", str(value), what)
            elif field.type == "html":
                self.assertNotIsInstance(value, list | dict | bool, f"{what}: saved as {stored!r:.60}")
                self.assertNotIn("<script", str(stored or ""), what)
            elif field.type == "date":
                self.assertEqual(stored, fields.Date.to_date(value), what)
            elif field.type == "datetime":
                self.assertEqual(stored, fields.Datetime.to_datetime(value), what)
            elif field.type in ("float", "monetary", "integer"):
                limit = INTEGER_LIMIT if field.type == "integer" else AMOUNT_LIMIT
                self.assertTrue(math.isfinite(stored) and abs(stored) < limit, what)
                expected = float(value or 0)
                if field.type == "integer":
                    expected = int(expected)
                self.assertAlmostEqual(stored, expected, delta=0.01, msg=what)
            elif field.type == "selection":
                self.assertEqual(stored, value or False, what)  # "" is no value
            elif field.type == "many2one":
                self.assertEqual(stored.id, value, what)

    def assertTranslated(self, error, what=""):
        """A refusal read in Russian is written in Russian."""
        message = str(error.args[0])
        self.assertRegex(message, "[а-яА-ЯёЁ]", f"{what}: not translated: {message[:200]}")


class VipFuzzCase(FuzzMixin, VipCase):
    """Random and hostile values, as a VIP manager over JSON-RPC would send them: each call saves sane
    values or is refused with a clear error, saving nothing. ``fuzzed_fields`` says which fields of
    which model get them; other addons' fuzz tests build on this case with their own models."""

    fuzzed_fields = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_dossier = cls.env["vip.dossier"].create({"name": "Other Client", "user_id": cls.manager2.id})
        cls._make_client_lines()
        cls.usd = cls.env.ref("base.USD")
        # links a manager may make, and some they may not (another manager's client, an archived currency)
        cls.links = {
            "vip.dossier": (cls.dossier | cls.other_dossier).ids,
            "vip.relation.type": cls.spouse.ids,
            "vip.tier": cls.tier.ids,
            "res.currency": (cls.env.company.currency_id | cls.usd).ids,
        }

    @classmethod
    def hostile_vals(cls, model):
        """One to three of ``model``'s fields, each with a random (often hostile) value: few enough that
        a good value next to a bad one still gets saved now and then."""
        return fuzzed_vals(cls.env[model], cls.fuzzed_fields[model], cls.links)

    def check_create(self, model, vals, user=None):
        Model = self.env[model].with_user(user or self.manager)
        count = Model.sudo().search_count([])
        vals = {**self._valid_vals(model), **real(vals)}
        record, error = self.attempt(lambda: Model.create(vals), f"create {model} {vals!r:.300}")
        if error:
            self.assertEqual(Model.sudo().search_count([]), count, "nothing saved")
        else:
            self.assertStored(record.sudo(), vals)
        return error

    def check_write(self, record, vals, user=None):
        record = record.with_user(user or self.manager)
        vals = real(vals)
        before = record.sudo().read(list(vals))[0]
        _result, error = self.attempt(lambda: record.write(vals), f"write {record._name} {vals!r:.300}")
        if error:
            self.env.invalidate_all()
            self.assertEqual(record.sudo().read(list(vals))[0], before, "nothing saved")
        else:
            self.assertStored(record.sudo(), vals)
        return error
