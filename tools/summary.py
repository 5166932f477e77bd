"""Print one closing line for a whole `make test`: Odoo's runs (our suites, then core's) plus pytest."""

import sys
import xml.etree.ElementTree as ET


def main(junit_paths, odoo_passed, odoo_failed):
    """``junit_paths``: pytest's reports, comma-separated (the integration tests, the cluster's)."""
    passed, failed = int(odoo_passed), int(odoo_failed)
    for junit_path in junit_paths.split(","):
        try:
            root = ET.parse(junit_path).getroot()
            suite = root if root.tag == "testsuite" else root.find("testsuite")
            tests = int(suite.get("tests", 0))
            bad = sum(int(suite.get(key, 0)) for key in ("failures", "errors", "skipped"))
            passed, failed = passed + tests - bad, failed + bad
        except (OSError, ET.ParseError, AttributeError):
            failed += 1  # pytest left no report: count it as a failure
    print(f"vip-desk: {passed} passed, {failed} failed")


if __name__ == "__main__":
    main(*sys.argv[1:4])
