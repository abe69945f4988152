"""Rules on 基本信息: a field the report cannot do without (the agency's name in the title) left empty (META)."""

from __future__ import annotations

from collections.abc import Iterator

from model.formats import RuleSpec
from model.report import Contact, Report
from model.rules import Finding, rule

FIELD_NAMES = {
    "agency": "机关名称",
    **{f"contact.{n}": label for n, label in zip(Contact.FIELDS, Contact.LABELS)},
}


def meta_value(report: Report, name: str) -> str:
    """The text of a 基本信息 field: ``agency`` or ``contact.office`` and the other contact fields."""
    if name.startswith("contact."):
        return str(getattr(report.contact, name.removeprefix("contact."), ""))
    return str(getattr(report, name, ""))


@rule("required_meta")
def required_meta(report: Report, spec: RuleSpec) -> Iterator[Finding]:
    """One finding per required field left empty; the message names the field and 基本信息."""
    for name in spec.params.get("fields", ["agency"]):
        if not meta_value(report, name).strip():
            label = FIELD_NAMES.get(name, name)
            yield Finding(spec.code, spec.severity, f"基本信息中的“{label}”尚未填写：报告标题和正文开头要用")
