# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the addons' migration scripts share."""


def hand_over_records(cr, source, target, names=(), prefixes=()):
    """Records the addon ``source`` hands to the addon ``target`` before its update would delete them as
    no longer its own: their external ids (``names``, or starting with one of ``prefixes``) change
    module; the records, their tables and columns stay."""
    patterns = [prefix.replace("_", "\\_") + "%" for prefix in prefixes]
    cr.execute(
        "UPDATE ir_model_data SET module = %s WHERE module = %s AND (name = ANY(%s) OR name LIKE ANY(%s))",
        (target, source, list(names), patterns),
    )
