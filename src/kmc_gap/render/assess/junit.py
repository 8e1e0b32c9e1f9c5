"""``--format junit``: a test suite per person and a test case per task, so CI dashboards show gaps.

A task that is not met fails, with its missing items listed; a file that could not be read
is an error. Suites are written one by one as reports arrive.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from kmc_gap.engine.rules import missing_items
from kmc_gap.model.lookup import names
from kmc_gap.model.problems import Problem
from kmc_gap.render.assess import AssessRenderer
from kmc_gap.render.text import who
from kmc_gap.words import t
from kmc_gap.words.safe import xml_text

if TYPE_CHECKING:
    from kmc_gap.engine.report import Report


class JunitRenderer(AssessRenderer):
    """JUnit XML, as read by GitHub, GitLab, Jenkins and most CI dashboards."""

    def start(self) -> None:
        """Write the XML declaration and open ``<testsuites>``."""
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kmc-gap">\n')
        self.names = names(self.ctx.std, self.ctx.lang)

    def add(self, value: Report) -> None:
        """Write one person's suite."""
        lang, code = self.ctx.lang, value["standard"]["code"]
        failing = [task for task in value["tasks"] if task["status"] != "met"]
        person = value["person"]["id"] or value["person"]["name"]  # the pseudonym with --redact
        suite = ET.Element(
            "testsuite",
            name=xml_text(f"{who(value['person'])} · {code}"),
            tests=str(len(value["tasks"])),
            failures=str(len(failing)),
            errors="0",
            time="0",
            timestamp=f"{value['as_of']}T00:00:00",  # the assessment's date: the same run gives the same file
            file=xml_text(value["file"] or ""),
        )
        for task in value["tasks"]:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=xml_text(f"{person}.{task['duty']}"),  # each person's cases apart in CI dashboards
                name=xml_text(f"{task['code']} {self.names[task['code']]}"),
                time="0",
            )
            if task["status"] != "met":
                missing = missing_items(task["items"], task["outputs"], value["policy"]["require_outputs"])
                message = t(
                    "junit.failure",
                    lang,
                    status=t("status." + task["status"], lang),
                    met=task["items_met"],
                    total=task["items_total"],
                    level=task["level"],
                )
                failure = ET.SubElement(case, "failure", message=xml_text(message), type=task["status"])
                failure.text = xml_text("\n".join(f"{i['code']} {self.names[i['code']]}" for i in missing))
        self._write(suite)

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Write a suite with one erroring case for a file that could not be assessed."""
        lang = self.ctx.lang
        name = xml_text(file)
        suite = ET.Element("testsuite", name=name, tests="1", failures="0", errors="1", time="0", file=name)
        case = ET.SubElement(suite, "testcase", classname="kmc-gap", name=name, time="0")
        error = ET.SubElement(case, "error", message=xml_text(problems[0].message(lang) if problems else file))
        error.text = xml_text("\n".join(p.format(lang) for p in problems))
        self._write(suite)

    def _write(self, suite: ET.Element) -> None:
        ET.indent(suite, space="  ", level=1)
        self.out.write("  " + ET.tostring(suite, encoding="unicode") + "\n")

    def finish(self) -> None:
        """Close ``<testsuites>``."""
        self.out.write("</testsuites>\n")
