"""Dutch texts (the default): finding sentences, hints, retourcodes and the non-rule codes.

Written in the project's own words. Element names, codes and retourcodes are the standard's
facts; the sentences are not taken from the standard's documents. Keys: the rule code, or
"CODE.kind" for one of several kinds of finding of a rule, or "*.kind" for a shape that many
rules share (validators.rules.checks). Values are named in braces; dates, BSNs and numbers are
formatted by validators.reporting.texts.
"""

from __future__ import annotations

# --- what was found and what was expected -------------------------------------------------------
MESSAGES: dict[str, str] = {
    # shapes shared through validators.rules.checks (a rule-specific sentence below takes precedence)
    "*.required": "{element} ontbreekt in {parent}, maar is hier verplicht.",
    "*.forbidden": "{element}{shown} in {parent} moet hier leeg blijven.",
    "*.overlap": "{what} {product} vanaf {begin} overlapt met een eerder {what} van hetzelfde product in dit "
    "bericht (periode {other_begin} t/m {other_end}).",
    # CD: conditions within one message
    "CD005.required": "LandCode ontbreekt in {parent}, terwijl er een Postcode is ingevuld.",
    "CD005.forbidden": "LandCode{shown} moet leeg blijven als er geen Postcode in {parent} staat.",
    "CD007.required": "Taal ontbreekt, terwijl Communicatie/Vorm 1 (tolk taal) is.",
    "CD007.forbidden": "Taal{shown} hoort alleen bij Vorm 1 (tolk taal); hier is Vorm {vorm}.",
    "CD009.forbidden": "Een Contact met Soort {soort} heeft geen Periode; alleen Soort 04 (tijdelijk adres) "
    "heeft er één.",
    "CD025.required": "Huis ontbreekt in het Adres, terwijl LandCode NL is.",
    "CD034.required": "Postcode ontbreekt in het Adres van een Contact met Soort {soort}.",
    "CD034.no_adres": "Een Contact met Soort {soort} heeft geen Adres en dus geen Postcode.",
    "CD041.required": "Omvang ontbreekt bij product met ProductCode {productcode}.",
    "CD043.required": "BeschikkingIngangsdatum ontbreekt, terwijl BeschikkingNummer is ingevuld.",
    "CD043.forbidden": "BeschikkingIngangsdatum{shown} staat er zonder BeschikkingNummer.",
    "CD060.required": "VorigReferentieNummer ontbreekt bij een credit-Prestatie (DebetCredit C).",
    "CD060.forbidden": "VorigReferentieNummer{shown} staat bij een debet-Prestatie (DebetCredit D).",
    "CD066.forbidden": "Naam{shown} van de Verwijzer moet leeg zijn: bij Type {type} met een "
    "ZorgverlenerCode volstaat de code.",
    "CD067.required": "Naam van de Verwijzer ontbreekt: bij Type {type} zonder ZorgverlenerCode is de naam "
    "nodig.",
    "CD068.forbidden": "ZorgverlenerCode{shown} hoort niet bij een Verwijzer van Type {type}; alleen Type "
    "02 t/m 05 heeft er een.",
    "CD075.required": "{element} ontbreekt bij een product met een Budget.",
    "CD076.required": "{element} ontbreekt bij een product met Omvang per week (Frequentie 2).",
    "CD077.forbidden": "Omvang staat bij een product dat een Budget heeft.",
    "CD078.forbidden": "Budget{shown} staat bij een product dat een Omvang heeft.",
    "CD079.required": "Product ontbreekt, terwijl er geen Budget is.",
    "CD080.forbidden": "Omvang staat bij een toewijzing op categorieniveau (zonder ProductCode) die na 2020 "
    "loopt.",
    "CD085.required": "RedenAfwijzingVerzoek ontbreekt, terwijl VerzoekAntwoord 1 (verzoek afgewezen) is.",
    "CD086.forbidden": "RedenAfwijzingVerzoek{shown} staat bij VerzoekAntwoord 2 (aanvraag in onderzoek).",
    "CD087.required": "ProductTarief ontbreekt, terwijl de Eenheid {eenheid} is (geen euro's).",
    "CD087.forbidden": "ProductTarief{shown} moet leeg zijn bij Eenheid 83 (euro's).",
    "CD095.forbidden": "Omvang staat bij een aanvraag op categorieniveau (zonder ProductCode) die na 2020 "
    "loopt.",
    "CD096.forbidden": "Omvang staat bij een NieuwProduct op categorieniveau (zonder ProductCode) dat na "
    "2020 loopt.",
    # CS: constraints within one message
    "CS002": "Bsn {bsn} voldoet niet aan de elfproef.",
    "CS003": "{end} {stop} ligt vóór {begin} {start}.",
    "CS050.partner": "NaamGebruik {gebruik} past niet bij een naam met Partnernaam; toegestaan is {allowed}.",
    "CS050.no_partner": "NaamGebruik {gebruik} past niet bij een naam zonder Partnernaam; toegestaan is "
    "{allowed}.",
    "CS058": "StatusAanlevering {status} is hier niet toegestaan; verwacht 1 (eerste aanlevering) of "
    "3 (verwijderen).",
    "CS089": "Postcode '{postcode}' is geen Nederlandse postcode (vier cijfers en twee letters), terwijl "
    "LandCode NL is.",
    "CS100": "{parent}/{element} {day} ligt vóór {first}; perioden vóór die datum horen niet in release 3.2.",
    "CS139.gebruik1": "Geboortedatum {day} past niet bij DatumGebruik 1 (dag onbekend): de dag moet 1 zijn.",
    "CS139.gebruik2": "Geboortedatum {day} past niet bij DatumGebruik 2 (dag en maand onbekend): de datum "
    "moet 1 januari zijn.",
    "CS139.gebruik3": "Geboortedatum {day} past niet bij DatumGebruik 3 (geheel onbekend): de datum moet "
    "01-01-1900 zijn.",
    "CS318": "NaamGebruik 6 (niet-natuurlijk persoon) kan niet bij een Client.",
    "CS325": "{element} is 0, maar DebetCredit is {debet_credit}; een nulbedrag is altijd debet (D).",
    "CS335": "RedenWijziging 13 (verwijderd) vraagt Einddatum gelijk aan Ingangsdatum {start}; Einddatum is "
    "{end}.",
    "CS336": "RedenWijziging 01 (administratieve correctie) wordt niet meer gebruikt.",
    "CS337": "ProductPeriode/Einddatum {end} ligt niet in dezelfde maand als Begindatum {start}.",
    "CS338": "Frequentie {frequentie} is na 2020 niet toegestaan bij Eenheid {eenheid}; verwacht 2 (per "
    "week), 4 (per maand) of 6 (totaal in de geldigheidsduur).",
    "CS339": "IngediendBedrag {bedrag} is niet gelijk aan GeleverdVolume {volume}, terwijl de Eenheid 83 "
    "(euro's) is.",
    "CS340": "DeclaratiePeriode {start} t/m {end} is niet precies één kalendermaand.",
    "CS343": "Frequentie {frequentie} is na 2020 niet toegestaan bij Eenheid {eenheid} in een aanvraag; "
    "verwacht 2 (per week), 4 (per maand) of 6 (totaal in de geldigheidsduur).",
    # TR: rules within one message
    "TR002": "Geboortedatum {day} ligt meer dan 120 jaar vóór de Dagtekening {sent}.",
    "TR006": "Contact heeft geen Telefoon en geen Adres met Huis en Postcode.",
    "TR018": "Einddatum {end} van de stop ligt vóór Begindatum {start}.",
    "TR061": "Client heeft geen Contact van Soort 01 (BRP), 02 (correspondentie) of 03 (verblijf); gevonden: "
    "{found}.",
    "TR101": "{name} met {shown} komt meer dan eens voor onder hetzelfde bovenliggende element.",
    "TR134": "{element} {day} ligt na de Dagtekening {sent} van het bericht.",
    "TR137.before_begin": "{parent}/Einddatum {end} ligt vóór Begindatum {start}.",
    "TR137.after_sent": "{parent}/Einddatum {end} ligt na de Dagtekening {sent} van het bericht.",
    "TR302.overlap": "ToegewezenProduct {product} vanaf {begin} overlapt met een eerdere toewijzing van "
    "hetzelfde product in dit bericht (periode {other_begin} t/m {other_end}).",
    "TR315": "VorigReferentieNummer '{nummer}' wordt in deze declaratie meer dan eens gecrediteerd.",
    "TR316": "VorigReferentieNummer '{nummer}' crediteert een Prestatie die in ditzelfde bericht "
    "gedeclareerd wordt.",
    "TR335": "ProductPeriode/Einddatum {end} ligt meer dan vijf jaar vóór de DeclaratieDagtekening "
    "{declared}.",
    "TR342.accepted": "Een goedgekeurde Prestatie (alleen RetourCode 0200) hoort niet in het "
    "declaratie-antwoord.",
    "TR342.rejected": "TotaalToegekendBedrag is {toegekend}, maar de declaratie is afgewezen; verwacht 0.",
    "TR342.difference": "De afgewezen Prestaties tellen op tot {afgewezen}, maar TotaalIngediendBedrag "
    "{ingediend} min TotaalToegekendBedrag {toegekend} is {verschil}.",
    "TR352": "Het Verzoek heeft geen OngewijzigdProduct en geen TeWijzigenProduct.",
    "TR353": "Het Verzoek vraagt niets: er is geen TeWijzigenProduct en geen NieuwProduct.",
    "TR358": "TotaalIngediendBedrag {total} is niet de som van de IngediendBedragen van de Prestaties "
    "({som}).",
    "TR377": "Woonplaatsbeginsel ontbreekt, terwijl RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) is.",
    "TR380": "GewensteIngangsdatum {day} ligt niet na de Dagtekening {sent}.",
    "TR383": "ReferentieAanbieder '{referentie}' staat bij meer dan één AangevraagdProduct.",
    "TR386.overlap": "AangevraagdProduct {product} vanaf {begin} overlapt met een eerdere aanvraag van "
    "hetzelfde product in dit bericht (periode {other_begin} t/m {other_end}).",
    "TR409": "Woonplaatsbeginsel staat er, maar RedenAfwijzingVerzoek is {reden} en niet 8 "
    "(woonplaatsbeginsel).",
    "TR410.overlap": "NieuwProduct {product} vanaf {begin} overlapt met een eerder NieuwProduct van "
    "hetzelfde product in dit bericht (periode {other_begin} t/m {other_end}).",
    "TR416": "Tweede debet-Prestatie voor ToewijzingNummer {nummer}, product {product} en ProductPeriode "
    "{begin} t/m {end} in deze declaratie.",
    # TR: rules across messages
    "TR019": "ToewijzingNummer '{nummer}' in {item} is geen toewijzing van gemeente {gemeente} aan aanbieder "
    "{aanbieder}.",
    "TR056": "Identificatie '{identificatie}' is door afzender {afzender} al gebruikt in een eerder "
    "{berichtcode}.",
    "TR063": "{item} voor ToewijzingNummer '{nummer}' wordt verwijderd (StatusAanlevering 3), maar er staat "
    "geen eerdere aanlevering met dezelfde sleutel.",
    "TR071": "De start voor ToewijzingNummer '{nummer}' kan niet meer worden verwijderd: er is al een stop "
    "voor verstuurd.",
    "TR074": "{item} voor ToewijzingNummer '{nummer}' herhaalt de sleutel van een eerdere aanlevering met "
    "StatusAanlevering 1.",
    "TR304.toewijzing": "Bsn {bsn} wijkt af van Bsn {related} in toewijzing {nummer}.",
    "TR304.prestatie": "Bsn {bsn} wijkt af van Bsn {related} in de gedeclareerde Prestatie {nummer}.",
    "TR307": "ProductPeriode/Begindatum {begin} ligt vóór de Ingangsdatum {ingang} van toewijzing {nummer}.",
    "TR308": "ProductPeriode/Einddatum {end} ligt na de Einddatum {toewijzing_end} van toewijzing {nummer}.",
    "TR314.in_message": "ReferentieNummer '{referentie}' komt meer dan eens voor in dit bericht.",
    "TR314.earlier": "ReferentieNummer '{referentie}' is al gebruikt in een eerdere declaratie van aanbieder "
    "{aanbieder}.",
    "TR318": "DeclaratiePeriode vanaf {begin} sluit niet aan op de laatst gedeclareerde periode "
    "({last_begin} t/m {last_end}, DeclaratieNummer {nummer}).",
    "TR319": "ProductPeriode/Einddatum {end} ligt na de Einddatum {einde} van de DeclaratiePeriode.",
    "TR321": "GeleverdVolume {volume} is meer dan de {allowed} die toewijzing {nummer} (Volume {toegewezen}, "
    "Eenheid {eenheid}, Frequentie {frequentie}) toestaat voor ProductPeriode {begin} t/m {end}.",
    "TR322": "Het GeleverdVolume op toewijzing {nummer} telt op tot {total} (Eenheid {eenheid}), meer dan de "
    "{allowed} die de toewijzing in totaal toestaat.",
    "TR323.missing": "Credit-Prestatie '{referentie}' noemt geen VorigReferentieNummer van de "
    "debet-Prestatie die ze terugdraait.",
    "TR323.unknown": "VorigReferentieNummer '{vorig}' verwijst naar geen eerdere debet-Prestatie van "
    "aanbieder {aanbieder}.",
    "TR323.rejected": "VorigReferentieNummer '{vorig}' verwijst naar een debet-Prestatie die is afgewezen "
    "in het declaratie-antwoord op {nummer}.",
    "TR326": "ToewijzingNummer '{nummer}' heeft nog een lopende start (Begindatum {begin}) zonder stop.",
    "TR332": "ToewijzingNummer '{nummer}' is door gemeente {gemeente} al gebruikt voor een andere client of "
    "een ander product.",
    "TR333": "DeclaratieNummer '{nummer}' is al gebruikt door aanbieder {aanbieder}.",
    "TR337": "DeclaratieIdentificatie '{identificatie}' van {dagtekening} hoort bij geen declaratie die van "
    "aanbieder {aanbieder} is ontvangen.",
    "TR338": "ToewijzingNummer '{nummer}' is geen toewijzing van gemeente {gemeente} aan aanbieder "
    "{aanbieder}.",
    "TR339": "ProductCategorie '{categorie}' wijkt af van categorie '{expected}' in toewijzing {nummer}.",
    "TR340": "ProductCode '{productcode}' wijkt af van ProductCode '{expected}' in toewijzing {nummer}.",
    "TR341": "Eenheid '{eenheid}' past niet bij Eenheid '{expected}' van toewijzing {nummer}.",
    "TR347": "ReferentieAanbieder '{referentie}' is al gebruikt in een eerder {berichtcode} van deze "
    "aanbieder.",
    "TR349": "Lopende toewijzing {nummer} ({product}) staat niet als OngewijzigdProduct of "
    "TeWijzigenProduct in het verzoek.",
    "TR350": "{item} noemt ToewijzingNummer {nummer}, maar dat is geen lopende toewijzing van deze client "
    "bij deze gemeente.",
    "TR351": "{item} noemt ToewijzingNummer {nummer}, maar dat is geen lopende toewijzing van deze client "
    "bij deze gemeente.",
    "TR355": "ReferentieAanbieder '{referentie}' komt in geen verzoek van aanbieder {aanbieder} voor.",
    "TR357": "GewensteIngangsdatum {gewenst} ligt niet na de Dagtekening {sent}; dan moet het de "
    "Ingangsdatum {ingang} van toewijzing {nummer} zijn.",
    "TR359": "ReferentieAanbieder '{referentie}' is al beantwoord met toewijzing {nummer}.",
    "TR360": "VerzoekAntwoord {antwoord} (in onderzoek) voor ReferentieAanbieder '{referentie}', terwijl "
    "dit verzoek al eerder is beantwoord.",
    "TR361": "Product {product} vanaf {begin} overlapt met een ander product van dezelfde soort in dit "
    "verzoek (periode {other_begin} t/m {other_end}).",
    "TR365": "ReferentieAanbieder '{referentie}' heeft al een definitief antwoord gekregen (VerzoekAntwoord "
    "{antwoord}).",
    "TR366": "ReferentieNummer '{referentie}' is geen Prestatie van declaratie {nummer}.",
    "TR367": "{element} {answered} wijkt af van de gedeclareerde waarde {declared} van Prestatie "
    "'{referentie}'.",
    "TR369": "Het IngediendBedrag op toewijzing {nummer} telt op tot {total} eurocent, meer dan het Budget "
    "van {budget}.",
    "TR371": "XsdVersieDeclaratie {answered} wijkt af van de XsdVersie {declared} van declaratie {nummer}.",
    "TR373.budget": "Budget {old} wordt {new}: dat wijzigt de hele toewijzing {nummer}, dus "
    "GewensteIngangsdatum moet de Ingangsdatum {ingang} zijn, niet {gewenst}.",
    "TR373.volume": "Het totale volume {old} wordt {new}: dat wijzigt de hele toewijzing {nummer}, dus "
    "GewensteIngangsdatum moet de Ingangsdatum {ingang} zijn, niet {gewenst}.",
    "TR373.totaal": "De Omvang van een toewijzing met frequentie totaal ({old} in totaal) wijzigt: dat geldt "
    "voor de hele toewijzing {nummer}, dus GewensteIngangsdatum moet de Ingangsdatum {ingang} "
    "zijn, niet {gewenst}.",
    "TR374": "Verzoek '{referentie}' voor deze client is nog in behandeling (nog geen afwijzing en geen "
    "toewijzing).",
    "TR375.forbidden": "Omvang staat bij een wijziging van een toewijzing zonder Product (budget) die na "
    "2020 loopt.",
    "TR376": "DeclaratieNummer '{nummer}' hoort bij geen declaratie die van aanbieder {aanbieder} is "
    "ontvangen.",
    "TR379.unknown": "ReferentieAanbieder '{referentie}' hoort bij geen verzoek (JW315/JW317) van aanbieder "
    "{aanbieder}.",
    "TR379.other_client": "ReferentieAanbieder '{referentie}' hoort bij een verzoek voor een andere client.",
    "TR379.honoured": "ReferentieAanbieder '{referentie}' is al eerder gehonoreerd met toewijzing {nummer} "
    "van {datum}; alleen de eerste toewijzing na het verzoek neemt hem over.",
    "TR382": "Stop voor ToewijzingNummer '{nummer}' met Begindatum {begin} past bij geen lopende start.",
    "TR384": "ToewijzingNummer '{nummer}' is ingetrokken met RedenWijziging {reden}.",
    "TR385": "Toewijzing {nummer} wordt ingetrokken (RedenWijziging 13), terwijl goedgekeurde Prestatie "
    "'{referentie}' erop niet is gecrediteerd.",
    "TR387": "ProductPeriode/Begindatum {begin} is niet de eerste van de maand en ook niet de Ingangsdatum "
    "van toewijzing {nummer}.",
    "TR388": "ProductPeriode/Einddatum {end} is niet de laatste dag van de maand en ook niet de Einddatum "
    "van toewijzing {nummer}.",
    "TR389": "Debet-Prestatie '{referentie}' herhaalt ProductPeriode {begin} t/m {end} van toewijzing "
    "{nummer}, die al als '{old}' is gedeclareerd en niet gecrediteerd.",
    "TR390": "Prestatie '{vorig}' uit VorigReferentieNummer is al gecrediteerd.",
    "TR411.required": "Omvang ontbreekt bij de wijziging van een toewijzing voor een specifiek product.",
    "TR412.forbidden": "Omvang staat bij de wijziging van een toewijzing op categorieniveau die na 2020 "
    "loopt.",
    "TR413": "ToewijzingNummer {nummer} vanaf {begin} is al tijdelijk gestopt (RedenBeeindiging 20).",
    "TR414": "Einddatum {end} ligt vóór Einddatum {standing_end} van de stop die al staat voor "
    "ToewijzingNummer {nummer} vanaf {begin}.",
    "TR415": "ToewijzingNummer {nummer} vanaf {begin} is al definitief gestopt (RedenBeeindiging {reden}, "
    "Einddatum {end}).",
    "TR418": "ProductTarief {tarief} wijkt af van het gecontracteerde tarief {expected} voor {product} van "
    "gemeente {gemeente} op {on}.",
    # OP and IV: bedrijfsregels and invulinstructies a machine can check (warnings)
    "OP192.encoding": "Het bestand is in {encoding} gecodeerd en niet in UTF-8.",
    "OP192.bom": "Het bestand begint met een byte-order mark (BOM).",
    "OP192.line_ends": "{count} regeleinde(n) zijn geen CR/LF.",
    "OP192.crowded": "Er staat meer dan één element op een regel.",
    "OP192.extension": "De bestandsnaam eindigt niet op .xml.",
    "OP087": "Toewijzing {nummer} van deze client is op de Dagtekening {dagtekening} nog geldig, maar staat "
    "niet in dit toewijzingbericht.",
    "OP348.toewijzing": "Toewijzing {nummer} uit verzoek om wijziging {referentie} staat niet in dit "
    "bericht met die ReferentieAanbieder.",
    "OP348.nieuw": "Het nieuwe product {product} uit verzoek om wijziging {referentie} is niet toegewezen.",
    "IV009.zonder_gebruik": "Geboortedatum {day} valt in 1900, het jaar voor een onbekende datum, maar "
    "DatumGebruik ontbreekt.",
    "IV009.gebruik": "Geboortedatum {day} valt in 1900, het jaar voor een onbekende datum, maar "
    "DatumGebruik is {gebruik} en niet 3 (geheel onbekend).",
    # external sources
    "TR135": "Dagtekening {day} ligt na de systeemdatum {today}.",
    "TR346": "IngediendBedrag {bedrag} is niet gelijk aan GeleverdVolume {volume} × ProductTarief {tarief} = "
    "{expected}.",
    "TR378.unknown": "Gemeentecode {gemeentecode} staat niet in de CBS-lijst van gemeenten.",
    "TR378.ended": "Gemeentecode {gemeentecode} is geen geldige gemeente op de data van dit bericht ({first} "
    "t/m {last}).",
    "TR381.unknown": "ProductCode {productcode} staat niet in de productcodelijst die gemeente {gemeente} "
    "op {on} gebruikt.",
    "TR381.other_categorie": "ProductCode {productcode} hoort in de productcodelijst van gemeente "
    "{gemeente} op {on} niet bij ProductCategorie {categorie}, maar bij categorie {elsewhere}.",
    # registry (the project's own harmonisation rules)
    "PC001.variant": "Eenheid {eenheid} past niet bij product {productcode} met uitvoeringsvariant "
    "{variant}.",
    "PC001.product": "Eenheid {eenheid} is geen eenheid van product {productcode} (toegestaan: {allowed}).",
    "PC002": "Frequentie {frequentie} is niet toegestaan bij Eenheid {eenheid} voor product {productcode} "
    "met uitvoeringsvariant {variant}.",
    "PC010.one": "ProductCode {productcode} van gemeente {gemeente} is landelijk product {nationaal}{naam}.",
    "PC010.many": "ProductCode {productcode} van gemeente {gemeente} is landelijk product {nationaal}{naam} "
    "({lines} regels).",
    "PC010.one_volume": "ProductCode {productcode} van gemeente {gemeente} is landelijk product "
    "{nationaal}{naam}; volume {volume} (eenheid {eenheid}) is {converted} in landelijke eenheden.",
    "PC010.many_volume": "ProductCode {productcode} van gemeente {gemeente} is landelijk product "
    "{nationaal}{naam} ({lines} regels); volume {volume} (eenheid {eenheid}) is {converted} in landelijke "
    "eenheden.",
    # codes that are no rule: reading, recognising and the schema
    "*.schema": "{waar}{element} '{value}' voldoet niet aan het schema: verwacht {explain}.",
    "XSD.libxml2": "{waar}{element} wordt door het schema afgekeurd ({detail}).",
    "XSD.libxml2.known": "{waar}{element}: {uitleg}.",
    "RS047": "BerichtCode {berichtcode} hoort niet bij de namespace van {type}; daar hoort BerichtCode "
    "{expected} bij.",
    "RS010": "BerichtCode {berichtcode} is langer dan 3 tekens; de namespace van {type} vraagt BerichtCode "
    "{expected}.",
    "XML": "Het bestand is geen goed gevormde XML ({detail}).",
    "XML-UNSAFE": "Het bestand bevat een DOCTYPE of entiteitdeclaratie en is daarom niet gelezen ({detail}).",
    "BERICHT": "Het bestand is geen herkend iJw- of iWmo-bericht ({detail}).",
    "RELEASE": "Het bericht hoort bij een release die niet wordt ondersteund ({detail}).",
    "FILE": "Het bestand kan niet worden gelezen ({detail}).",
    "*.crash": "Regel {rule} kon niet worden uitgevoerd ({error}); de andere regels wel.",
}

