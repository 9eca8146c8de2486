"""Resident ID-card numbers (居民身份证号码, GB 11643): check, mask, keyed hash.

Numbers are never stored in clear: the graph keeps an HMAC-SHA256 under a key that lives in the
graphreg home (mode 0600), and a masked form (first 4 and last 4 characters) for display.

    >>> check_digit("11010519491231002")
    'X'
    >>> validate_id("11010519491231002X")
    '11010519491231002X'
    >>> mask_id("11010519491231002X")
    '1101**********002X'
    >>> len(hash_id("11010519491231002X", b"k"))
    64
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import unicodedata
from pathlib import Path

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits (ISO 7064 MOD 11-2)."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS)) % 11]


def normalise_id(value: str) -> str:
    """Full-width characters folded, spaces removed, ``x`` upper-cased."""
    return unicodedata.normalize("NFKC", value).strip().replace(" ", "").upper()


def validate_id(value: str) -> str:
    """The normalised number, or ``ValueError`` saying what is wrong with it."""
    v = normalise_id(value)
    if len(v) != 18:
        raise ValueError(f"an ID-card number has 18 characters, this one has {len(v)}")
    if not v[:17].isdigit() or not (v[17].isdigit() or v[17] == "X"):
        raise ValueError("an ID-card number is 17 digits and a last digit or X")
    try:
        dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        raise ValueError(f"the birth date {v[6:14]} in the ID-card number is not a date") from None
    if check_digit(v[:17]) != v[17]:
        raise ValueError(f"wrong check digit: the last character should be {check_digit(v[:17])}"
                         " for the first 17 digits (GB 11643)")
    return v


def mask_id(value: str) -> str:
    """First 4 and last 4 characters, the rest as ``*``."""
    v = normalise_id(value)
    return v[:4] + "*" * (len(v) - 8) + v[-4:]


def hash_id(value: str, key: bytes) -> str:
    """Keyed hash (HMAC-SHA256, hex) of the normalised number."""
    return hmac.new(key, normalise_id(value).encode(), hashlib.sha256).hexdigest()


def load_key(home: Path) -> bytes:
    """The hashing key in ``home/id.key``, created (0600) the first time."""
    f = home / "id.key"
    if f.exists():
        return bytes.fromhex(f.read_text().strip())
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    try:
        fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return bytes.fromhex(f.read_text().strip())
    with os.fdopen(fd, "w") as fh:
        fh.write(key.hex() + "\n")
    return key


def make_id(area: str, birth: dt.date, seq: int) -> str:
    """A valid synthetic number: 6-digit area code, birth date, 3-digit sequence, check digit."""
    first17 = f"{area[:6]}{birth:%Y%m%d}{seq % 1000:03d}"
    return first17 + check_digit(first17)
