from dataclasses import replace

from iwmo_ijw.layout import Layout
from validators.findings import Finding, Severity
from validators.rules.registry import Level, rule

EVERY_MESSAGE = (
    "JW301",
    "JW302",
    "JW305",
    "JW306",
    "JW307",
    "JW308",
    "JW315",
    "JW316",
    "JW317",
    "JW318",
    "JW319",
    "JW320",
    "JW323",
    "JW325",
)


# iJw only: the iWmo catalogue at hand has no OP192 (a test keeps iWmo claims to its catalogue).
@rule(
    "OP192",
    retourcode=None,
    messages=EVERY_MESSAGE,
    level=Level.TECHNICAL,
    streaming=False,
    standards=("iJw",),
)
def op192(ctx, bericht):
    """A sent message meets the technical requirements: UTF-8 without byte-order mark, CR/LF, .xml.

    The national validation refuses a file with a byte-order mark or in another encoding
    (errors here too). Line ends other than CR/LF, more than one element on a line and a
    file name without the .xml extension are warnings: the content can still be read, but a
    receiver may refuse the file.
    """
    message = ctx.message
    lazy = message._extra.get("layout")
    layout: Layout | None = lazy.get() if lazy is not None else None
    encoding = (message.tree.docinfo.encoding or "UTF-8").upper()
    if encoding not in ("UTF-8", "UTF8"):
        yield _finding(ctx, Severity.ERROR, 1, "encoding", encoding=encoding)
    if layout is None:
        return  # parsed from a tree, not from bytes: nothing about the file is known
    if layout.bom:
        yield _finding(ctx, Severity.ERROR, 1, "bom")
    if layout.bare_line_ends:
        yield _finding(
            ctx, Severity.WARNING, layout.first_bare_line, "line_ends", count=layout.bare_line_ends
        )
    if layout.crowded_line is not None:
        yield _finding(ctx, Severity.WARNING, layout.crowded_line, "crowded")
    name = message.source
    if name and not name.startswith("<") and not name.lower().endswith(".xml"):
        yield _finding(ctx, Severity.WARNING, None, "extension")


def _finding(ctx, severity: Severity, line: int | None, kind: str, **values) -> Finding:
    # The file's layout has lines, not elements: the finding names the line itself.
    return replace(ctx.finding(None, key=kind, severity=severity, **values), line=line)
