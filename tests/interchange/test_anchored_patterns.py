"""A package's identifiers, checksums and member names are checked whole: a value with a line break after it is
not the value (Python's ``$`` matches before a final newline, so ``^…$`` with ``re.match`` let "<uuid>\\n" pass)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kinerja_desktop.interchange as interchange
from kinerja_desktop.interchange.archive import UnsafeMemberError, check_member_name
from kinerja_desktop.interchange.manifest import is_sha256, is_uuid

UUID = "00000000-0000-4000-8000-0000000000e1"
SHA = "a" * 64
ENDINGS = ["\n", "\r\n", " ", "\x00"]


@pytest.mark.parametrize("ending", ENDINGS)
def test_an_id_or_a_checksum_with_anything_after_it_is_refused(ending: str) -> None:
    assert is_uuid(UUID) and is_sha256(SHA)
    assert not is_uuid(UUID + ending)
    assert not is_sha256(SHA + ending)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\x00"])
def test_a_member_name_with_anything_odd_after_it_is_refused(ending: str) -> None:
    check_member_name("p.kinerja-paket", f"bukti/{SHA}")
    with pytest.raises(UnsafeMemberError):
        check_member_name("p.kinerja-paket", f"bukti/{SHA}{ending}")


def test_no_pattern_of_the_interchange_checks_with_a_bare_dollar() -> None:
    # the class, not the one case: every compiled pattern of the package reader's modules that anchors its end
    # anchors it at the very end of the text (\Z), so no check there can be passed with a trailing line break
    folder = Path(interchange.__file__).parent
    dollar = re.compile(r"""re\.compile\(r?["'][^"']*(?<!\\)\$["']""")
    found = [f"{p.name}: {m.group(0)}" for p in sorted(folder.glob("*.py")) for m in dollar.finditer(p.read_text())]
    assert found == []
