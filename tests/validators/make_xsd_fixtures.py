"""Writes tests/fixtures/rules/<RS/CS code>/{good,bad}.xml from one base JW323 of the project's own.

Run by hand after changing the base or a mutation: `.venv/bin/python -m tests.validators.make_xsd_fixtures`.
The generated files are committed; the fixture runner reads those, not this script.
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"

BASE = """<?xml version="1.0" encoding="UTF-8"?>
<b:Bericht xmlns:b="http://www.istandaarden.nl/ijw/3_2/jw323/schema" xmlns:c="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  <b:Header>
    <b:BerichtCode>490</b:BerichtCode>
    <b:BerichtVersie>3</b:BerichtVersie>
    <b:BerichtSubversie>2</b:BerichtSubversie>
    <b:Afzender>12340007</b:Afzender>
    <b:Ontvanger>0599</b:Ontvanger>
    <b:BerichtIdentificatie>
      <c:Identificatie>DCL2026-0917</c:Identificatie>
      <c:Dagtekening>2026-10-05</c:Dagtekening>
    </b:BerichtIdentificatie>
    <b:XsdVersie>
      <c:BasisschemaXsdVersie>1.0.0</c:BasisschemaXsdVersie>
      <c:BerichtXsdVersie>1.0.0</c:BerichtXsdVersie>
    </b:XsdVersie>
  </b:Header>
  <b:Declaratie>
    <b:DeclaratieNummer>SEP2026A</b:DeclaratieNummer>
    <b:DeclaratiePeriode>
      <c:Begindatum>2026-09-01</c:Begindatum>
      <c:Einddatum>2026-09-30</c:Einddatum>
    </b:DeclaratiePeriode>
    <b:DeclaratieDagtekening>2026-10-05</b:DeclaratieDagtekening>
    <b:TotaalIngediendBedrag>
      <c:TotaalBedrag>31200</c:TotaalBedrag>
      <c:DebetCredit>D</c:DebetCredit>
    </b:TotaalIngediendBedrag>
    <b:Clienten>
      <b:Client>
        <b:Bsn>999911120</b:Bsn>
        <b:Prestaties>
          <b:Prestatie>
            <b:ProductReferentie>
              <c:ReferentieNummer>PRJ-0042</c:ReferentieNummer>
            </b:ProductReferentie>
            <b:ToewijzingNummer>80451</b:ToewijzingNummer>
            <b:ProductCategorie>54</b:ProductCategorie>
            <b:ProductCode>54001</b:ProductCode>
            <b:ProductPeriode>
              <c:Begindatum>2026-09-01</c:Begindatum>
              <c:Einddatum>2026-09-30</c:Einddatum>
            </b:ProductPeriode>
            <b:GeleverdVolume>12</b:GeleverdVolume>
            <b:Eenheid>04</b:Eenheid>
            <b:ProductTarief>2600</b:ProductTarief>
            <b:IngediendBedrag>
              <c:Bedrag>31200</c:Bedrag>
              <c:DebetCredit>D</c:DebetCredit>
            </b:IngediendBedrag>
          </b:Prestatie>
        </b:Prestaties>
      </b:Client>
    </b:Clienten>
  </b:Declaratie>
