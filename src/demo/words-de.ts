// The demo publication's own German words, entry for entry the concepts of words-en.ts. Nouns carry their
// gender and, for masculine and neuter nouns, the genitive: `m Streik/Streiks/Streiks`; verbs their four
// principal forms (see german.ts). Only verbs that take an accusative object and are not separable, so that
// one word order fits every verb.
import type { Words } from "./template.js";

export const GERMAN_WORDS: Words = {
  noun: `
    f Krise/Krisen, m Streik/Streiks/Streiks, m Aufstand/Aufstands/Aufstände, n Programm/Programms/Programme
    f Partei/Parteien, f Bewegung/Bewegungen, m Vertrag/Vertrags/Verträge, f Revolution/Revolutionen
    f Rezession/Rezessionen, m Krieg/Kriegs/Kriege, n Bündnis/Bündnisses/Bündnisse, f Fraktion/Fraktionen
    f Tradition/Traditionen, m Kampf/Kampfes/Kämpfe, f Perspektive/Perspektiven, m Kurs/Kurses/Kurse
    n Regime/Regimes/Regime, f Koalition/Koalitionen, m Kompromiss/Kompromisses/Kompromisse
    f Reform/Reformen, m Haushalt/Haushalts/Haushalte, f Kampagne/Kampagnen, n Tribunal/Tribunals/Tribunale
    m Kongress/Kongresses/Kongresse, f Verfassung/Verfassungen, f Blockade/Blockaden, f Wahl/Wahlen
    n Referendum/Referendums/Referenden, f Besetzung/Besetzungen, f Hungersnot/Hungersnöte
    f Säuberung/Säuberungen, m Prozess/Prozesses/Prozesse, n Archiv/Archivs/Archive, f Diktatur/Diktaturen
    f Niederlage/Niederlagen, m Sieg/Sieges/Siege, f Kapitulation/Kapitulationen, n Manöver/Manövers/Manöver
    f Offensive/Offensiven, f Verhaftungswelle/Verhaftungswellen, f Aussperrung/Aussperrungen
    m Generalstreik/Generalstreiks/Generalstreiks, f Meuterei/Meutereien, f Erhebung/Erhebungen
    f Konterrevolution/Konterrevolutionen, f Bürokratie/Bürokratien
    n Sparprogramm/Sparprogramms/Sparprogramme
    f Lohnkürzung/Lohnkürzungen, f Rentenreform/Rentenreformen, f Privatisierung/Privatisierungen
    n Rettungspaket/Rettungspakets/Rettungspakete, f Schuldenkrise/Schuldenkrisen
    m Handelskrieg/Handelskriegs/Handelskriege
    n Aufrüstungsprogramm/Aufrüstungsprogramms/Aufrüstungsprogramme
    n Embargo/Embargos/Embargos, n Grenzregime/Grenzregimes/Grenzregime, f Abschiebung/Abschiebungen
    n Notstandsgesetz/Notstandsgesetzes/Notstandsgesetze, m Ausnahmezustand/Ausnahmezustands/Ausnahmezustände
    m Putsch/Putsches/Putsche, n Massaker/Massakers/Massaker, m Schauprozess/Schauprozesses/Schauprozesse
    f Amnestie/Amnestien, m Waffenstillstand/Waffenstillstands/Waffenstillstände
    f Friedenskonferenz/Friedenskonferenzen, f Verhandlung/Verhandlungen, f Vereinbarung/Vereinbarungen
    f Resolution/Resolutionen, n Manifest/Manifests/Manifeste, f Broschüre/Broschüren, f Zeitung/Zeitungen
    m Leitartikel/Leitartikels/Leitartikel, f Rede/Reden, m Brief/Briefs/Briefe, m Bericht/Berichts/Berichte
    f Untersuchung/Untersuchungen, f Kommission/Kommissionen, f Konferenz/Konferenzen
    f Demonstration/Demonstrationen, m Protest/Protests/Proteste, f Fabrikbesetzung/Fabrikbesetzungen
    m Streikposten/Streikpostens/Streikposten, f Lohnforderung/Lohnforderungen
    m Tarifvertrag/Tarifvertrags/Tarifverträge, f Entlassungswelle/Entlassungswellen
    f Werksschließung/Werksschließungen, f Mieterhöhung/Mieterhöhungen
    m Preisanstieg/Preisanstiegs/Preisanstiege
    f Inflation/Inflationen, m Aufschwung/Aufschwungs/Aufschwünge, m Einbruch/Einbruchs/Einbrüche
    m Bankrott/Bankrotts/Bankrotte, m Börsenkrach/Börsenkrachs/Börsenkrache, f Währung/Währungen
    m Zoll/Zolls/Zölle, f Subvention/Subventionen, f Steuersenkung/Steuersenkungen, m Profit/Profits/Profite
    f Dividende/Dividenden, n Imperium/Imperiums/Imperien, f Kolonie/Kolonien, f Grenze/Grenzen
    f Annexion/Annexionen, f Invasion/Invasionen, m Bombenkrieg/Bombenkriegs/Bombenkriege
    n Waffengeschäft/Waffengeschäfts/Waffengeschäfte
    m Militärstützpunkt/Militärstützpunkts/Militärstützpunkte
    n Pogrom/Pogroms/Pogrome, n Exil/Exils/Exile, n Gefangenenlager/Gefangenenlagers/Gefangenenlager
    f Zensur/Zensuren, n Überwachungsprogramm/Überwachungsprogramms/Überwachungsprogramme
    m Polizeieinsatz/Polizeieinsatzes/Polizeieinsätze, f Spaltung/Spaltungen, f Fusion/Fusionen
    f Plattform/Plattformen, f Tendenz/Tendenzen, f Losung/Losungen, f Doktrin/Doktrinen, f Theorie/Theorien
    f Lüge/Lügen, f Fälschung/Fälschungen, f Legende/Legenden, f Debatte/Debatten, f Polemik/Polemiken
    f Frage/Fragen, n Prinzip/Prinzips/Prinzipien, f Forderung/Forderungen, n Dekret/Dekrets/Dekrete
    n Gesetz/Gesetzes/Gesetze
  `,
  sing: `
    f Regierung, f herrschend+ Klasse, f Gewerkschaftsbürokratie, f Armeeführung, f Zentralbank
    f Opposition, f Presse, f Führung, n Kabinett/Kabinetts, m Polizeichef/Polizeichefs, f Armee
    f Parteiführung, f Bourgeoisie, n Parlament/Parlaments, m Staatsapparat/Staatsapparats
    m Arbeitgeberverband/Arbeitgeberverbands, f Regierungskoalition, f Junta, f alt+ Führung
    f national+ Bourgeoisie, m Mittelstand/Mittelstands, n Kleinbürgertum/Kleinbürgertums, f Arbeiterklasse
    f Arbeiterbewegung, f Gewerkschaftsführung, m Premierminister/Premierministers
    n Staatsoberhaupt/Staatsoberhaupts, m Finanzminister/Finanzministers, n Establishment/Establishments
    f stalinistisch+ Bürokratie, f liberal+ Presse, n Offizierskorps/Offizierskorps, f Finanzoligarchie
    m Geheimdienst/Geheimdienstes, n Gericht/Gerichts
  `,
  plur: `
    Arbeiter, Bauern, Studenten, Bankiers, Generäle, Historiker, Journalisten, Minister
    Gewerkschaften, Großgrundbesitzer, Exporteure, Flüchtlinge, Bergarbeiter, Hafenarbeiter, Lehrer
    Pflegekräfte, Aktionäre, Oligarchen, Akademiker, Soldaten, Matrosen, Eisenbahner, Autoarbeiter
    Textilarbeiter, Mieter, Landwirte, Kleinhändler, Postarbeiter, Unternehmer, Investoren
    Gläubiger, Diplomaten, Parlamentarier, Wähler, Lehrlinge, Revolutionäre
    Bolschewiki, Menschewiki, Anarchisten, Sozialisten, Sozialdemokraten, Nationalisten
    Stalinisten, Trotzkisten, Reformisten, Migranten, Rentner, Ärzte, Wissenschaftler, Schriftsteller
    Künstler, Filmemacher, Anwälte, Staatsanwälte, Richter, Polizisten
  `,
  adj: `
    historisch, bitter, entscheidend, langwierig, international, national, politisch, wirtschaftlich
    sozial, bürokratisch, revolutionär, konservativ, offiziell, ungelöst, vergessen
    systematisch, gewaltsam, friedlich, prinzipienfest, zynisch, offen, geheim, global, regional
    fragil, brutal, sorgfältig, bemerkenswert, nüchtern, dauerhaft, verzweifelt, reaktionär
    fortschrittlich, militant, massiv, katastrophal, tragisch, grotesk, schändlich, verbrecherisch
    heldenhaft, mutig, feige, unehrlich, ehrlich, betrügerisch, korrupt, verrottet, hohl, leer
    bankrott, überholt, unvermeidlich, notwendig, dringend, unmittelbar, direkt, indirekt, allgemein
    partiell, vollständig, total, chronisch, akut, plötzlich, allmählich, lang, kurz, blutig
    rücksichtslos, vorsichtig, zaghaft, ehrgeizig, bescheiden, enorm, tiefgreifend, oberflächlich
    verborgen, öffentlich, privat, nationalistisch, demokratisch, autoritär, militaristisch
    imperialistisch, kolonial, kapitalistisch, sozialistisch, stalinistisch, pseudolinks/pseudolink
    kleinbürgerlich, liberal, radikal, gemäßigt, linksgerichtet, rechtsgerichtet, rechtsextrem
    faschistisch, antikommunistisch, beispiellos, vertraut, neu, alt, seltsam, tief, weitverbreitet
    isoliert, gespalten, geeint, diszipliniert, spontan, organisiert
  `,
  verb: `
    verraten/verriet/verraten/verrät, verteidigen/verteidigte/verteidigt/verteidigt
    entlarven/entlarvte/entlarvt/entlarvt, verschleiern/verschleierte/verschleiert/verschleiert
    organisieren, unterdrücken/unterdrückte/unterdrückt/unterdrückt
    verwandeln/verwandelte/verwandelt/verwandelt, fordern/forderte/gefordert/fordert
    verwerfen/verwarf/verworfen/verwirft, verlassen/verließ/verlassen/verlässt
    dokumentieren, finanzieren, planen/plante/geplant/plant, untergraben/untergrub/untergraben/untergräbt
    beantworten/beantwortete/beantwortet/beantwortet, verurteilen/verurteilte/verurteilt/verurteilt
    rechtfertigen/rechtfertigte/gerechtfertigt/rechtfertigt, begrüßen/begrüßte/begrüßt/begrüßt
    bekämpfen/bekämpfte/bekämpft/bekämpft, fälschen/fälschte/gefälscht/fälscht
    zerstören/zerstörte/zerstört/zerstört, zerschlagen/zerschlug/zerschlagen/zerschlägt
    verbieten/verbot/verboten/verbietet, verlängern/verlängerte/verlängert/verlängert
    provozieren, sabotieren, isolieren, ignorieren, feiern/feierte/gefeiert/feiert, loben/lobte/gelobt/lobt
    denunzieren, unterstützen/unterstützte/unterstützt/unterstützt, verhängen/verhängte/verhängt/verhängt
    erzwingen/erzwang/erzwungen/erzwingt, unterzeichnen/unterzeichnete/unterzeichnet/unterzeichnet
    brechen/brach/gebrochen/bricht, verbergen/verbarg/verborgen/verbirgt, revidieren
    verzerren/verzerrte/verzerrt/verzerrt, rehabilitieren
    verherrlichen/verherrlichte/verherrlicht/verherrlicht
    untersuchen/untersuchte/untersucht/untersucht
    veröffentlichen/veröffentlichte/veröffentlicht/veröffentlicht
    drucken/druckte/gedruckt/druckt, zitieren, demontieren, privatisieren
    verstaatlichen/verstaatlichte/verstaatlicht/verstaatlicht, besetzen/besetzte/besetzt/besetzt, blockieren
    bewaffnen/bewaffnete/bewaffnet/bewaffnet, entwaffnen/entwaffnete/entwaffnet/entwaffnet, mobilisieren
    spalten/spaltete/gespalten/spaltet, vereinen/vereinte/vereint/vereint, stärken/stärkte/gestärkt/stärkt
    schwächen/schwächte/geschwächt/schwächt, täuschen/täuschte/getäuscht/täuscht, diskreditieren
    unterschätzen/unterschätzte/unterschätzt/unterschätzt, opfern/opferte/geopfert/opfert
  `,
  adv: `
    offen, stillschweigend, systematisch, bewusst, wiederholt, zynisch, konsequent
    letztlich, hastig, heimlich, öffentlich, brutal, vorsichtig, schamlos, hartnäckig
    erfolgreich, fälschlich, erbittert, routinemäßig, rasch
  `,
  place: `
    Nairobi, Mombasa, Kisumu, Berlin, Hamburg, München, Leipzig, Dresden, Köln, Essen
    Bremen, Chemnitz, Wien, Zürich, Madrid, Barcelona, Sevilla, Bilbao, Valencia, Lissabon
    Porto, Paris, Marseille, Lyon, Turin, Mailand, Neapel, Rom, Athen, Thessaloniki
    Istanbul, Ankara, Warschau, Danzig, Budapest, Prag, Petrograd, Moskau, Kiew, Charkiw
    London, Glasgow, Liverpool, Belfast, Dublin, Detroit, Chicago, Flint, Oakland, Minneapolis
    Pittsburgh, Toledo, New York, Los Angeles, Mexiko-Stadt, Havanna, Santiago, Buenos Aires
    São Paulo, La Paz, Lima, Bogotá, Caracas, Lagos, Accra, Dakar, Johannesburg, Durban
    Kapstadt, Harare, Kampala, Addis Abeba, Kairo, Tunis, Algier, Teheran, Karatschi, Colombo
    Kalkutta, Mumbai, Chennai, Dhaka, Jakarta, Manila, Shanghai, Wuhan, Peking, Seoul
    Tokio, Hanoi, Sydney, Melbourne, Kenia, Deutschland, Spanien, Griechenland, Frankreich, Italien
    Polen, Russland, China, Indien, Brasilien, Mexiko, Chile, Argentinien, Bolivien, Nigeria
    Südafrika, Ägypten, Sri Lanka, Indonesien, Vietnam, Portugal, Großbritannien, Irland, Österreich
    Ungarn, Japan
  `,
  inst: `
    m International+ Währungsfonds/Währungsfonds, f Weltbank, f Europäisch+ Kommission
    f Europäisch+ Zentralbank, m Oberst+ Gerichtshof/Gerichtshofs, m Senat/Senats, f Nationalversammlung
    f Kommunistisch+ Internationale, m Völkerbund/Völkerbunds, m Sicherheitsrat/Sicherheitsrats
    f Welthandelsorganisation, f US-Notenbank, n Pentagon/Pentagons, m Kreml/Kremls, n Weiß+ Haus/Hauses
    m Bundestag/Bundestags, n Kanzleramt/Kanzleramts, n Auswärtig+ Amt/Amts
    n Finanzministerium/Finanzministeriums, n Verfassungsgericht/Verfassungsgerichts
    m Deutsch+ Gewerkschaftsbund/Gewerkschaftsbunds, n Politbüro/Politbüros, n Zentralkomitee/Zentralkomitees
    n US-Außenministerium/US-Außenministeriums, m Nordatlantikrat/Nordatlantikrats, f Afrikanisch+ Union
    n Europäisch+ Parlament/Parlaments, m Reichstag/Reichstags, f Duma, f Volksfrontregierung
    f Provisorisch+ Regierung, m Petrograder Sowjet/Sowjets, f Verfassunggebend+ Versammlung
  `,
  year: `
    1848, 1871, 1889, 1905, 1912, 1914, 1917, 1918, 1919, 1921, 1923, 1926, 1927, 1929, 1931
    1933, 1934, 1936, 1937, 1938, 1939, 1940, 1944, 1945, 1948, 1953, 1956, 1960, 1963, 1968
    1969, 1973, 1974, 1979, 1984, 1989, 1991, 1997, 2001, 2003, 2008, 2011, 2015, 2020, 2022
  `,
  work: `
    Die Lehren des Oktober, Die permanente Krise, Notizen aus der Untergrundpresse
    Die brennende Frage, Zur Verteidigung der Theorie, Der Weg zur Macht, Das Jahr der Barrikaden
    Eine Bilanz der Niederlage, Der Massenstreik, Gegen den Strom, Das Schicksal der Republik
    Briefe aus dem Exil, Die hungrigen Dreißiger, Reform oder Revolution – neu gelesen, Der große Rückzug
    Arbeiter und Imperium, Die eisernen Jahre, Der Preis des Friedens, Unter der roten Fahne
    Der vergessene Streik, Gespräche über die nationale Frage, Die Ökonomie des Niedergangs
    Eine Geschichte der Hafenarbeiter, Die lange Nacht, Brot und Freiheit, Der Prozess der Einundzwanzig
    Vom Kaiserreich zur Republik, Anatomie eines Putsches, Erinnerungen eines Schriftsetzers
    Die unvollendete Revolution
  `,
  name: `
    Karl Lindner, Vera Sokolowa, Anton Brenner, Mira Halevi, Joseph Okonkwo, Rosa Eckstein
    Paul Mercier, Andrés Villalobos, Leo Grünbaum, Iwan Morosow, Grace Adeyemi, Henri Duval
    Sofia Markou, Ernst Kohler, Chen Wei, Ravi Pillai, Fatima Benali, Tadeusz Wróbel
    Olga Bernstein, Manuel Ortega, Hugo Rahn, Alice Whitcombe, Nikos Vlachos, Jan Kowal
    Ana Teixeira, Samuel Mwangi, Erik Lund, Léa Fontaine, Walter Brandes, Yuki Tanabe
    Pedro Alcántara, Amina Diallo, George Harker, Miriam Roth, Viktor Lenz, Irene Castell
    Julius Adler, Nadia Karim, Benjamin Frost, Teresa Moll
  `,
};
