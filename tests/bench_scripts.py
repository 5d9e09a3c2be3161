"""Import the scripts in benchmarks/ (a folder of scripts, not a package) for tests."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tolltrace import config


def load_script(name: str) -> ModuleType:
    """benchmarks/NAME.py as module NAME (once; later calls return the same module).

    benchmarks/ goes on sys.path, as when the script runs, so its own imports of sibling
    scripts resolve; the module is registered because dataclasses look it up by name.
    """
    if name in sys.modules:
        return sys.modules[name]
    folder = config.PROJECT_ROOT / "benchmarks"
    if str(folder) not in sys.path:
        sys.path.append(str(folder))
    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
