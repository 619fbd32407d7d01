"""The one-time enrolment code that authenticates a master package, and the keys derived from it.

The centre shows a code when it writes a master package ("K7QF-2M9X-R4TA-HW3C", 16 characters of an
alphabet without 0/O and 1/I: 80 bits); the laptop's operator types it. Nothing secret is in the package:
from the code and the package's id both sides derive (PBKDF2-HMAC-SHA256, then HMAC as a key expansion)

* the key of the manifest's HMAC (``manifest.sig``): an edited master package, or a wrong code, is refused;
* the laptop's signing key for its field packages (the existing HMAC scheme), which the centre stores
  in ``sync_key`` when it writes the package and the laptop when it is set up.

Someone holding the package file but not the code would have to try 2^80 codes at PBKDF2's cost each.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16
ITERATIONS = 20_000  # the code's 80 bits carry the strength; stretching only slows a guesser further
_SALT = b"kinerja-desktop/paket-induk/"


def new_code() -> str:
    """A fresh enrolment code, grouped by four for reading aloud and typing."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_code(raw)


def format_code(code: str) -> str:
    raw = normalise_code(code) or code
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_code(text: str) -> str | None:
    """The code as typed (any case, spaces or dashes) in canonical form, or None when it cannot be one."""
    raw = re.sub(r"[\s\-]", "", text or "").upper()
    if len(raw) != CODE_LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return raw


class EnrolmentKeys:
    """The keys of one master package, derived once from its code and id (PBKDF2: ≈ 10 ms)."""

    def __init__(self, code: str, package_id: str) -> None:
        raw = normalise_code(code)
        if raw is None:
            raise ValueError("not an enrolment code")
        self._master = hashlib.pbkdf2_hmac(
            "sha256", raw.encode("ascii"), _SALT + package_id.encode("ascii"), ITERATIONS
        )

    def _expand(self, purpose: str) -> str:
        return hmac.new(self._master, purpose.encode("ascii"), hashlib.sha256).hexdigest()

    @property
    def manifest_key(self) -> str:
        """Hex key of the HMAC over the master package's manifest."""
        return self._expand("manifest")

    def field_key(self, key_id: str) -> str:
        """Hex key with which the laptop enrolled by this package signs its field packages."""
        return self._expand(f"kunci-lapangan:{key_id}")
