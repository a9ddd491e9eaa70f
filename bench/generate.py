"""Synthetic iJw messages of any size for benchmarks, written as a stream (constant memory).

The data is the project's own and clearly fictional: gemeente 7001, AGB 12000001,
BSNs that pass the elfproef but lie in a range (1000000xx…) reserved here for test data.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, time, timedelta
from pathlib import Path

NS = "http://www.istandaarden.nl/ijw/3_2"
PRESTATIES_PER_CLIENT = 4
GEMEENTE, AANBIEDER = "7001", "12000001"
GENERATION = 2  # part of the benchmark's file names: files of an older generator are not reused
# Product 45N0k is declared at the k-th tariff, as its contract in `bench_registry` says.
TARIEVEN = (6500, 7250, 8800, 9900)


def bsn(i: int) -> str:
    """A distinct 9-digit number per i that passes the elfproef (test data only).

    Two candidate prefixes belong to each i alone; the check digit makes the sum divisible
    by 11, which fails only when it would have to be 10 (then the next candidate is used).
    """
    for prefix in (10_000_000 + 2 * i, 10_000_001 + 2 * i, 60_000_000 + i):
        digits = f"{prefix:08d}"
        check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return digits + str(check)
    raise ValueError(f"no BSN for {i}")


def _header(code: str, berichtcode: str, ident: str, dagtekening: date) -> str:
    return (
        f"<{code}:Header><{code}:BerichtCode>{berichtcode}</{code}:BerichtCode>"
        f"<{code}:BerichtVersie>3</{code}:BerichtVersie><{code}:BerichtSubversie>2</{code}:BerichtSubversie>"
        f"<{code}:Afzender>12000001</{code}:Afzender><{code}:Ontvanger>7001</{code}:Ontvanger>"
        f"<{code}:BerichtIdentificatie><ijw:Identificatie>{ident}</ijw:Identificatie>"
        f"<ijw:Dagtekening>{dagtekening}</ijw:Dagtekening></{code}:BerichtIdentificatie>"
        f"<{code}:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>"
        f"<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></{code}:XsdVersie></{code}:Header>\n"
    )


def _clients(prestaties: int, seed: int, month: date, end: date, first_client: int = 0, wrong_every: int = 0):
    """(client XML, amount) pairs; deterministic, so two passes see the same data.

    With `wrong_every` N, every Nth Prestatie declares one cent more than volume × tarief (a
    tariff change missed on 1 January looks like this); the total still adds up."""
    rnd = random.Random(seed)
    n_clients = max(1, prestaties // PRESTATIES_PER_CLIENT)
    for c in range(first_client, first_client + n_clients):
        share = PRESTATIES_PER_CLIENT
        if c == first_client + n_clients - 1:
            share = prestaties - PRESTATIES_PER_CLIENT * (n_clients - 1)
        body, amount = [], 0
        for p in range(share):
            volume, tarief = rnd.randint(1, 40), TARIEVEN[p % 4]
            bedrag = volume * tarief
            if wrong_every and (c * PRESTATIES_PER_CLIENT + p) % wrong_every == 0:
                bedrag += 1
            amount += bedrag
            body.append(
                f"<jw323:Prestatie><jw323:ProductReferentie>"
                f"<ijw:ReferentieNummer>R{c:08d}{p:03d}</ijw:ReferentieNummer>"
                f"</jw323:ProductReferentie><jw323:ToewijzingNummer>{c * 10 + p}</jw323:ToewijzingNummer>"
                f"<jw323:ProductCategorie>45</jw323:ProductCategorie>"
                f"<jw323:ProductCode>45N0{p % 4 + 1}</jw323:ProductCode>"
                f"<jw323:ProductPeriode><ijw:Begindatum>{month}</ijw:Begindatum><ijw:Einddatum>{end}</ijw:Einddatum>"
                f"</jw323:ProductPeriode><jw323:GeleverdVolume>{volume}</jw323:GeleverdVolume>"
                f"<jw323:Eenheid>04</jw323:Eenheid><jw323:ProductTarief>{tarief}</jw323:ProductTarief>"
                f"<jw323:IngediendBedrag><ijw:Bedrag>{bedrag}</ijw:Bedrag><ijw:DebetCredit>D</ijw:DebetCredit>"
                f"</jw323:IngediendBedrag></jw323:Prestatie>"
            )
        xml = (
            f"<jw323:Client><jw323:Bsn>{bsn(c)}</jw323:Bsn><jw323:Prestaties>{''.join(body)}"
            f"</jw323:Prestaties></jw323:Client>\n"
        )
        yield xml, amount


def bench_registry():
    """The registry the generated messages were written against: gemeente 7001, its four
    products 45N01…45N04 (hours) mapped onto national products, and the contract tariffs of
    aanbieder 12000001. With it every registry rule has something to check, and finds it right."""
    from productcodes.records import (
        GemeenteRow,
        MappingRow,
        MunicipalProductRow,
        NationalProductRow,
        TariefRow,
    )
    from validators.sources.snapshot import RegistrySnapshot

    since = date(2020, 1, 1)
    codes = [f"45N0{k + 1}" for k in range(4)]
    return RegistrySnapshot.from_rows(
        gemeenten=[GemeenteRow(GEMEENTE, "Proefstad", "JR99", geldig_van=since)],
        national=[
            (
                "LPJ",
                NationalProductRow(
                    f"LP{k + 1:03d}",
                    f"landelijk product {k + 1}",
                    "45",
                    "inspanningsgericht",
                    ("01", "04"),
                    geldig_van=since,
                ),
            )
            for k in range(4)
        ],
        municipal=[
            MunicipalProductRow(GEMEENTE, "45", code, f"product {code}", "inspanningsgericht", "04", since)
            for code in codes
        ],
        mappings=[
            MappingRow(GEMEENTE, "45", code, f"LP{k + 1:03d}", since, status="approved")
            for k, code in enumerate(codes)
        ],
        tarieven=[
            TariefRow(AANBIEDER, GEMEENTE, "45", code, TARIEVEN[k], "04", since)
            for k, code in enumerate(codes)
        ],
    )


def write_jw323(
    path: Path,
    prestaties: int,
    seed: int = 323,
    month: date = date(2026, 10, 1),
    first_client: int = 0,
    wrong_every: int = 0,
) -> int:
    """Write a JW323 declaration with `prestaties` lines; returns the TotaalIngediendBedrag in cents.

    The total stands before the lines in the message, so a first pass only adds up.
    """
    end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    total = sum(amount for _, amount in _clients(prestaties, seed, month, end, first_client, wrong_every))
    dagtekening = end + timedelta(days=5)
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<jw323:Bericht xmlns:ijw="{NS}/basisschema/schema" xmlns:jw323="{NS}/jw323/schema">\n')
        out.write(_header("jw323", "490", f"B323-{seed}", dagtekening))
        out.write(
            f"<jw323:Declaratie><jw323:DeclaratieNummer>D{seed}</jw323:DeclaratieNummer>"
            f"<jw323:DeclaratiePeriode><ijw:Begindatum>{month}</ijw:Begindatum><ijw:Einddatum>{end}</ijw:Einddatum>"
            f"</jw323:DeclaratiePeriode><jw323:DeclaratieDagtekening>{dagtekening}</jw323:DeclaratieDagtekening>"
            f"<jw323:TotaalIngediendBedrag><ijw:TotaalBedrag>{total}</ijw:TotaalBedrag>"
            f"<ijw:DebetCredit>D</ijw:DebetCredit></jw323:TotaalIngediendBedrag><jw323:Clienten>\n"
        )
        for xml, _ in _clients(prestaties, seed, month, end, first_client, wrong_every):
            out.write(xml)
        out.write("</jw323:Clienten></jw323:Declaratie></jw323:Bericht>\n")
    return total


def write_jw301(path: Path, client: int, products: int = PRESTATIES_PER_CLIENT, year: int = 2026) -> None:
    """A toewijzing for client `client`: products 45N01… with ToewijzingNummer client*10+p,
    40 hours a month all year, the counterpart of what `write_jw323` declares."""
    from iwmo_ijw.builder import header_for, new
    from iwmo_ijw.layout import conforming
    from iwmo_ijw.models import to_element
    from iwmo_ijw.models.base import node_class as n

    toegewezen = [
        n("JW301ToegewezenProduct")(
            toewijzing_nummer=str(client * 10 + p),
            product=n("Product")(categorie="45", code=f"45N0{p % 4 + 1}"),
            toewijzingsdatum=date(year - 1, 12, 15),
            toewijzingstijd=time(9, 0),
            ingangsdatum=date(year, 1, 1),
            einddatum=date(year, 12, 31),
            omvang=n("Omvang")(volume=40, eenheid="04", frequentie="4"),
        )
        for p in range(products)
    ]
    contact = n("JW301Contact")(soort="01", adres=n("Adres")(postcode="9999ZZ", plaatsnaam="Voorbeeldstad"))
    message = new(
        "JW301",
        header=header_for(
            "JW301",
            afzender="7001",
            ontvanger="12000001",
            identificatie=f"T{client:011d}",
            dagtekening=date(year - 1, 12, 15),
        ),
        client=n("JW301Client")(
            bsn=bsn(client),
            geboortedatum=n("Geboortedatum")(datum=date(2012, 1, 1) + timedelta(days=client % 3000)),
            geslacht="0",
            naam=n("VolledigeNaam")(
                geslachtsnaam=n("Achternaam")(achternaam="Testpersoon"), naam_gebruik="1"
            ),
            contactgegevens=n("JW301Contactgegevens")(contact=[contact]),
            toegewezen_producten=n("JW301ToegewezenProducten")(toegewezen_product=toegewezen),
        ),
    )
    path.write_bytes(conforming(to_element(message)))


def write_month(
    folder: Path, toewijzingen: int = 100_000, prestaties: int = 100_000, per_declaration: int = 10_000
) -> tuple[list[Path], list[Path]]:
    """A month of traffic: JW301 files (history) and JW323 files declaring against them."""
    history, declarations = folder / "toewijzingen", folder / "declaraties"
    history.mkdir(parents=True, exist_ok=True)
    declarations.mkdir(parents=True, exist_ok=True)
    clients = toewijzingen // PRESTATIES_PER_CLIENT
    jw301 = []
    for c in range(clients):
        path = history / f"JW301-{c:06d}.xml"
        if not path.exists():
            write_jw301(path, c)
        jw301.append(path)
    jw323 = []
    for i, first in enumerate(range(0, prestaties, per_declaration)):
        path = declarations / f"JW323-{i:03d}.xml"
        if not path.exists():
            size = min(per_declaration, prestaties - first)
            write_jw323(path, size, seed=1000 + i, first_client=first // PRESTATIES_PER_CLIENT)
        jw323.append(path)
    return jw301, jw323


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--prestaties", type=int, default=10_000)
    args = parser.parse_args()
    write_jw323(args.out, args.prestaties)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {args.prestaties} Prestaties)")


if __name__ == "__main__":
    main()
