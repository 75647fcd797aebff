"""Writes that respect what they replace: atomic files, links kept, devices written
through, and one error line (exit 1) for every output that cannot be written."""
from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli

COMMANDS = {
    "render": ["render", "--graph", "{trig}", "-o", "{out}"],
    "export": ["export", "--graph", "{trig}", "--format", "nq", "-o", "{out}"],
    "build": ["build", "{seeds}", "--no-store", "-o", "{out}"],
    "build-store": ["build", "{seeds}", "--store", "{tmp}/store", "-o", "{out}"],
}


def invoke(name, out, seed_trig, tmp_path):
    from tests.conftest import SEEDS

    args = [a.format(trig=seed_trig, out=out, seeds=SEEDS, tmp=tmp_path) for a in COMMANDS[name]]
    return CliRunner().invoke(cli, args)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_symlink_target_keeps_the_link_and_replaces_the_file(name, seed_trig, tmp_path):
    real = tmp_path / "real.out"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.out"
    link.symlink_to(real.name)
    result = invoke(name, link, seed_trig, tmp_path)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "real.out"
    assert real.read_text(encoding="utf-8") != "old"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_device_is_written_through_not_replaced(name, seed_trig, tmp_path):
    result = invoke(name, "/dev/null", seed_trig, tmp_path)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_full_disk_is_one_line(name, seed_trig, tmp_path):
    result = invoke(name, "/dev/full", seed_trig, tmp_path)
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1] == "Error: /dev/full: cannot write: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_impossible_targets_are_one_line_and_leave_nothing(name, seed_trig, tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    cases = {folder: f"Error: {folder}: is a folder; give a file name to write",
             blocker / "x.out": f"Error: {blocker / 'x.out'}: cannot write: {blocker} is a file, not a folder"}
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        cases[locked / "x.out"] = f"Error: {locked / 'x.out'}: cannot write: Permission denied"
    for target, message in cases.items():
        result = invoke(name, target, seed_trig, tmp_path)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert result.output.strip().splitlines()[-1] == message
    leftovers = [p.name for p in tmp_path.rglob("*.tmp")]
    assert leftovers == []
