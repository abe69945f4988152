"""A draft keeps last year's report with its prose (offered on the prose pages); older drafts still read."""

from __future__ import annotations

import json

from model import draft
from model.import_check import plan_import
from model.report import Report


def test_last_years_prose_survives_a_save_and_load(tmp_path, example):
    report = plan_import(Report.new(2021, example.agency), example, "2020.nianbao").after
    path = tmp_path / "2021.nianbao"
    draft.save(report, path)
    again = draft.load(path)
    assert again.previous is not None and again.previous.prose == example.prose
    assert again.previous.prose["s5"].startswith("（示例文字")
    assert again.prose == {} and again.previous_source == "2020.nianbao"


def test_a_draft_whose_previous_report_has_no_prose_reads(tmp_path, example):
    data = draft.report_to_dict(Report.new(2021))
    older = draft.report_to_dict(example, with_previous=False)
    del older["prose"]  # an older draft's previous report, kept without its text
    data["previous"], data["previous_source"] = older, "2020.nianbao"
    again = draft.loads(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert again.previous is not None and again.previous.prose == {}
    assert again.previous.values == example.values