# --- what to do ---------------------------------------------------------------------------------
HINTS: dict[str, str] = {
    "*.required": "Vul het ontbrekende element in, of pas de waarde aan die het verplicht maakt.",
    "*.forbidden": "Laat het element weg, of pas de waarde aan waardoor het hier niet mag staan.",
    "*.overlap": "Laat de perioden van hetzelfde product niet overlappen: pas een begin- of einddatum aan "
    "of voeg de regels samen.",
    "CD005": "Vul LandCode in als er een Postcode is; laat LandCode weg als er geen Postcode is.",
    "CD007": "Vul Taal alleen in bij Vorm 1 (tolk taal), en dan altijd.",
    "CD009": "Geef alleen een tijdelijk adres (Soort 04) een Periode; laat die bij andere soorten weg.",
    "CD025": "Vul huisnummer (Huis) in voor een Nederlands adres.",
    "CD034": "Geef een BRP-adres of verblijfadres een Adres met Postcode.",
    "CD041": "Geef de Omvang (Volume, Eenheid, Frequentie) op bij een product met ProductCode.",
    "CD043": "Vul BeschikkingNummer en BeschikkingIngangsdatum samen in, of laat ze allebei weg.",
    "CD060": "Noem bij een creditregel in VorigReferentieNummer de debetregel die wordt teruggedraaid; laat "
    "het bij een debetregel weg.",
    "CD066": "Laat de Naam van de verwijzer weg als de ZorgverlenerCode is ingevuld.",
    "CD067": "Vul de Naam van de verwijzer in, of geef de ZorgverlenerCode.",
    "CD068": "Laat ZorgverlenerCode weg, of kies het Type verwijzer dat bij een zorgverlener hoort (02 t/m "
    "05).",
    "CD075": "Geef een product met Budget een einddatum.",
    "CD076": "Geef een product met een omvang per week een einddatum.",
    "CD077": "Kies Budget of Omvang: laat de Omvang weg als er een Budget is.",
    "CD078": "Kies Budget of Omvang: laat het Budget weg als er een Omvang is.",
    "CD079": "Noem het Product (categorie en eventueel code) als er geen Budget is.",
    "CD080": "Laat de Omvang weg bij een toewijzing op categorieniveau die na 2020 loopt.",
    "CD085": "Geef bij een afgewezen verzoek de RedenAfwijzingVerzoek op.",
    "CD086": "Laat RedenAfwijzingVerzoek weg zolang het verzoek in onderzoek is.",
    "CD087": "Vul ProductTarief in, behalve bij Eenheid 83 (euro's); dan blijft het leeg.",
    "CD095": "Laat de Omvang weg bij een aanvraag op categorieniveau die na 2020 loopt.",
    "CD096": "Laat de Omvang weg bij een nieuw product op categorieniveau dat na 2020 loopt.",
    "CS002": "Controleer het BSN (tikfout?) met de bron, bijvoorbeeld de BRP.",
    "CS003": "Zet de einddatum op of na de begindatum, of verbeter de begindatum.",
    "CS050": "Kies een NaamGebruik dat past bij wel of geen Partnernaam, of vul de Partnernaam aan.",
    "CS058": "Gebruik StatusAanlevering 1 voor een nieuwe start of stop en 3 om er een te verwijderen.",
    "CS089": "Schrijf de postcode als 1234AB, zonder spatie, of controleer de LandCode.",
    "CS100": "Declareer alleen perioden vanaf 1 januari 2021 in release 3.2; oudere perioden gaan via de "
    "oude afspraken.",
    "CS139": "Schrijf het onbekende deel van de geboortedatum zoals DatumGebruik het voorschrijft, of pas "
    "DatumGebruik aan.",
    "CS318": "Gebruik voor een client een NaamGebruik voor een natuurlijk persoon (1 t/m 4).",
    "CS325": "Zet DebetCredit op D bij een bedrag van 0.",
    "CS335": "Zet bij RedenWijziging 13 de Einddatum gelijk aan de Ingangsdatum, of kies een andere reden.",
    "CS336": "Kies een RedenWijziging die nog in gebruik is.",
    "CS337": "Splits de ProductPeriode zodat die in één kalendermaand begint en eindigt.",
    "CS338": "Kies Frequentie 2 (per week), 4 (per maand) of 6 (totaal) voor deze eenheid.",
    "CS339": "Maak bij Eenheid 83 (euro's) het IngediendBedrag gelijk aan het GeleverdVolume.",
    "CS340": "Laat de DeclaratiePeriode op de eerste van een maand beginnen en op de laatste dag ervan "
    "eindigen.",
    "CS343": "Kies Frequentie 2 (per week), 4 (per maand) of 6 (totaal) voor deze eenheid.",
    "TR002": "Controleer de geboortedatum; markeer een onbekende datum met het passende DatumGebruik.",
    "TR006": "Geef het Contact een telefoonnummer of een adres met huisnummer en postcode.",
    "TR018": "Zet de Einddatum op of na de Begindatum van het product.",
    "TR061": "Neem ten minste één adres op van Soort 01, 02 of 03.",
    "TR101": "Verwijder de dubbele regel of maak de sleutel uniek (bijvoorbeeld een ander ReferentieNummer).",
    "TR134": "Een datum van iets dat al gebeurd is, ligt op of vóór de Dagtekening; verbeter de datum of de "
    "Dagtekening.",
    "TR137": "Zet de einddatum tussen de begindatum en de Dagtekening van het bericht.",
    "TR302": "Laat toewijzingen van hetzelfde product niet in tijd overlappen; pas de data aan of voeg ze "
    "samen.",
    "TR315": "Crediteer elke Prestatie maar één keer; verwijder de dubbele creditregel.",
    "TR316": "Haal de debet- en creditregel van dezelfde Prestatie uit het bericht, of crediteer in een "
    "later bericht.",
    "TR335": "Declareer alleen zorg van de afgelopen vijf jaar; controleer de ProductPeriode.",
    "TR342": "Neem alleen afgewezen Prestaties op en laat de totalen kloppen: ingediend min toegekend is het "
    "afgewezen bedrag.",
    "TR352": "Noem in het verzoek alle lopende toewijzingen, als OngewijzigdProduct of TeWijzigenProduct.",
    "TR353": "Neem een TeWijzigenProduct of NieuwProduct op, of stuur het verzoek niet.",
    "TR358": "Tel de IngediendBedragen opnieuw op (credit negatief) en zet de som in TotaalIngediendBedrag.",
    "TR377": "Vul Woonplaatsbeginsel in met de verantwoordelijke gemeente.",
    "TR380": "Kies een GewensteIngangsdatum na de Dagtekening van het bericht.",
    "TR383": "Geef elk AangevraagdProduct een eigen ReferentieAanbieder.",
    "TR386": "Laat aanvragen van hetzelfde product niet in tijd overlappen; pas de data aan of voeg ze "
    "samen.",
    "TR409": "Laat Woonplaatsbeginsel weg, of zet RedenAfwijzingVerzoek op 8 als dat de reden is.",
    "TR410": "Laat nieuwe producten van dezelfde soort niet in tijd overlappen.",
    "TR416": "Voeg de debetregels samen, of crediteer eerst de eerdere regel.",
    "TR019": "Controleer het ToewijzingNummer: het moet een toewijzing zijn die deze aanbieder van deze "
    "gemeente heeft ontvangen.",
    "TR056": "Geef elk bericht een nieuwe Identificatie.",
    "TR063": "Verwijder alleen een start of stop die eerder is aangeleverd, met precies dezelfde sleutel.",
    "TR071": "Verwijder eerst de stop; daarna kan de start worden verwijderd.",
    "TR074": "Gebruik een nieuwe sleutel, of verwijder eerst de eerdere aanlevering (StatusAanlevering 3).",
    "TR304": "Controleer het BSN: het moet hetzelfde zijn als in het bericht waarnaar verwezen wordt.",
    "TR307": "Laat de ProductPeriode op of na de Ingangsdatum van de toewijzing beginnen.",
    "TR308": "Laat de ProductPeriode op of vóór de Einddatum van de toewijzing eindigen.",
    "TR314": "Geef elke Prestatie een ReferentieNummer dat de aanbieder nog niet eerder heeft gebruikt.",
    "TR318": "Declareer de volgende periode; een eerdere of dezelfde periode declareren kan niet opnieuw.",
    "TR319": "Zet Prestaties van een latere maand in de declaratie van die maand.",
    "TR321": "Declareer niet meer volume dan de toewijzing voor die periode toestaat; verbeter het volume of "
    "vraag een wijziging van de toewijzing aan.",
    "TR322": "Verlaag het gedeclareerde volume, of vraag een hogere omvang van de toewijzing aan.",
    "TR323": "Verwijs in VorigReferentieNummer naar een eerder ingediende, niet afgewezen debet-Prestatie.",
    "TR326": "Stuur eerst een stop voor de lopende start, of wijzig die start.",
    "TR332": "Kies een ToewijzingNummer dat nog niet voor een andere client of product is gebruikt.",
    "TR333": "Geef de declaratie een nieuw DeclaratieNummer.",
    "TR337": "Neem de BerichtIdentificatie over van de declaratie die wordt beantwoord.",
    "TR338": "Controleer het ToewijzingNummer: het moet een toewijzing van deze gemeente aan deze aanbieder "
    "zijn.",
    "TR339": "Declareer de ProductCategorie uit de toewijzing.",
    "TR340": "Declareer de ProductCode uit de toewijzing.",
    "TR341": "Declareer in de Eenheid van de toewijzing (minuten mogen bij een toewijzing in uren).",
    "TR347": "Geef elk verzoek een nieuwe ReferentieAanbieder.",
    "TR349": "Neem alle lopende toewijzingen van de client op in het verzoek.",
    "TR350": "Noem als OngewijzigdProduct alleen lopende toewijzingen van de client.",
    "TR351": "Noem als TeWijzigenProduct alleen lopende toewijzingen van de client.",
    "TR355": "Neem de ReferentieAanbieder over uit het verzoek dat wordt beantwoord.",
    "TR357": "Laat een wijziging die niet in de toekomst ingaat op de Ingangsdatum van de toewijzing ingaan.",
    "TR359": "Beantwoord een verzoek niet meer nadat het met een toewijzing is gehonoreerd.",
    "TR360": "Antwoord 'in onderzoek' kan alleen als eerste antwoord; geef nu een definitief antwoord.",
    "TR361": "Laat hetzelfde product in één verzoek niet in tijd overlappen.",
    "TR365": "Beantwoord een verzoek niet opnieuw na een definitief antwoord.",
    "TR366": "Neem alleen Prestaties op uit de declaratie die wordt beantwoord.",
    "TR367": "Neem de waarden van de gedeclareerde Prestatie ongewijzigd over.",
    "TR369": "Declareer niet meer dan het Budget van de toewijzing; verlaag de bedragen of vraag meer budget "
    "aan.",
    "TR371": "Neem de XsdVersie over van de declaratie die wordt beantwoord.",
    "TR373": "Laat een wijziging van budget of totaalvolume ingaan op de Ingangsdatum van de toewijzing.",
    "TR374": "Wacht met een nieuw verzoek tot het vorige is beantwoord.",
    "TR375": "Laat de Omvang weg bij de wijziging van een budgettoewijzing die na 2020 loopt.",
    "TR376": "Neem het DeclaratieNummer over van de declaratie die wordt beantwoord.",
    "TR379": "Neem de ReferentieAanbieder over uit het verzoek van de aanbieder voor deze client.",
    "TR382": "Neem in de stop de sleutel van de start ongewijzigd over (Bsn, ToewijzingNummer, Product, "
    "Begindatum).",
    "TR384": "Declareer niet op een ingetrokken toewijzing; controleer het ToewijzingNummer.",
    "TR385": "Laat eerst de goedgekeurde Prestaties crediteren, of trek de toewijzing niet in.",
    "TR387": "Laat de ProductPeriode op de eerste van de maand beginnen, of op de latere Ingangsdatum van de "
    "toewijzing.",
    "TR388": "Laat de ProductPeriode op de laatste dag van de maand eindigen, of op de eerdere Einddatum "
    "van de toewijzing.",
    "TR389": "Crediteer eerst de eerdere debetregel, of declareer niet opnieuw.",
    "TR390": "Crediteer elke Prestatie maar één keer.",
    "TR411": "Geef de Omvang op bij de wijziging van een toewijzing voor een specifiek product.",
    "TR412": "Laat de Omvang weg bij een wijziging op categorieniveau die na 2020 loopt.",
    "TR413": "Geef een andere RedenBeeindiging dan 20, of wijzig de staande tijdelijke stop.",
    "TR414": "Kies een Einddatum op of na die van de staande stop.",
    "TR415": "Wijzig of verwijder de staande stop in plaats van een nieuwe te sturen.",
    "TR418": "Declareer het gecontracteerde tarief, of laat het contract in het register bijwerken.",
    "OP087": "Neem in elk toewijzingbericht alle nog geldige toewijzingen van de client voor deze aanbieder "
    "op, ook de ongewijzigde.",
    "OP192": "Schrijf het bestand als UTF-8 zonder BOM, met CR/LF-regeleinden, één element per regel en de "
    "extensie .xml.",
    "OP348": "Neem bij het honoreren van een verzoek om wijziging elke genoemde toewijzing en elk nieuw "
    "product op, met de ReferentieAanbieder van het verzoek.",
    "IV009": "Is de geboortedatum onbekend, vul dan DatumGebruik 3 in; is het jaar echt 1900, laat dit dan "
    "nakijken.",
    "TR135": "Controleer de Dagtekening: die kan niet in de toekomst liggen.",
    "TR346": "Corrigeer het volume, het tarief of het bedrag, zodat IngediendBedrag = GeleverdVolume × "
    "ProductTarief.",
    "TR378": "Controleer de gemeentecode; gebruik de code die op de datum van het bericht geldig is.",
    "TR381": "Gebruik een ProductCode uit de productcodelijst van de gemeente, onder de juiste "
    "ProductCategorie.",
    "PC001": "Kies een eenheid die bij het product en zijn uitvoeringsvariant past.",
    "PC002": "Kies een frequentie die bij de eenheid en de uitvoeringsvariant van het product past.",
    "PC010": "Ter informatie; er hoeft niets te worden aangepast.",
    "XSD": "Maak het bericht passend voor het schema (XSD) van iJw/iWmo 3.2; het hele bericht wordt anders "
    "afgekeurd.",
    "XML": "Laat het bestand opnieuw aanmaken door het bronsysteem; het is beschadigd of onvolledig.",
    "XML-UNSAFE": "Lever het bericht aan zonder DOCTYPE of entiteiten.",
    "BERICHT": "Controleer of dit een iJw- of iWmo-bericht is (namespace en BerichtCode).",
    "RELEASE": "Lever het bericht aan volgens release 3.2.",
    "FILE": "Controleer of het bestand bestaat en leesbaar is.",
    "*.crash": "Meld dit als fout in de validator, met het bericht erbij (BSN's onherkenbaar gemaakt).",
}

