"""Bytes of a file to text: the encoding told by a byte-order mark, UTF-8, or a fallback said.

A file's bytes are decoded by the first rule that applies:

1. a byte-order mark names the encoding: UTF-8, UTF-16 or UTF-32 (little- or big-endian); the
   mark is not part of the text, and bytes that are not valid in that encoding are an error;
2. NUL bytes: text in UTF-16 without a mark if they all stand at odd positions (little-endian)
   or all at even ones (big-endian) and make a quarter of the bytes or more; otherwise the file
   is binary (:class:`NotTextError`);
3. valid UTF-8 (ASCII among it) is UTF-8;
4. otherwise the text is read as Windows-1252 (the superset of Latin-1 that Windows and old web
   pages write), or as Latin-1 where it holds one of the five bytes Windows-1252 leaves
   undefined: :attr:`Decoded.guessed` says so, and the command line says it on standard error.

Text whose characters are more than 5% control characters (other than tabs, line and page
breaks) is binary too, whatever decoded it.

>>> decode("Café".encode("utf-16"))
Decoded(text='Café', encoding='utf-16', guessed=False)
>>> decode("Café".encode("cp1252"))
Decoded(text='Café', encoding='cp1252', guessed=True)
>>> decode(bytes(range(256)))
Traceback (most recent call last):
...
timeline.decoding.NotTextError: not text: it holds NUL bytes (a binary file, or UTF-32 without \
a byte-order mark)
"""

from __future__ import annotations

import codecs
import os
import re

import attrs

__all__ = ["Decoded", "NotTextError", "decode", "read_text_file"]

# Longest first: UTF-32-LE's mark begins with UTF-16-LE's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 and C1 control characters but tab, line feed, vertical tab, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL = 0.05
_SAMPLE = 1 << 16  # characters looked at for control characters


class NotTextError(ValueError):
    """The bytes are not text in any encoding we read (a binary file, most likely)."""


@attrs.frozen
class Decoded:
    """Decoded text, the codec that decoded it, and whether that codec was a guess (rule 4, or
    UTF-16 without a byte-order mark)."""

    text: str
    encoding: str
    guessed: bool = False


def decode(data: bytes) -> Decoded:
    """The text of ``data``: see the module's rules. Raises :class:`NotTextError` for binary
    data and ``UnicodeDecodeError`` for bytes that break the encoding their mark names."""
    decoded = _decoded(bytes(data))
    sample = decoded.text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL:
        share = f"{controls / len(sample):.0%}"
        raise NotTextError(f"not text: {share} of its characters are control characters")
    return decoded


def read_text_file(path: str | os.PathLike[str]) -> Decoded:
    """The text of a file (:func:`decode` of its bytes)."""
    with open(path, "rb") as f:
        return decode(f.read())


def _decoded(data: bytes) -> Decoded:
    for mark, codec in _MARKS:
        if data.startswith(mark):
            return Decoded(data.decode(codec), codec)
    if b"\x00" in data:
        return _utf16_without_mark(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252", guessed=True)
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 or 0x9D
        return Decoded(data.decode("latin-1"), "latin-1", guessed=True)


def _utf16_without_mark(data: bytes) -> Decoded:
    """UTF-16 without a byte-order mark, told by where its NUL bytes stand; else binary."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 == 0 and 4 * (even + odd) >= len(data) and (even == 0 or odd == 0):
        codec = "utf-16-le" if even == 0 else "utf-16-be"
        try:
            return Decoded(data.decode(codec), codec, guessed=True)
        except UnicodeDecodeError:
            pass
    raise NotTextError(
        "not text: it holds NUL bytes (a binary file, or UTF-32 without a byte-order mark)"
    )
