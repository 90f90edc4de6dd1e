"""Bytes → text: UTF-8 (with or without BOM), UTF-16/32, Windows-1256; binary is refused.

Order matters: a BOM is authoritative; strict UTF-8 is tried before anything statistical because
valid UTF-8 is almost never an accident; UTF-16 without a BOM shows as NUL bytes in every other
position; cp1256 is the legacy Arabic code page still found in old archives; charset-normalizer
decides whatever is left.
"""

from __future__ import annotations

import codecs

from qala.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A text in a single-byte or UTF-8 encoding has (almost) no control bytes; above this share of
# C0 controls other than tab/newline/CR/form-feed the bytes are taken as binary.
MAX_CONTROL_SHARE = 0.02
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    # Arabic in UTF-16 has 0x06 high bytes, Latin has 0x00: either way one half is low-entropy.
    even_06 = sample[0::2].count(6) / len(sample[0::2])
    odd_06 = sample[1::2].count(6) / max(1, len(sample[1::2]))
    if odd_nul + odd_06 > 0.6 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul + even_06 > 0.6 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def _arabic_share(text: str) -> float:
    letters = [c for c in text[:5000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decoded text and the encoding used. Raises `DecodeError` for binary or unknown bytes."""
    if not data:
        return "", "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not valid {enc}: {exc}") from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise DecodeError("binary data (NUL bytes): not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:65536]
    controls = sum(sample.count(bytes([b])) for b in _CONTROL)
    if controls / len(sample) > MAX_CONTROL_SHARE:
        raise DecodeError("binary data (control bytes): not a text document")
    try:
        text = data.decode("cp1256")
        if _arabic_share(text) > 0.5:
            return text, "cp1256"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise DecodeError("cannot determine the text encoding")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"cannot decode as {best.encoding}: {exc}") from exc