# Schema constraints (validators/rules/rs and cs): what the element should hold.
SCHEMA: dict[str, str] = {
    "CS015": "BerichtSubversie 2",
    "CS025": "BerichtVersie 3",
    "CS319": "alleen letters en cijfers, zonder spaties",
    "RS001": "een waarde van minstens 0",
    "RS031": "tekst die niet leeg is en niet alleen uit spaties bestaat",
    "RS032": "een datum zonder tijdzone",
    "RS033": "een niet-lege waarde",
    "RS034": "een tijd zonder tijdzone",
    "RS035": "precies 4 cijfers",
    "RS036": "precies 8 cijfers",
    "RS037": "precies 9 cijfers",
    "RS045": "letters zonder punten of spaties",
    "RS046": "alleen cijfers",
    "RS047": "de BerichtCode van dit berichttype",
    "RS048": "een versie van drie getallen gescheiden door punten",
    "RS007": "minstens 1 teken",
    "RS008": "hoogstens 1 teken",
    **{
        code: f"een waarde van hoogstens {limit}"
        for code, limit in (
            ("RS002", "99"),
            ("RS003", "9999"),
            ("RS004", "99999"),
            ("RS005", "99999999"),
            ("RS006", "999999999"),
            ("RS040", "999999999999"),
        )
    },
    **{
        code: f"hoogstens {limit} tekens"
        for code, limit in (
            ("RS009", "2"),
            ("RS010", "3"),
            ("RS011", "4"),
            ("RS012", "5"),
            ("RS013", "6"),
            ("RS014", "8"),
            ("RS015", "9"),
            ("RS016", "10"),
            ("RS017", "12"),
            ("RS018", "15"),
            ("RS019", "20"),
            ("RS020", "24"),
            ("RS021", "25"),
            ("RS023", "35"),
            ("RS024", "36"),
            ("RS025", "64"),
            ("RS026", "80"),
            ("RS028", "200"),
            ("RS039", "14"),
        )
    },
}

