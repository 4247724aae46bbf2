"""Run every benchmark scenario in bench/ (files named scenario_*.py) one after another."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    selected = sys.argv[1:]
    failures = 0
    for script in sorted(HERE.glob("scenario_*.py")):
        if selected and not any(name in script.stem for name in selected):
            continue
        print(f"\n##### {script.name}", flush=True)
        completed = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        failures += completed.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
