"""The built wheel carries the package's data: installed (not editable) into a fresh virtual
environment, it runs the seed from a folder outside the checkout.

Slow (about a minute: a wheel build and a venv); the project's dependencies are taken from the
running environment through a .pth file, so nothing is downloaded but the build backend.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding only the built wheel of this checkout (dependencies via .pth)."""
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the tracked files")
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"  # a copy of the tracked files: a build never writes into the checkout
    files = _run(["git", "ls-files", "-co", "--exclude-standard"], ROOT).splitlines()
    for name in files:
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(src), "-w", str(tmp / "dist")], tmp)
    (wheel,) = (tmp / "dist").glob("newsevents-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp).strip())
    deps = sysconfig.get_paths()["purelib"]
    (site / "zz_newsevents_deps.pth").write_text(deps + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps", str(wheel)], tmp)
    return env_dir


def test_the_wheel_runs_the_seed_outside_the_checkout(wheel_env: Path, tmp_path: Path) -> None:
    py = wheel_env / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = _run([str(py), "-c", "import pipeline.resources as r; print(r.models_dir())"], tmp_path, env)
    assert str(wheel_env) in where, "the data must come from the installed package"
    _run([str(py), "-m", "pipeline", "run", str(ROOT / "seeds"), "--out", str(tmp_path / "out")], tmp_path, env)
    events = (tmp_path / "out" / "events.csv").read_text(encoding="utf-8").splitlines()
    assert len(events) > 1 and "KZ" in "\n".join(events)
