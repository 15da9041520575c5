"""Prints the closing line of `make test`: JUnit results from Surefire's reports plus the notebooks.

Runs only after every step passed (make stops at the first failure), so the notebooks all passed.
"""
import glob
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for report in glob.glob("target/surefire-reports/TEST-*.xml"):
    suite = ET.parse(report).getroot()
    tests, skip = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
    bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    passed += tests - skip - bad
    failed += bad
    skipped += skip
notebooks = len(glob.glob("notebooks/*.ipynb"))
print(f"JUnit: {passed + failed + skipped} tests; notebooks executed: {notebooks}", file=sys.stderr)
print(f"{passed + notebooks} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