</b:Bericht>
"""

BASE_301 = """<?xml version="1.0" encoding="UTF-8"?>
<t:Bericht xmlns:t="http://www.istandaarden.nl/ijw/3_2/jw301/schema" xmlns:c="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  <t:Header>
    <t:BerichtCode>436</t:BerichtCode>
    <t:BerichtVersie>3</t:BerichtVersie>
    <t:BerichtSubversie>2</t:BerichtSubversie>
    <t:Afzender>0599</t:Afzender>
    <t:Ontvanger>12340007</t:Ontvanger>
    <t:BerichtIdentificatie>
      <c:Identificatie>TW2026-00311</c:Identificatie>
      <c:Dagtekening>2026-08-20</c:Dagtekening>
    </t:BerichtIdentificatie>
    <t:XsdVersie>
      <c:BasisschemaXsdVersie>1.0.0</c:BasisschemaXsdVersie>
      <c:BerichtXsdVersie>1.0.0</c:BerichtXsdVersie>
    </t:XsdVersie>
  </t:Header>
  <t:Client>
    <t:Bsn>999911120</t:Bsn>
    <t:Geboortedatum>
      <c:Datum>2014-03-09</c:Datum>
    </t:Geboortedatum>
    <t:Geslacht>2</t:Geslacht>
    <t:Naam>
      <c:Geslachtsnaam>
        <c:Achternaam>Molenaar</c:Achternaam>
        <c:Voorvoegsel>ter</c:Voorvoegsel>
      </c:Geslachtsnaam>
      <c:Voornamen>Fenna</c:Voornamen>
      <c:Voorletters>F</c:Voorletters>
      <c:NaamGebruik>1</c:NaamGebruik>
    </t:Naam>
    <t:Communicatie>
      <c:Vorm>1</c:Vorm>
      <c:Taal>Fries</c:Taal>
    </t:Communicatie>
    <t:JuridischeStatus>01</t:JuridischeStatus>
    <t:WettelijkeVertegenwoordiging>09</t:WettelijkeVertegenwoordiging>
    <t:Commentaar>Graag contact via de moeder</t:Commentaar>
    <t:Relaties>
      <t:Relatie>
        <t:Nummer>7</t:Nummer>
        <t:Volgorde>1</t:Volgorde>
        <t:Soort>12</t:Soort>
        <t:Geslacht>2</t:Geslacht>
        <t:Naam>
          <c:Geslachtsnaam>
            <c:Achternaam>Molenaar</c:Achternaam>
          </c:Geslachtsnaam>
          <c:Voorletters>AM</c:Voorletters>
          <c:NaamGebruik>1</c:NaamGebruik>
        </t:Naam>
        <t:Contact>
          <t:Soort>03</t:Soort>
          <t:Adres>
            <c:Huis>
              <c:Huisnummer>41</c:Huisnummer>
              <c:HuisnummerToevoeging>A</c:HuisnummerToevoeging>
            </c:Huis>
            <c:Postcode>8911AB</c:Postcode>
            <c:Straatnaam>Nieuwestad</c:Straatnaam>
            <c:Plaatsnaam>Leeuwarden</c:Plaatsnaam>
            <c:LandCode>NL</c:LandCode>
          </t:Adres>
          <t:Organisatie>Gezinshuis Noord</t:Organisatie>
          <t:Telefoon>
            <c:Telefoon01>
              <c:Telefoonnummer>0581234567</c:Telefoonnummer>
              <c:Landnummer>0031</c:Landnummer>
            </c:Telefoon01>
          </t:Telefoon>
          <t:Emailadres>ouder@voorbeeld.test</t:Emailadres>
        </t:Contact>
      </t:Relatie>
    </t:Relaties>
    <t:Contactgegevens>
      <t:Contact>
        <t:Soort>01</t:Soort>
        <t:Adres>
          <c:Huis>
            <c:Huisnummer>41</c:Huisnummer>
          </c:Huis>
          <c:Postcode>8911AB</c:Postcode>
          <c:Straatnaam>Nieuwestad</c:Straatnaam>
          <c:Plaatsnaam>Leeuwarden</c:Plaatsnaam>
          <c:LandCode>NL</c:LandCode>
        </t:Adres>
      </t:Contact>
    </t:Contactgegevens>
    <t:ToegewezenProducten>
      <t:ToegewezenProduct>
        <t:ToewijzingNummer>770012</t:ToewijzingNummer>
        <t:ReferentieAanbieder>AANV-2026-77</t:ReferentieAanbieder>
        <t:Product>
          <c:Categorie>54</c:Categorie>
          <c:Code>54001</c:Code>
        </t:Product>
        <t:Toewijzingsdatum>2026-08-20</t:Toewijzingsdatum>
        <t:Toewijzingstijd>09:15:00</t:Toewijzingstijd>
        <t:Ingangsdatum>2026-09-01</t:Ingangsdatum>
        <t:Einddatum>2026-12-31</t:Einddatum>
        <t:Omvang>
          <c:Volume>3</c:Volume>
          <c:Eenheid>04</c:Eenheid>
          <c:Frequentie>2</c:Frequentie>
        </t:Omvang>
        <t:Commentaar>Na drie maanden evalueren</t:Commentaar>
      </t:ToegewezenProduct>
    </t:ToegewezenProducten>
  </t:Client>
