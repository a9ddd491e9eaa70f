from iwmo_ijw.layout import Layout
from validators.findings import Finding, Severity
from validators.registry import Level, rule

EVERY_MESSAGE = ("JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317", "JW318",
                 "JW319", "JW320", "JW323", "JW325")


# iJw only: the iWmo catalogue at hand has no OP192 (a test keeps iWmo claims to its catalogue).
@rule("OP192", retourcode=None, messages=EVERY_MESSAGE, level=Level.TECHNICAL, streaming=False,
      standards=("iJw",))
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
        yield _finding(ctx, Severity.ERROR, 1, f"het bestand is in {encoding} gecodeerd, niet in UTF-8 "
                                               f"(the file is encoded in {encoding}, not UTF-8)")
    if layout is None:
        return  # parsed from a tree, not from bytes: nothing about the file is known
    if layout.bom:
        yield _finding(ctx, Severity.ERROR, 1, "het bestand begint met een byte-order mark (BOM) "
                                               "(the file starts with a byte-order mark)")
    if layout.bare_line_ends:
        yield _finding(ctx, Severity.WARNING, layout.first_bare_line,
                       f"{layout.bare_line_ends} regeleinde(n) zijn geen CR/LF "
                       f"({layout.bare_line_ends} line end(s) are not CR/LF)")
    if layout.crowded_line is not None:
        yield _finding(ctx, Severity.WARNING, layout.crowded_line,
                       "meer dan één element op een regel (more than one element on a line)")
    name = message.source
    if name and not name.startswith("<") and not name.lower().endswith(".xml"):
        yield _finding(ctx, Severity.WARNING, None, "de bestandsnaam eindigt niet op .xml "
                                                    "(the file name does not end in .xml)")


def _finding(ctx, severity: Severity, line: int | None, message: str) -> Finding:
    return Finding(code="OP192", severity=severity, retourcode=None, message=message, xpath=None, line=line,
                   file=ctx.message.source, message_type=ctx.message.message_type.code)