for _code, _wanted in SCHEMA.items():
    MESSAGES.setdefault(_code, "{element} '{value}' voldoet niet aan het schema: verwacht " + _wanted + ".")
    HINTS.setdefault(
        _code, f"Pas de waarde aan zodat die voldoet ({_wanted}); anders wordt het hele bericht afgekeurd."
    )

# --- retourcodes (code values from the standard's list; descriptions in our own words) ---------
RETOURCODES: dict[str, str] = {
    "0001": "bericht of regel voldoet niet aan de regels binnen het bericht",
    "0200": "regel goedgekeurd",
    "0611": "tarief wijkt af van de afspraak",
    "8017": "creditregel verwijst niet naar een geldige debetregel",
    "8021": "ReferentieNummer is al gebruikt",
    "8187": "BSN klopt niet met het eerdere bericht",
    "8214": "declaratieperiode sluit niet aan",
    "8848": "Dagtekening ligt in de toekomst",
    "9019": "onbekende toewijzing in start of stop",
    "9056": "berichtidentificatie is al gebruikt",
    "9063": "te verwijderen aanlevering is onbekend",
    "9069": "stop past bij geen lopende start",
    "9071": "start met een stop kan niet worden verwijderd",
    "9074": "aanlevering bestaat al",
    "9307": "prestatie begint vóór de toewijzing",
    "9308": "prestatie eindigt na de toewijzing",
    "9319": "prestatie valt na de declaratieperiode",
    "9321": "geleverd volume hoger dan toegewezen in de periode",
    "9322": "totaal gedeclareerd volume hoger dan toegewezen",
    "9326": "er loopt nog een start zonder stop",
    "9332": "toewijzingnummer al gebruikt voor iets anders",
    "9333": "declaratienummer al gebruikt",
    "9338": "onbekende toewijzing in de declaratie",
    "9339": "productcategorie wijkt af van de toewijzing",
    "9340": "productcode wijkt af van de toewijzing",
    "9341": "eenheid wijkt af van de toewijzing",
    "9346": "bedrag is niet volume maal tarief",
    "9347": "referentie van de aanbieder al gebruikt",
    "9349": "verzoek noemt niet alle lopende toewijzingen",
    "9350": "ongewijzigd product is geen lopende toewijzing",
    "9351": "te wijzigen product is geen lopende toewijzing",
    "9355": "antwoord hoort bij geen bekend verzoek",
    "9357": "wijziging gaat niet in op de ingangsdatum",
    "9359": "verzoek is al gehonoreerd",
    "9360": "'in onderzoek' kan alleen als eerste antwoord",
    "9361": "producten in het verzoek overlappen",
    "9365": "verzoek heeft al een definitief antwoord",
    "9366": "prestatie hoort niet bij de beantwoorde declaratie",
    "9367": "prestatie wijkt af van de gedeclareerde",
    "9369": "budget van de toewijzing overschreden",
    "9373": "wijziging van budget of totaal gaat niet in op de ingangsdatum",
    "9374": "eerder verzoek is nog in behandeling",
    "9375": "omvang hoort niet bij deze budgettoewijzing",
    "9379": "referentie hoort bij geen verzoek van deze client",
    "9384": "toewijzing is ingetrokken",
    "9385": "toewijzing met goedgekeurde prestaties kan niet worden ingetrokken",
    "9387": "productperiode begint niet op een toegestane dag",
    "9388": "productperiode eindigt niet op een toegestane dag",
    "9389": "periode al gedeclareerd en niet gecrediteerd",
    "9390": "prestatie al gecrediteerd",
    "9411": "omvang ontbreekt bij de wijziging",
    "9412": "omvang hoort niet bij deze wijziging op categorieniveau",
    "9413": "start is al tijdelijk gestopt",
    "9414": "einddatum vóór die van de staande stop",
    "9415": "start is al definitief gestopt",
    "S300": "gemeentecode is niet geldig",
    "S329": "productcode hoort niet in de gebruikte productcodelijst",
}