</t:Bericht>
"""

BASE_315 = """<?xml version="1.0" encoding="UTF-8"?>
<v:Bericht xmlns:v="http://www.istandaarden.nl/ijw/3_2/jw315/schema" xmlns:c="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  <v:Header>
    <v:BerichtCode>446</v:BerichtCode>
    <v:BerichtVersie>3</v:BerichtVersie>
    <v:BerichtSubversie>2</v:BerichtSubversie>
    <v:Afzender>12340007</v:Afzender>
    <v:Ontvanger>0599</v:Ontvanger>
    <v:BerichtIdentificatie>
      <c:Identificatie>AV2026-0088</c:Identificatie>
      <c:Dagtekening>2026-07-02</c:Dagtekening>
    </v:BerichtIdentificatie>
    <v:XsdVersie>
      <c:BasisschemaXsdVersie>1.0.0</c:BasisschemaXsdVersie>
      <c:BerichtXsdVersie>1.0.0</c:BerichtXsdVersie>
    </v:XsdVersie>
  </v:Header>
  <v:Client>
    <v:Bsn>999911120</v:Bsn>
    <v:Geboortedatum>
      <c:Datum>2014-03-09</c:Datum>
    </v:Geboortedatum>
    <v:Geslacht>2</v:Geslacht>
    <v:Naam>
      <c:Geslachtsnaam>
        <c:Achternaam>Molenaar</c:Achternaam>
      </c:Geslachtsnaam>
      <c:Voorletters>F</c:Voorletters>
    </v:Naam>
    <v:AangevraagdeProducten>
      <v:AangevraagdProduct>
        <v:ReferentieAanbieder>AANV-2026-88</v:ReferentieAanbieder>
        <v:Product>
          <c:Categorie>54</c:Categorie>
          <c:Code>54001</c:Code>
        </v:Product>
        <v:ToewijzingIngangsdatum>2026-08-01</v:ToewijzingIngangsdatum>
        <v:Omvang>
          <c:Volume>3</c:Volume>
          <c:Eenheid>04</c:Eenheid>
          <c:Frequentie>2</c:Frequentie>
        </v:Omvang>
        <v:Verwijzer>
          <c:Type>01</c:Type>
          <c:Naam>Wijkteam Oost</c:Naam>
        </v:Verwijzer>
      </v:AangevraagdProduct>
    </v:AangevraagdeProducten>
  </v:Client>
