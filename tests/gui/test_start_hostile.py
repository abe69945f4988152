"""The app starts whatever a damaged draft or recovery file holds: a 5,001-digit number is one message box, a lone
surrogate (「\\ud800」 in the JSON) is replaced on load, so saving and autosaving the restored report work."""

from __future__ import annotations

import json

from gui.app import start_window
from model import draft
from tests.support.factories import full_2021
from tests.support.gui_window import FakeDialogs, isolate


def test_a_draft_with_a_5001_digit_number_opens_as_one_message(qtbot, tmp_path, monkeypatch):
    isolate(tmp_path, monkeypatch)
    path = tmp_path / "长数字.nianbao"
    text = draft.dumps(full_2021()).decode("utf-8").replace('"year": 2023', '"year": ' + "9" * 5001, 1)
    path.write_text(text, encoding="utf-8")
    dialogs = FakeDialogs()
    window = start_window(str(path), dialogs=dialogs)
    qtbot.addWidget(window, before_close_func=lambda w: w.autosave.close())
    assert dialogs.asked == [
        ("error", "无法打开“长数字.nianbao”：文件中有位数过多的数字，不是有效的草稿文件")
    ]
    assert window.document.report.agency == ""


def test_a_recovery_with_a_lone_surrogate_restores_and_saves(qtbot, tmp_path, monkeypatch):
    recovery = isolate(tmp_path, monkeypatch)
    recovery.mkdir(parents=True)
    data = {"nianbao": "recovery", "version": 1, "source": "", "saved_at": "2026-01-20 10:00:00"}
    body = json.dumps({**data, "draft": draft.report_to_dict(full_2021())}, ensure_ascii=True)
    (recovery / "12345-1.json").write_text(
        body.replace('"agency": "', '"agency": "\\ud800', 1), encoding="utf-8"
    )
    dialogs = FakeDialogs()
    window = start_window(dialogs=dialogs)
    qtbot.addWidget(
        window, before_close_func=lambda w: (w.document.undo_stack.setClean(), w.autosave.close())
    )
    assert dialogs.kinds() == ["offer_restore"]
    assert window.document.report.agency == "\ufffd某某市某某局"
    window.autosave.save_now()  # no UnicodeEncodeError
    assert window.files.save_to(str(tmp_path / "恢复.nianbao"))
    assert draft.load(tmp_path / "恢复.nianbao").agency == "\ufffd某某市某某局"
