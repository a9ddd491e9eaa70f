"""SYNTHETIC declarations (JW323) of the demo's gemeenten, for `registry impact` on the demo data.

One file per gemeente of two jeugdregio's, for March 2026: a Prestatie for each of the
gemeente's codes valid then, at a tariff around a common one per eenheid (each gemeente a few
percent off, one of them far above: the outlier the impact table should name). Seeded: the
same seed gives the same files.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from productcodes.demo.landscape import Landscape

MONTH = (date(2026, 3, 1), date(2026, 3, 31))
# cents per eenheid, around what the demo's contract tariffs use
BASE_TARIEF = {"01": 137, "04": 8200, "14": 14500, "16": 29000, "82": 125000, "83": 1, "84": 5000}
VOLUME = {
    "01": (60, 600),
    "04": (2, 20),
    "14": (5, 31),
    "16": (2, 12),
    "82": (1, 1),
    "83": (100_000, 500_000),
    "84": (1, 8),
}
# In eenheid 83 (euro's) the volume is the amount itself: no tariff (the message leaves it out).
FIXED = {"83"}
NS = "http://www.istandaarden.nl/ijw/3_2/jw323/schema"
BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"


def _prestatie(n: int, categorie: str, code: str, volume: int, eenheid: str, tarief: int) -> tuple[str, int]:
    bedrag = volume * tarief
    tarief_xml = "" if eenheid in FIXED else f"<ProductTarief>{tarief}</ProductTarief>"
    return (
        f"<Prestatie><ProductReferentie><b:ReferentieNummer>DEMO-{n:06d}</b:ReferentieNummer>"
        f"</ProductReferentie><ToewijzingNummer>{260000 + n}</ToewijzingNummer>"
        f"<ProductCategorie>{categorie}</ProductCategorie><ProductCode>{code}</ProductCode>"
        f"<ProductPeriode><b:Begindatum>{MONTH[0]}</b:Begindatum><b:Einddatum>{MONTH[1]}</b:Einddatum>"
        f"</ProductPeriode><GeleverdVolume>{volume}</GeleverdVolume><Eenheid>{eenheid}</Eenheid>"
        f"{tarief_xml}<IngediendBedrag><b:Bedrag>{bedrag}</b:Bedrag>"
        f"<b:DebetCredit>D</b:DebetCredit></IngediendBedrag></Prestatie>",
        bedrag,
    )


def _message(gemeente: str, body: str, total: int, number: int) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Bericht xmlns="{NS}" xmlns:b="{BASIS}"><Header>'
        "<BerichtCode>490</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>"
        f"<Afzender>12000001</Afzender><Ontvanger>{gemeente}</Ontvanger><BerichtIdentificatie>"
        f"<b:Identificatie>DEMO{number:06d}</b:Identificatie><b:Dagtekening>2026-04-03</b:Dagtekening>"
        "</BerichtIdentificatie><XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie>"
        "<b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></XsdVersie></Header><Declaratie>"
        f"<DeclaratieNummer>DEMO{number:06d}</DeclaratieNummer><DeclaratiePeriode>"
        f"<b:Begindatum>{MONTH[0]}</b:Begindatum><b:Einddatum>{MONTH[1]}</b:Einddatum></DeclaratiePeriode>"
        "<DeclaratieDagtekening>2026-04-03</DeclaratieDagtekening><TotaalIngediendBedrag>"
        f"<b:TotaalBedrag>{total}</b:TotaalBedrag><b:DebetCredit>D</b:DebetCredit></TotaalIngediendBedrag>"
        f"<Clienten><Client><Bsn>100000009</Bsn><Prestaties>{body}</Prestaties></Client></Clienten>"
        "</Declaratie></Bericht>\n"
    )


def write_declaraties(folder: Path, land: Landscape, seed: int = 2026, regios: int = 2) -> list[Path]:
    """JW323 files for the gemeenten of the first `regios` jeugdregio's; returns the files written."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    wanted = list(dict.fromkeys(g.jeugdregio for g in land.gemeenten))[:regios]
    gemeenten = [g.gemeentecode for g in land.gemeenten if g.jeugdregio in wanted and g.geldig_tot is None]
    outlier = gemeenten[-1] if gemeenten else None
    written, n = [], 0
    for number, gemeente in enumerate(gemeenten, 1):
        offset = 1.8 if gemeente == outlier else 1 + rnd.uniform(-0.05, 0.05)
        parts, total = [], 0
        for m in land.municipal:
            if (
                m.gemeentecode != gemeente
                or m.eenheid is None
                or not (m.geldig_van <= MONTH[0] and (m.geldig_tot is None or MONTH[0] <= m.geldig_tot))
            ):
                continue
            n += 1
            low, high = VOLUME[m.eenheid]
            xml, bedrag = _prestatie(
                n,
                m.productcategorie,
                m.productcode,
                rnd.randint(low, high),
                m.eenheid,
                BASE_TARIEF[m.eenheid] if m.eenheid in FIXED else round(BASE_TARIEF[m.eenheid] * offset),
            )
            parts.append(xml)
            total += bedrag
        if parts:
            path = folder / f"JW323-{gemeente}-2026-03.xml"
            path.write_text(_message(gemeente, "".join(parts), total, number), encoding="utf-8")
            written.append(path)
    return written
