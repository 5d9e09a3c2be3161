"""`pip install tolltrace` without extras runs `tolltrace process`; `tolltrace report`
without the `report` extra says how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tolltrace import config
from tolltrace.cli import REPORT_EXTRA_MODULES

HEAVY = (*REPORT_EXTRA_MODULES, "jupyterlab", "ipykernel", "dask", "distributed")


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300
    )


def test_process_imports_nothing_of_the_report_stack(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from tolltrace import cli\n"
        "rc = cli.main(['process', sys.argv[1], '--out-dir', sys.argv[2], '--quiet'])\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "sys.exit(rc)\n"
    )
    run = _python(code, str(config.RAW_DIR), str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "claims.csv").is_file()


def test_report_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['papermill'] = None\n"
        "from tolltrace import cli\n"
        "sys.exit(cli.main(['report', '--raw-dir', sys.argv[1], '--reports-dir', sys.argv[2]]))\n"
    )
    run = _python(code, str(config.RAW_DIR), str(tmp_path / "reports"))
    assert run.returncode == 2
    assert "pip install 'tolltrace[report]'" in run.stderr
    assert not (tmp_path / "reports").exists()
