"""`nianbao --help` shows the window's options and also names the commands that work without a window."""

from __future__ import annotations

import pytest

from nianbao.cli import main


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert "--example" in out  # the window's own options are still shown
    for command in ("nianbao check", "nianbao export", "nianbao new", "nianbao demo"):
        assert command in out