</v:Bericht>
"""

# RS010/RS047 (BerichtCode): message detection refuses a BerichtCode that contradicts the
# namespace before the XSD runs, under the catalogue's code (iwmo_ijw.parsing.WrongBerichtCode).
# code -> (text in BASE, its replacement that breaks exactly that constraint)
MUTATIONS: dict[str, tuple[str, str]] = {
    "CS015": ("<b:BerichtSubversie>2<", "<b:BerichtSubversie>4<"),
    "CS025": ("<b:BerichtVersie>3<", "<b:BerichtVersie>2<"),
    "CS319": ("SEP2026A", "SEP 2026"),
    "RS001": ("<b:GeleverdVolume>12<", "<b:GeleverdVolume>-12<"),
    "RS002": ("<b:BerichtVersie>3<", "<b:BerichtVersie>100<"),
    "RS005": ("<b:ProductTarief>2600<", "<b:ProductTarief>123456789<"),
    "RS006": ("<b:ToewijzingNummer>80451<", "<b:ToewijzingNummer>1234567890<"),
    "RS008": (
        "<c:DebetCredit>D</c:DebetCredit>\n            </b:IngediendBedrag>",
        "<c:DebetCredit>DD</c:DebetCredit>\n            </b:IngediendBedrag>",
    ),
    "RS012": ("<b:ProductCode>54001<", "<b:ProductCode>540011<"),
    "RS014": ("<b:Afzender>12340007<", "<b:Afzender>123400071<"),
    "RS017": ("DCL2026-0917", "DCL2026-0917-X"),
    "RS019": ("PRJ-0042", "PRJ-0042-0042-0042-0042"),
    "RS032": ("<c:Dagtekening>2026-10-05<", "<c:Dagtekening>2026-10-05+02:00<"),
    "RS033": ("<c:Identificatie>DCL2026-0917<", "<c:Identificatie><"),
    "RS035": ("<b:Ontvanger>0599<", "<b:Ontvanger>05A9<"),
    "RS036": ("<b:Afzender>12340007<", "<b:Afzender>1234000A<"),
    "RS037": ("<b:Bsn>999911120<", "<b:Bsn>99991112<"),
    "RS040": ("<c:TotaalBedrag>31200<", "<c:TotaalBedrag>1234567890123<"),
    "RS048": ("<c:BerichtXsdVersie>1.0.0<", "<c:BerichtXsdVersie>1.0<"),
    "RS009": ("<b:Eenheid>04<", "<b:Eenheid>004<"),
    "RS015": ("<b:Bsn>999911120<", "<b:Bsn>9999111201<"),
    # RS007 is attached to no element: an empty ReferentieNummer is guarded by its minLength alone.
    "RS007": ("<c:ReferentieNummer>PRJ-0042<", "<c:ReferentieNummer><"),
    "RS047": ("<b:BerichtCode>490<", "<b:BerichtCode>486<"),
    "RS010": ("<b:BerichtCode>490<", "<b:BerichtCode>4900<"),
}

MUTATIONS_301: dict[str, tuple[str, str]] = {
    "RS004": ("<c:Huisnummer>41<", "<c:Huisnummer>123456<"),
    "RS011": ("<c:HuisnummerToevoeging>A<", "<c:HuisnummerToevoeging>ABCDE<"),
    "RS013": ("<c:Voorletters>F<", "<c:Voorletters>FABCDEG<"),
    "RS016": ("<c:Voorvoegsel>ter<", "<c:Voorvoegsel>terterterte<"),
    "RS020": ("<c:Straatnaam>Nieuwestad<", "<c:Straatnaam>Nieuwestad Nieuwestad Nieu<"),
    "RS021": ("<c:Taal>Fries<", "<c:Taal>Fries Fries Fries Fries Fries<"),
    "RS023": ("<t:Organisatie>Gezinshuis Noord<", "<t:Organisatie>Gezinshuis Noord Gezinshuis Noord Gez<"),
    "RS024": ("<t:ReferentieAanbieder>AANV-2026-77<", "<t:ReferentieAanbieder>" + "AANV-2026-77" * 3 + "X<"),
    "RS026": ("<c:Plaatsnaam>Leeuwarden<", "<c:Plaatsnaam>" + "Leeuwarden" * 8 + "X<"),
    "RS028": ("<c:Voornamen>Fenna<", "<c:Voornamen>" + "Fenna " * 33 + "Fen<"),
    "RS031": ("<t:Commentaar>Graag contact via de moeder<", "<t:Commentaar>   <"),
    "RS034": ("<t:Toewijzingstijd>09:15:00<", "<t:Toewijzingstijd>09:15:00Z<"),
    "RS045": ("<c:Voorletters>F<", "<c:Voorletters>F.<"),
    "RS046": ("<c:Telefoonnummer>0581234567<", "<c:Telefoonnummer>058-1234567<"),
    "RS018": ("<c:Telefoonnummer>0581234567<", "<c:Telefoonnummer>0581234567012345<"),
}


MUTATIONS_315: dict[str, tuple[str, str]] = {
    "RS025": ("<c:Naam>Wijkteam Oost<", "<c:Naam>" + "Wijkteam Oost " * 5 + "Wijk<"),
}


def write_all() -> None:
    cases = [(BASE, MUTATIONS), (BASE_301, MUTATIONS_301), (BASE_315, MUTATIONS_315)]
    for base, mutations in cases:
        for code, (old, new) in mutations.items():
            _write(code, base, old, new)


def _write(code: str, base: str, old: str, new: str) -> None:
    if old not in base:
        raise SystemExit(f"{code}: {old!r} not in the base message")
    folder = FIXTURES / code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.xml").write_text(base, encoding="utf-8")
    (folder / "bad.xml").write_text(base.replace(old, new, 1), encoding="utf-8")


if __name__ == "__main__":
    write_all()
