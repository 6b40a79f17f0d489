"""Write docs/tables.md from the table contract (src/schema.rs, via newsframe._native).

    python docs/gen_tables.py            # rewrite docs/tables.md
    python docs/gen_tables.py --check    # exit 1 if docs/tables.md is out of date

Needs the package built from this checkout (`maturin develop` or `pip install .`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsframe._schema import markdown

TARGET = Path(__file__).resolve().with_name("tables.md")


def main(argv: list) -> int:
    text = markdown()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python docs/gen_tables.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
