"""Bytes to text: takes the raw bytes of a file or record and returns the decoded string.

Detects UTF-8 (with or without BOM), UTF-16 (with or without BOM) and the legacy Arabic code
pages windows-1256 and ISO-8859-6 (via charset-normalizer); refuses binary data.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from hadath.ingest.records import InputProblem

# Signatures of common binary formats people leave in news folders (images, PDFs, archives).
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM",
    b"RIFF", b"\x00\x00\x01\x00", b"ID3", b"\x7fELF", b"OggS", b"fLaC",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy code pages tried when charset-normalizer is unsure; Arabic pages are one of these.
_ARABIC_CODEPAGES = ("cp1256", "iso8859_6")


def decode_bytes(data: bytes) -> str:
    """Decode `data` to text, or raise InputProblem("binary file" / "empty" / ...)."""
    if not data.strip():
        raise InputProblem("empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    if data.startswith(_BINARY_MAGIC):
        raise InputProblem("binary file")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:8192]:
        raise InputProblem("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputProblem(f"cannot decode as {encoding}: {exc.reason} at byte {exc.start}")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte for ASCII, or a fixed high byte for Arabic."""
    head = data[:4096]
    # Spaces and newlines in UTF-16 carry a NUL byte; text without NULs is not UTF-16.
    if len(head) < 4 or len(head) % 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for encoding, high in (("utf-16-le", odd), ("utf-16-be", even)):
        # Arabic letters U+0600–U+06FF put 0x06 in the high byte; ASCII puts 0x00 there.
        if sum(b in (0x00, 0x06) for b in high) >= 0.9 * len(high):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _detect_legacy(data: bytes) -> str:
    best = from_bytes(data[:200_000]).best()
    candidates: list[str] = []
    if best is not None:
        candidates.append(best.encoding)
    candidates.extend(_ARABIC_CODEPAGES)
    decoded: list[tuple[float, str]] = []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        decoded.append((_arabic_share(text), text))
        if encoding == candidates[0] and decoded[-1][0] > 0.5:
            return text  # charset-normalizer's choice reads as Arabic: trust it
    if not decoded:
        raise InputProblem("cannot decode: not UTF-8, UTF-16 or a known Arabic code page")
    return max(decoded, key=lambda pair: pair[0])[1]


def _arabic_share(text: str) -> float:
    letters = [c for c in text[:20_000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)
