"""The README's generated parts (command reference, example output) match the code."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_readme_is_up_to_date_with_the_commands():
    """`cog --check` regenerates every [[[cog]]] block in memory and fails if one differs:
    run `cog -r README.md` after changing a command's help or output."""
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", "README.md"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
