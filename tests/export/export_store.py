"""How the export tests fill a store: the real pipeline (`hadath run` in a subprocess, nothing
mocked) on the example article (Aleppo, 30 November 2024) and on two outlets' reports of one air
strike on a market in Idlib that give different death tolls (27 according to the Syrian
Observatory, via عنب بلدي; 30 according to the Syrian health ministry, via الجزيرة نت)."""
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "aleppo_2024-11-30.txt"
IDLIB = Path(__file__).with_name("idlib_market.jsonl")
PG_URL = os.environ.get("HADATH_TEST_PG_URL")


def run_hadath(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True,
                          text=True, timeout=600, check=False)


def fill_store(db: str) -> None:
    for source, published in ((SEED, "2024-11-30"), (IDLIB, None)):
        args = ["run", str(source), "--db", db] + (["--published", published] if published else [])
        result = run_hadath(*args)
        assert result.returncode == 0, result.stderr
