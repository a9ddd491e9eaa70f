"""The recurring shapes of in-message rules, so each rule file states only its condition.

Conditions read "if A then B must be filled, else B must be empty"; constraints read
"B must satisfy X". Findings go on the element that is wrong, or on its parent when the
element is missing, and name the element and its value in the standard's terms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from operator import mul

from lxml import etree

from iwmo_ijw.xpath import date_of, find, local, text
from validators.findings import Finding
from validators.rules import values
from validators.rules.context import RuleContext

CUTOFF_2020 = date(2020, 12, 31)  # the conditions on Omvang/Frequentie apply to periods after 2020


def filled(node: etree._Element | None, path: str) -> bool:
    """Whether the element at `path` under node exists and holds text or children."""
    if node is None:
        return False
    element = find(node, path)
    return element is not None and (len(element) > 0 or bool((element.text or "").strip()))


def value(node: etree._Element | None, path: str) -> str | None:
    """The stripped text at `path` under node; None when either is absent."""
    return text(node, path) if node is not None else None


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def required(
    ctx: RuleContext, parent: etree._Element, path: str, because: str, **values
) -> Iterator[Finding]:
    """`because` is the English condition; the catalogue's "CODE.required" says it per language
    from `values`."""
    if not filled(parent, path):
        yield ctx.finding(
            parent, key="required", element=_name(path), parent=local(parent), because=because, **values
        )


def forbidden(
    ctx: RuleContext, parent: etree._Element, path: str, because: str, **values
) -> Iterator[Finding]:
    """A finding at the element when `path` is filled although it must stay empty (`because`, as in
    `required`)."""
    if filled(parent, path):
        element = find(parent, path)
        shown = "" if len(element) else f" {(element.text or '').strip()!r}"
        yield ctx.finding(
            element,
            key="forbidden",
            element=_name(path),
            shown=shown,
            parent=local(parent),
            because=because,
            **values,
        )


def exactly_when(
    ctx: RuleContext, parent: etree._Element, path: str, condition: bool, when: str, otherwise: str, **values
) -> Iterator[Finding]:
    """`path` is mandatory when the condition holds and must be empty when it does not."""
    if condition:
        yield from required(ctx, parent, path, when, **values)
    else:
        yield from forbidden(ctx, parent, path, otherwise, **values)


def after_2020(end: date | None) -> bool:
    """An end date that is empty or lies after 31-12-2020 (the Omvang rules of release 3.x)."""
    return end is None or end > CUTOFF_2020


def open_after_2020(node: etree._Element, end_path: str) -> bool:
    """`after_2020` of the end date at `end_path` under node."""
    return after_2020(date_of(node, end_path))


def dagtekening(ctx: RuleContext) -> date | None:
    """The message's Dagtekening, read once per message."""
    key = "checks:dagtekening"
    if key not in ctx.cache:
        ctx.cache[key] = date_of(ctx.root, "Header/BerichtIdentificatie/Dagtekening")
    return ctx.cache[key]


_ELFPROEF_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def elfproef(bsn: str) -> bool:
    """The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − d9 is divisible by 11 (and not all zeros)."""
    if len(bsn) != 9 or not bsn.isdigit() or bsn == "000000000":
        return False
    return sum(map(mul, map(int, bsn), _ELFPROEF_WEIGHTS)) % 11 == 0


def signed(node: etree._Element | None, amount_path: str = "Bedrag") -> int | None:
    """An amount with its DebetCredit sign: credit counts negative (cents)."""
    if node is None:
        return None
    return signed_text(text(node, amount_path), text(node, "DebetCredit"))


def signed_text(amount: str | None, debet_credit: str | None) -> int | None:
    """`signed` on the texts of Bedrag and DebetCredit (for rules reading columns)."""
    if amount is None:
        return None
    amount = amount.strip()
    if amount.startswith("+"):  # xs:integer allows a plus sign: "+5000" is 5000
        amount = amount[1:]
    if not amount.lstrip("-").isdigit():
        return None
    cents = int(amount)
    return -cents if debet_credit is not None and debet_credit.strip() == "C" else cents


def signed_sum(amounts: list[str], debet_credit: list[str]) -> int:
    """The sum of `signed_text` over two columns (`ctx.columns` values), absent or odd ones 0.
    Read once per distinct amount and sign (counted in C): a month's lines repeat them."""
    return sum(
        (signed_text(values.text(a), values.text(dc)) or 0) * lines
        for (a, dc), lines in Counter(zip(amounts, debet_credit, strict=True)).items()
    )


def periods_overlap(a: tuple[date, date | None], b: tuple[date, date | None]) -> bool:
    """Whether two (begin, end) periods share a day; an end of None is open."""
    return (b[1] is None or a[0] <= b[1]) and (a[1] is None or b[0] <= a[1])


# iWmo: products of these categorieen may overlap, also at category level, and one without a
# categorie may overlap only these (the iWmo texts of TR302, TR361, TR386 and TR410).
WMO_STAPELBAAR = frozenset({"11", "12", "13", "14"})


def same_product(
    categorie: str | None,
    code: str | None,
    other_cat: str | None,
    other_code: str | None,
    *,
    iwmo: bool = False,
) -> bool:
    """Whether two products may not overlap in time: the same productcode, else (without one)
    the same categorie, and without a categorie any other product; iWmo excepts WMO_STAPELBAAR."""
    if (
        iwmo
        and (categorie or other_cat)
        and all(c in WMO_STAPELBAAR or not c for c in (categorie, other_cat))
    ):
        return False
    if code and other_code:
        return code == other_code and categorie == other_cat
    if categorie and other_cat:
        return categorie == other_cat
    return True


def _is_iwmo(ctx: RuleContext) -> bool:
    return ctx.message.message_type.standard.name == "iWmo"


def same_product_overlaps(
    ctx: RuleContext, items: list[etree._Element], start_path: str, end_path: str, what: str, skip=None
) -> Iterator[Finding]:
    """A product may repeat only with periods that do not overlap. Without a productcode the
    categorie decides; without a categorie the item may overlap with no other item."""
    seen: list[tuple[str | None, str | None, tuple[date, date | None], etree._Element]] = []
    for item in items:
        if skip is not None and skip(item):
            continue
        start = date_of(item, start_path)
        if start is None:
            continue
        period = (start, date_of(item, end_path))
        categorie, code = value(item, "Product/Categorie"), value(item, "Product/Code")
        for other_cat, other_code, other_period, _other in seen:
            if not periods_overlap(period, other_period):
                continue
            if same_product(categorie, code, other_cat, other_code, iwmo=_is_iwmo(ctx)):
                yield ctx.finding(
                    item,
                    key="overlap",
                    what=what,
                    product=f"{categorie or '-'}/{code or '-'}",
                    begin=period[0],
                    other_begin=other_period[0],
                    other_end=other_period[1],
                )
                break
        seen.append((categorie, code, period, item))
