"""``--format junit``: a test suite per person and a test case per task, so CI dashboards show gaps.

A task that is not met fails, with its missing items listed; a file that could not be read
is an error. Suites are written one by one as reports arrive.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from kmc_gap.formats import Formatter
from kmc_gap.labels import label
from kmc_gap.problems import Problem


class JunitFormatter(Formatter):
    """JUnit XML, as read by GitHub, GitLab, Jenkins and most CI dashboards."""

    def start(self) -> None:
        """Write the XML declaration and open ``<testsuites>``."""
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kmc-gap">\n')

    def report(self, report: dict[str, Any], rendered: str | None = None) -> None:
        """Write one person's suite."""
        lang = self.options.lang
        person = report["person"]
        who = " ".join(x for x in (person["name"], person.get("id")) if x)
        failing = [t for t in report["tasks"] if t["status"] != "met"]
        suite = ET.Element(
            "testsuite",
            name=f"{who} · {report['standard']['code']}",
            tests=str(len(report["tasks"])),
            failures=str(len(failing)),
            errors="0",
            file=report.get("file") or "",
        )
        for t in report["tasks"]:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"{report['standard']['code']}.{t['duty']}",
                name=f"{t['code']} {t['name']}",
            )
            if t["status"] != "met":
                gating = t["items"] + (t["outputs"] if report["policy"]["require_outputs"] else [])
                missing = [f"{i['code']} {i['name']}" for i in gating if not i["met"]]
                message = (
                    f"{label('status.' + t['status'], lang)}: {t['items_met']}/{t['items_total']} (level {t['level']})"
                )
                failure = ET.SubElement(case, "failure", message=message, type=t["status"])
                failure.text = "\n".join(missing)
        self._write(suite)

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Write a suite with one erroring case for a file that could not be assessed."""
        suite = ET.Element("testsuite", name=file, tests="1", failures="0", errors="1", file=file)
        case = ET.SubElement(suite, "testcase", classname="kmc-gap", name=file)
        error = ET.SubElement(case, "error", message=problems[0].message(self.options.lang) if problems else file)
        error.text = "\n".join(p.format(self.options.lang) for p in problems)
        self._write(suite)

    def _write(self, suite: ET.Element) -> None:
        ET.indent(suite, space="  ", level=1)
        self.out.write("  " + ET.tostring(suite, encoding="unicode") + "\n")

    def finish(self) -> None:
        """Close ``<testsuites>``."""
        self.out.write("</testsuites>\n")


FORMATTER = JunitFormatter
