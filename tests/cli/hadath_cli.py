"""How the tests call the command line: `python -m hadath` in a subprocess, nothing mocked."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "aleppo_2024-11-30.txt"


def run_hadath(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
               ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hadath", *args],
        capture_output=True, text=True, cwd=cwd, timeout=300, check=False, env=env,
    )
