"""Load Cypher statements by name from the ``cypher/`` folder (installed as ``graphreg.cypher``).

Every statement graphreg runs lives in a ``.cypher`` file named for what it does; Python code
refers to it by that name and passes every value as a parameter. A file may hold several
statements separated by ``;`` on a line of its own end (used for the schema).

    >>> "MATCH" in load("count_households")
    True
    >>> len(statements("schema")) > 5
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """The text of ``cypher/NAME.cypher`` without comment lines."""
    if not _NAME.match(name):
        raise ValueError(f"not a statement name: {name!r}")
    try:
        text = resources.files("graphreg.cypher").joinpath(f"{name}.cypher").read_text("utf-8")
    except FileNotFoundError:
        raise KeyError(f"no statement cypher/{name}.cypher") from None
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("//")]
    return "\n".join(lines).strip()


def statements(name: str) -> list[str]:
    """The statements of a multi-statement file, split on ``;`` at line ends."""
    return [s.strip() for s in re.split(r";\s*$", load(name), flags=re.M) if s.strip()]


def names() -> list[str]:
    """All statement names shipped with graphreg."""
    return sorted(p.name[:-7] for p in resources.files("graphreg.cypher").iterdir()
                  if p.name.endswith(".cypher"))
