"""What the bytes of a message file look like, beside what they mean: the national validation's
technical requirements (OP192) are about the file, which the parsed tree no longer shows.

Scanned only when OP192 is checked (`lazy`), with C-speed searches (count, find and one
regular expression), block by block, so it never holds a copy of a large file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Two tags on one line: `>` then, after blanks only, `<`. Whether the pair is one element
# (`<a></a>`) is decided per match, so a well-laid-out file costs one pass.
_TAG_PAIR = re.compile(rb">[ \t]*<")


@dataclass(frozen=True, slots=True)
class Layout:
    """Facts about the file; line numbers are 1-based, None when the file has no such line."""

    bom: bool = False
    bare_line_ends: int = 0  # line ends that are not CR/LF (a lone LF or CR)
    first_bare_line: int | None = None
    crowded_line: int | None = None  # first line holding more than one element


# A memory-mapped file is read in blocks of whole lines: a map has no count(), and a block
# copied into bytes is small beside the parse.
BLOCK = 8 * 1024 * 1024


class LazyLayout:
    """The layout of a file, scanned on first use: a validation that does not check OP192 (the
    library's default) does not pay for it. Small files keep their bytes; large files are
    mapped again from their path."""

    def __init__(self, data: bytes | None = None, path: str | None = None):
        self._data, self._path, self._layout = data, path, None

    def get(self) -> Layout | None:
        """The layout, scanned now if not yet; None when there is neither data nor path."""
        if self._layout is None:
            if self._data is not None:
                self._layout = scan(self._data)
            elif self._path is not None:
                self._layout = _scan_path(self._path)
            self._data = None
        return self._layout


def _scan_path(path: str) -> Layout | None:
    import mmap

    try:
        with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return scan(view)
    except (OSError, ValueError):
        return None  # gone or changed since it was parsed: nothing to say about it


def scan(data) -> Layout:
    """Layout of `data` (bytes or a memory map)."""
    bom = any(data[: len(b)] == b for b in BOMS)
    bare = 0
    first_bare = crowded = None
    lines_before = 0
    for block in _blocks(data):
        lf = block.count(b"\n")
        found = _block_bare(block, lf)
        bare += found
        if found and first_bare is None:
            first_bare = lines_before + _first_bare(block)
        if crowded is None:
            line = _first_crowded(block)
            crowded = None if line is None else lines_before + line
        lines_before += lf
    return Layout(bom=bom, bare_line_ends=bare, first_bare_line=first_bare, crowded_line=crowded)


def _blocks(data):
    if isinstance(data, bytes) and len(data) <= BLOCK:
        yield data
        return
    start, size = 0, len(data)
    while start < size:
        end = min(start + BLOCK, size)
        if end < size:
            cut = data.rfind(b"\n", start, end)
            end = cut + 1 if cut != -1 else end
        yield bytes(data[start:end])
        start = end


def _block_bare(block: bytes, lf: int) -> int:
    # A block without any CR (the common LF-only file) needs no count of CR/LF pairs.
    if block.find(b"\r") == -1:
        return lf
    crlf = block.count(b"\r\n")
    return lf - crlf + block.count(b"\r") - crlf


def _line_of(data, pos: int) -> int:
    lf = data.count(b"\n", 0, pos)
    return lf + 1 if lf or data.find(b"\n") != -1 else data.count(b"\r", 0, pos) + 1


def _first_bare(data) -> int | None:
    pos = data.find(b"\n")
    while pos != -1:
        if pos == 0 or data[pos - 1] != 0x0D:
            return _line_of(data, pos)
        pos = data.find(b"\n", pos + 1)
    pos = data.find(b"\r")
    while pos != -1:
        if data[pos + 1 : pos + 2] != b"\n":
            return _line_of(data, pos)
        pos = data.find(b"\r", pos + 1)
    return None


def _first_crowded(data) -> int | None:
    for match in _TAG_PAIR.finditer(data):
        after = data[match.end() : match.end() + 1]
        if after in (b"!", b"?"):
            continue  # a comment or processing instruction beside an element is no second element
        if after == b"/" and not _closes_element(data, match.start()):
            continue  # `<a></a>`, `<a>text</a>`: one element on its line
        return _line_of(data, match.start())
    return None


def _closes_element(data, gt: int) -> bool:
    """Whether the tag ending at `gt` is an end tag or an empty-element tag."""
    lt = data.rfind(b"<", 0, gt)
    return data[lt + 1 : lt + 2] == b"/" or data[gt - 1 : gt] == b"/"


def conforming(node) -> bytes:
    """`node` (an element or tree) as a file that meets OP192: UTF-8 without a byte-order mark,
    one element per line, CR/LF line ends. Indenting adds only whitespace between elements,
    which iJw's element-only content ignores; CR/LF inside a text reads back as LF."""
    from lxml import etree

    root = node.getroot() if hasattr(node, "getroot") else node
    copy = etree.fromstring(etree.tostring(root))
    etree.indent(copy, space="  ")
    text = etree.tostring(copy, xml_declaration=True, encoding="UTF-8") + b"\n"
    return text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