# --- codes that are no rule of the catalogue ----------------------------------------------------
CODES: dict[str, str] = {
    "XML": "Het bestand is geen goed gevormde XML en kan niet worden gelezen.",
    "XML-UNSAFE": "Het bestand bevat een DOCTYPE of entiteitdeclaratie; het wordt om veiligheidsredenen niet "
    "gelezen.",
    "BERICHT": "Het bestand is geen herkend iJw- of iWmo-bericht (onbekende namespace of BerichtCode).",
    "RELEASE": "Het bericht hoort bij een andere release dan 3.2.",
    "XSD": "Het bericht voldoet niet aan het schema (XSD) van zijn berichttype; het hele bericht wordt "
    "afgekeurd.",
    "FILE": "Het bestand kan niet worden gelezen.",
    "PARSE": "Het bestand kan niet worden gelezen.",
}

# --- one-line rule descriptions (rules list/show, SARIF, docs/rules) ----------------------------
DESCRIPTIONS: dict[str, str] = {
    "CD005": "LandCode is ingevuld als het adres een Postcode heeft, en anders niet.",
    "CD007": "Taal is ingevuld als Communicatie/Vorm 1 (tolk taal) is, en anders niet.",
    "CD009": "Alleen een Contact met Soort 04 (tijdelijk adres) heeft een Periode.",
    "CD025": "Een Nederlands adres (LandCode NL) heeft een huisnummer (Huis).",
    "CD034": "Een BRP-adres (Soort 01) of verblijfadres (Soort 03) heeft een Postcode.",
    "CD041": "Een product met ProductCode heeft een Omvang.",
    "CD043": "BeschikkingIngangsdatum is ingevuld als BeschikkingNummer is ingevuld, en anders niet.",
    "CD060": "Een credit-Prestatie noemt in VorigReferentieNummer de regel die ze corrigeert; een "
    "debet-Prestatie niet.",
    "CD066": "Een verwijzer van Type 02 t/m 05 met ZorgverlenerCode heeft geen Naam.",
    "CD067": "Een verwijzer van Type 02 t/m 05 zonder ZorgverlenerCode heeft een Naam.",
    "CD068": "Alleen een verwijzer van Type 02 t/m 05 heeft een ZorgverlenerCode.",
    "CD075": "Een product met Budget heeft een einddatum.",
    "CD076": "Een product met een omvang per week (Frequentie 2) heeft een einddatum.",
    "CD077": "Een product met Budget heeft geen Omvang.",
    "CD078": "Een product met Omvang heeft geen Budget.",
    "CD079": "Een product zonder Budget noemt het Product.",
    "CD080": "Een toewijzing op categorieniveau die na 2020 loopt, heeft geen Omvang.",
    "CD085": "Een afgewezen verzoek (VerzoekAntwoord 1) noemt de RedenAfwijzingVerzoek.",
    "CD086": "Een verzoek in onderzoek (VerzoekAntwoord 2) heeft geen RedenAfwijzingVerzoek.",
    "CD087": "ProductTarief is ingevuld, behalve bij Eenheid 83 (euro's).",
    "CD095": "Een aanvraag op categorieniveau die na 2020 loopt, heeft geen Omvang.",
    "CD096": "Een NieuwProduct op categorieniveau dat na 2020 loopt, heeft geen Omvang.",
    "CS002": "Een Bsn voldoet aan de elfproef.",
    "CS003": "Een einddatum ligt niet vóór de begin- of ingangsdatum van de periode.",
    "CS050": "Met Partnernaam is NaamGebruik 1 t/m 4; zonder Partnernaam 1 of 6.",
    "CS058": "StatusAanlevering van een start of stop is 1 (eerste aanlevering) of 3 (verwijderen).",
    "CS089": "Een Nederlands adres heeft een Nederlandse postcode (1234AB).",
    "CS100": "Gedeclareerde perioden beginnen op of na 1 januari 2021.",
    "CS139": "Een deels onbekende geboortedatum is geschreven zoals DatumGebruik voorschrijft.",
    "CS318": "Een client is een natuurlijk persoon: NaamGebruik is nooit 6.",
    "CS325": "Een bedrag van 0 is debet (D).",
    "CS335": "RedenWijziging 13 (verwijderd) alleen bij een toewijzing die op haar Ingangsdatum eindigt.",
    "CS336": "RedenWijziging 01 (administratieve correctie) wordt niet meer gebruikt.",
    "CS337": "Een ProductPeriode eindigt in de kalendermaand waarin ze begint.",
    "CS338": "Na 2020 is een Omvang in etmalen, dagdelen, euro's of stuks per week, per maand of totaal.",
    "CS339": "Bij een Prestatie in euro's (Eenheid 83) is het ingediende bedrag gelijk aan het geleverde "
    "volume.",
    "CS340": "Een DeclaratiePeriode is precies één hele kalendermaand.",
    "CS343": "Na 2020 is een aangevraagde Omvang in etmalen, dagdelen, euro's of stuks per week, per maand "
    "of totaal.",
    "TR002": "Een geboortedatum ligt hoogstens 120 jaar vóór de Dagtekening, tenzij ze als onbekend is "
    "gemarkeerd.",
    "TR006": "Een Contact heeft een Telefoon, of een adres met Huis en Postcode, of beide.",
    "TR018": "De Einddatum van een stop ligt niet vóór de Begindatum.",
    "TR061": "Een client heeft minstens één adres van Soort 01 (BRP), 02 (correspondentie) of 03 (verblijf).",
    "TR101": "Geen dubbele regels: binnen een bericht is de sleutel van elke regel met die van haar "
    "bovenliggende regels uniek.",
    "TR134": "Een datum van iets dat al gebeurd is, ligt op of vóór de Dagtekening van het bericht.",
    "TR137": "De Einddatum van een periode ligt niet vóór de Begindatum en niet na de Dagtekening.",
    "TR302": "Hetzelfde product wordt in één bericht alleen meer dan eens toegewezen voor perioden die niet "
    "overlappen.",
    "TR315": "Een VorigReferentieNummer komt maar één keer voor in een declaratie.",
    "TR316": "Een Prestatie wordt niet gecrediteerd in hetzelfde bericht waarin ze gedeclareerd wordt.",
    "TR335": "Een ProductPeriode eindigt hoogstens vijf jaar vóór de DeclaratieDagtekening.",
    "TR342": "Een declaratie-antwoord bevat alleen afgewezen Prestaties, en die verklaren het verschil "
    "tussen ingediend en toegekend.",
    "TR352": "Een wijzigingsverzoek noemt minstens één OngewijzigdProduct of TeWijzigenProduct.",
    "TR353": "Een wijzigingsverzoek heeft minstens één TeWijzigenProduct of NieuwProduct.",
    "TR358": "TotaalIngediendBedrag is de som van de IngediendBedragen, credit afgetrokken.",
    "TR377": "Een afwijzing wegens het woonplaatsbeginsel (reden 8) noemt de gemeente (Woonplaatsbeginsel).",
    "TR380": "Een nieuw product wordt gevraagd vanaf een datum na de Dagtekening van het bericht.",
    "TR383": "Elk AangevraagdProduct heeft een eigen ReferentieAanbieder.",
    "TR386": "Hetzelfde product wordt in één bericht alleen meer dan eens aangevraagd voor perioden die niet "
    "overlappen.",
    "TR409": "Alleen een afwijzing wegens het woonplaatsbeginsel (reden 8) heeft een Woonplaatsbeginsel.",
    "TR410": "Hetzelfde product staat alleen meer dan eens als NieuwProduct voor perioden die niet "
    "overlappen.",
    "TR416": "Een declaratie heeft hoogstens één debet-Prestatie per ToewijzingNummer, product en "
    "ProductPeriode.",
    "TR019": "Een start of stop noemt met ToewijzingNummer een toewijzing die deze aanbieder heeft "
    "ontvangen.",
    "TR056": "Een afzender gebruikt een berichtidentificatie maar één keer per berichttype.",
    "TR063": "Een verwijdering (StatusAanlevering 3) betreft een eerdere aanlevering met dezelfde sleutel.",
    "TR071": "Een start kan niet meer worden verwijderd als er een stop voor is verstuurd.",
    "TR074": "Een nieuwe aanlevering (StatusAanlevering 1) herhaalt niet de sleutel van een eerdere die nog "
    "staat.",
    "TR304": "De Bsn van de client is die uit het eerdere bericht waarnaar verwezen wordt (toewijzing of "
    "gedeclareerde Prestatie).",
    "TR307": "Een Prestatie begint niet vóór de Ingangsdatum van haar toewijzing.",
    "TR308": "Een Prestatie eindigt niet na de Einddatum van haar toewijzing, als die er is.",
    "TR314": "Een aanbieder gebruikt elk ReferentieNummer maar één keer, in deze en eerdere declaraties.",
    "TR318": "Een DeclaratiePeriode volgt op de eerdere van dezelfde aanbieder en gemeente; nooit terug of "
    "dezelfde.",
    "TR319": "Een declaratie bevat Prestaties van haar eigen of eerdere perioden, nooit van een latere.",
    "TR321": "Het GeleverdVolume van een Prestatie is niet meer dan de toewijzing voor die periode toestaat.",
    "TR322": "Al het volume op een toewijzing (debet min credit) past binnen haar Omvang over de hele duur.",
    "TR323": "Een credit-Prestatie verwijst met VorigReferentieNummer naar een eerdere debet-Prestatie die "
    "niet is afgewezen.",
    "TR326": "Een nieuwe start voor een toewijzing kan alleen als elke eerdere start is gestopt.",
    "TR332": "Een gemeente geeft elk ToewijzingNummer aan één toegewezen product.",
    "TR333": "Een aanbieder gebruikt elk DeclaratieNummer maar één keer.",
    "TR337": "DeclaratieIdentificatie herhaalt de berichtidentificatie van een ontvangen declaratie.",
    "TR338": "Elke Prestatie noemt met ToewijzingNummer een toewijzing van de gemeente aan deze aanbieder.",
    "TR339": "De ProductCategorie van een Prestatie is die van haar toewijzing, als die er een noemt.",
    "TR340": "De ProductCode van een Prestatie is die van haar toewijzing, als die er een noemt.",
    "TR341": "De Eenheid van een Prestatie is die van haar toewijzing; minuten mogen bij een toewijzing in "
    "uren.",
    "TR347": "Een aanbieder gebruikt een ReferentieAanbieder niet opnieuw voor een ander verzoek.",
    "TR349": "Een wijzigingsverzoek noemt elke lopende toewijzing van de client, ongewijzigd of te wijzigen.",
    "TR350": "Een OngewijzigdProduct verwijst naar een lopende toewijzing van de client.",
    "TR351": "Een TeWijzigenProduct verwijst naar een lopende toewijzing van de client.",
    "TR355": "Een antwoord herhaalt de ReferentieAanbieder van een verzoek (JW315/JW317) van de aanbieder.",
    "TR357": "Een wijziging die niet in de toekomst ingaat, geldt voor de hele toewijzing en begint op haar "
    "Ingangsdatum.",
    "TR359": "Geen antwoord meer nadat het verzoek met een toewijzing met die ReferentieAanbieder is "
    "gehonoreerd.",
    "TR360": "'In onderzoek' (VerzoekAntwoord 2) kan alleen het eerste antwoord op een verzoek zijn.",
    "TR361": "Een product komt alleen meer dan eens voor in een wijzigingsverzoek voor perioden die niet "
    "overlappen.",
    "TR365": "Een verzoek wordt alleen opnieuw beantwoord als elk eerder antwoord 'in onderzoek' was.",
    "TR366": "Elke beantwoorde Prestatie is een Prestatie van de beantwoorde declaratie.",
    "TR367": "Een beantwoorde Prestatie herhaalt de waarden van de gedeclareerde Prestatie ongewijzigd.",
    "TR369": "Alles wat op een toewijzing met Budget is gedeclareerd (debet min credit), past binnen dat "
    "Budget.",
    "TR371": "XsdVersieDeclaratie herhaalt de XsdVersie van de beantwoorde declaratie.",
    "TR373": "Een wijziging van Budget of totaalvolume geldt voor de hele toewijzing en begint op haar "
    "Ingangsdatum.",
    "TR374": "Geen nieuw verzoek voor een client zolang een eerder verzoek van dezelfde aanbieder in "
    "behandeling is.",
    "TR375": "Een wijziging van een toewijzing zonder Product (budget) die na 2020 loopt, vraagt geen "
    "Omvang.",
    "TR376": "Een declaratie-antwoord noemt met DeclaratieNummer een declaratie van die aanbieder.",
    "TR379": "Een ReferentieAanbieder op een toewijzing is die van een verzoek van deze aanbieder voor de "
    "client.",
    "TR382": "Een stop herhaalt ongewijzigd de sleutel van een staande start (Bsn, ToewijzingNummer, "
    "Product, Begindatum).",
    "TR384": "Er wordt niet gedeclareerd op een toewijzing die de gemeente heeft ingetrokken (RedenWijziging "
    "13).",
    "TR385": "Een toewijzing wordt niet ingetrokken zolang er goedgekeurde, niet gecrediteerde Prestaties op "
    "staan.",
    "TR387": "Een ProductPeriode begint op de eerste van de maand, of op de latere Ingangsdatum van de "
    "toewijzing in die maand.",
    "TR388": "Een ProductPeriode eindigt op de laatste dag van de maand, of op de eerdere Einddatum van de "
    "toewijzing in die maand.",
    "TR389": "Een tweede debet voor dezelfde ProductPeriode, product en toewijzing kan pas als de eerste is "
    "gecrediteerd.",
    "TR390": "Een debet-Prestatie wordt maar één keer gecrediteerd, in dit en in andere berichten.",
    "TR411": "Een wijziging van een toewijzing voor een specifiek product noemt de Omvang.",
    "TR412": "Een wijziging van een toewijzing op categorieniveau die na 2020 loopt, vraagt geen Omvang.",
    "TR413": "Een start die al tijdelijk is gestopt (reden 20) kan niet nog eens tijdelijk worden gestopt.",
    "TR414": "Een latere stop van dezelfde start eindigt niet vóór de stop die al staat.",
    "TR415": "Een definitief gestopte start krijgt geen nieuwe stop; wijzig of verwijder de staande.",
    "TR418": "ProductTarief is het tarief dat voor deze aanbieder, gemeente en dit product op die datum is "
    "afgesproken.",
    "OP087": "Een toewijzingbericht bevat alle nog geldige toewijzingen van de client voor de aanbieder, "
    "niet alleen de gewijzigde.",
    "OP348": "Een toewijzing die een verzoek om wijziging honoreert, bevat alles waar het verzoek om vroeg.",
    "OP192": "Een verzonden bestand is UTF-8 zonder BOM, met CR/LF-regeleinden, één element per regel en "
    "de extensie .xml.",
    "IV009": "Een geboortedatum in het vuljaar 1900 is met DatumGebruik 3 als onbekend aangegeven.",
    "TR135": "Een Dagtekening ligt niet na de systeemdatum.",
    "TR346": "IngediendBedrag is GeleverdVolume maal ProductTarief, behalve bij Eenheid 83 (euro's).",
    "TR378": "Een gemeentecode staat in de CBS-lijst en is geldig op de relevante data van het bericht.",
    "TR381": "Een ProductCode staat onder die ProductCategorie in de productcodelijst die de gemeente op die "
    "datum gebruikt.",
    "PC001": "De Eenheid van een product past bij zijn uitvoeringsvariant en productdefinitie.",
    "PC002": "De Frequentie van een Omvang past bij de Eenheid in de uitvoeringsvariant van het product.",
    "PC010": "Meldt welk landelijk product bij een gemeentelijke productcode hoort, met het volume in "
    "landelijke eenheden.",
}
DESCRIPTIONS.update(
    {code: f"Het element bevat {wanted} (het XSD controleert dit)." for code, wanted in SCHEMA.items()}
)
