<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
  <context>
    <name>baliecheck</name>
    <message>
      <source>OEFENMODUS — geen echte gegevens</source>
      <translation>TRAINING MODE — no real data</translation>
    </message>
    <message>
      <source>TESTKAARTEN TOEGELATEN — niet voor burgers</source>
      <translation>TEST CARDS ACCEPTED — not for citizens</translation>
    </message>
    <message>
      <source>Dienst:</source>
      <translation>Service:</translation>
    </message>
    <message>
      <source>&amp;Oefenen</source>
      <translation>&amp;Training</translation>
    </message>
    <message>
      <source>Kaart &amp;insteken</source>
      <translation>&amp;Insert card</translation>
    </message>
    <message>
      <source>Kaart &amp;uitnemen</source>
      <translation>&amp;Remove card</translation>
    </message>
    <message>
      <source>Nummer intypen (F2)</source>
      <translation>Type the number (F2)</translation>
    </message>
    <message>
      <source>Afwijken van advies (Ctrl+O)</source>
      <translation>Override the advice (Ctrl+O)</translation>
    </message>
    <message>
      <source>Wissen (Esc)</source>
      <translation>Clear (Esc)</translation>
    </message>
    <message>
      <source>Manueel beslissen</source>
      <translation>Decide manually</translation>
    </message>
    <message>
      <source>Beslis zelf, met een reden die wordt geregistreerd</source>
      <translation>Decide yourself, with a reason that is recorded</translation>
    </message>
    <message>
      <source>Geen nummer bekend: typ het rijksregisternummer in (F2) om toch advies te vragen.</source>
      <translation>No number known: type the national register number (F2) to ask for advice anyway.</translation>
    </message>
    <message>
      <source>Steek de eID-kaart in de lezer</source>
      <translation>Insert the eID card into the reader</translation>
    </message>
    <message>
      <source>Chip naar boven. Geen kaart? Typ het rijksregisternummer in (F2).</source>
      <translation>Chip facing up. No card? Type the national register number (F2).</translation>
    </message>
    <message>
      <source>Kaart wordt gelezen…</source>
      <translation>Reading the card…</translation>
    </message>
    <message>
      <source>Advies wordt opgevraagd…</source>
      <translation>Asking for advice…</translation>
    </message>
    <message>
      <source>Laat de kaart in de lezer.</source>
      <translation>Leave the card in the reader.</translation>
    </message>
    <message>
      <source>Toepassen: {detail}</source>
      <translation>Apply: {detail}</translation>
    </message>
    <message>
      <source>gegevens van {date}</source>
      <translation>data of {date}</translation>
    </message>
    <message>
      <source>datum van de gegevens onbekend</source>
      <translation>date of the data unknown</translation>
    </message>
    <message>
      <source>Nummer: {masked}</source>
      <translation>Number: {masked}</translation>
    </message>
    <message>
      <source>Nummer manueel ingevoerd</source>
      <translation>Number typed in manually</translation>
    </message>
    <message>
      <source>✔ Geregistreerd: {outcome}</source>
      <translation>✔ Recorded: {outcome}</translation>
    </message>
    <message>
      <source>wordt later verzonden</source>
      <translation>will be sent later</translation>
    </message>
    <message>
      <source>Niet geregistreerd</source>
      <translation>Not recorded</translation>
    </message>
    <message>
      <source>De beslissing is NIET geregistreerd.</source>
      <translation>The decision was NOT recorded.</translation>
    </message>
    <message>
      <source>Er liep iets onverwacht mis. Meld dit aan de informaticadienst.</source>
      <translation>Something unexpected went wrong. Report this to the IT department.</translation>
    </message>
    <message>
      <source>Onverwachte fout</source>
      <translation>Unexpected error</translation>
    </message>
    <message>
      <source>Er liep iets onverwacht mis. Het scherm is gewist: er is geen advies.</source>
      <translation>Something unexpected went wrong. The screen has been cleared: there is no advice.</translation>
    </message>
    <message>
      <source>Probeer opnieuw: steek de kaart opnieuw in of typ het nummer in (F2). Lukt het niet, noteer de beslissing op papier en meld het aan de informaticadienst.</source>
      <translation>Try again: insert the card again or type the number (F2). If that does not work, write the decision down on paper and report it to IT.</translation>
    </message>
    <message>
      <source>Een onderdeel van baliecheck is onverwacht gestopt. Het scherm is gewist: er is geen advies.</source>
      <translation>Part of baliecheck stopped unexpectedly. The screen has been cleared: there is no advice.</translation>
    </message>
    <message>
      <source>Sluit baliecheck en start het opnieuw. Noteer intussen de beslissingen op papier en meld het aan de informaticadienst.</source>
      <translation>Close baliecheck and start it again. Meanwhile, write decisions down on paper and report it to IT.</translation>
    </message>
    <message>
      <source>Geen uitkomsten bekend</source>
      <translation>No outcomes known</translation>
    </message>
    <message>
      <source>Manueel beslissen kan hier niet: de mogelijke uitkomsten van deze dienst zijn niet bekend (de adviesdienst werd nog niet bereikt). Noteer de beslissing op papier.</source>
      <translation>A manual decision is not possible here: this service's possible outcomes are not known (the advice service has not been reached yet). Write the decision down on paper.</translation>
    </message>
    <message>
      <source>Rijksregisternummer intypen</source>
      <translation>Type the national register number</translation>
    </message>
    <message>
      <source>Rijksregisternummer of BIS-nummer (11 cijfers):</source>
      <translation>National register number or BIS number (11 digits):</translation>
    </message>
    <message>
      <source>Nog {count} cijfer(s)</source>
      <translation>{count} more digit(s)</translation>
    </message>
    <message>
      <source>Te veel cijfers</source>
      <translation>Too many digits</translation>
    </message>
    <message>
      <source>Dit nummer klopt niet (controlegetal)</source>
      <translation>This number is not valid (check digits)</translation>
    </message>
    <message>
      <source>Dit nummer klopt niet: de geboortedatum erin bestaat niet</source>
      <translation>This number is not right: the birth date in it does not exist</translation>
    </message>
    <message>
      <source>✔ Geldig nummer</source>
      <translation>✔ Valid number</translation>
    </message>
    <message>
      <source>Advies vragen</source>
      <translation>Ask for advice</translation>
    </message>
    <message>
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Afwijken van het advies</source>
      <translation>Override the advice</translation>
    </message>
    <message>
      <source>Advies: {label}</source>
      <translation>Advice: {label}</translation>
    </message>
    <message>
      <source>Er is geen advies. Beslis op basis van de getoonde documenten.</source>
      <translation>There is no advice. Decide based on the documents shown.</translation>
    </message>
    <message>
      <source>Toe te passen:</source>
      <translation>To apply:</translation>
    </message>
    <message>
      <source>Reden:</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <source>Toelichting:</source>
      <translation>Explanation:</translation>
    </message>
    <message>
      <source>Kies wat u toepast…</source>
      <translation>Choose what you apply…</translation>
    </message>
    <message>
      <source>Kies een reden…</source>
      <translation>Choose a reason…</translation>
    </message>
    <message>
      <source>Minstens 10 tekens. Schrijf geen gevoelige gegevens (gezondheid, schulden, rijksregisternummer): alleen wat de beslissing verklaart.</source>
      <translation>At least 10 characters. Do not write sensitive data (health, debts, national register number): only what explains the decision.</translation>
    </message>
    <message>
      <source>Nog {count} teken(s)</source>
      <translation>{count} more character(s)</translation>
    </message>
    <message>
      <source>Te lang: hoogstens {count} tekens</source>
      <translation>Too long: at most {count} characters</translation>
    </message>
    <message>
      <source>Bevestigen en registreren</source>
      <translation>Confirm and record</translation>
    </message>
    <message>
      <source>Kaartlezer: klaar</source>
      <translation>Card reader: ready</translation>
    </message>
    <message>
      <source>Kaartlezer: niet gevonden</source>
      <translation>Card reader: not found</translation>
    </message>
    <message>
      <source>Kaartlezer: dienst draait niet</source>
      <translation>Card reader: service not running</translation>
    </message>
    <message>
      <source>Kaartlezer: PC/SC-dienst niet geïnstalleerd</source>
      <translation>Card reader: PC/SC service not installed</translation>
    </message>
    <message>
      <source>Adviesdienst: bereikbaar</source>
      <translation>Advice service: reachable</translation>
    </message>
    <message>
      <source>Adviesdienst: beperkt</source>
      <translation>Advice service: limited</translation>
    </message>
    <message>
      <source>Adviesdienst: onbereikbaar</source>
      <translation>Advice service: unreachable</translation>
    </message>
    <message>
      <source>Adviesdienst: onbekend</source>
      <translation>Advice service: unknown</translation>
    </message>
    <message>
      <source>{count} beslissing(en) wachten op verzending</source>
      <translation>{count} decision(s) waiting to be sent</translation>
    </message>
    <message>
      <source>Alle beslissingen verzonden</source>
      <translation>All decisions sent</translation>
    </message>
    <message>
      <source>Gegevens zijn verouderd</source>
      <translation>Data is out of date</translation>
    </message>
    <message>
      <source>Recent verhuisd</source>
      <translation>Moved recently</translation>
    </message>
    <message>
      <source>Bijzondere gezinssituatie</source>
      <translation>Special family situation</translation>
    </message>
    <message>
      <source>Bewijsstuk getoond</source>
      <translation>Supporting document shown</translation>
    </message>
    <message>
      <source>Doorverwezen door maatschappelijk werker</source>
      <translation>Referred by a social worker</translation>
    </message>
    <message>
      <source>Geen advies beschikbaar</source>
      <translation>No advice available</translation>
    </message>
    <message>
      <source>Andere reden</source>
      <translation>Other reason</translation>
    </message>
    <message>
      <source>&amp;Beheer</source>
      <translation>&amp;Admin</translation>
    </message>
    <message>
      <source>&amp;Instellingen…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <source>Instellingen</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Adviesdienst</source>
      <translation>Advice service</translation>
    </message>
    <message>
      <source>Balie</source>
      <translation>Desk</translation>
    </message>
    <message>
      <source>&amp;Werkwijze:</source>
      <translation>&amp;Working mode:</translation>
    </message>
    <message>
      <source>Oefenmodus (voorbeeldgegevens, gesimuleerde lezer)</source>
      <translation>Training mode (sample data, simulated reader)</translation>
    </message>
    <message>
      <source>Lijsten op deze pc (ingebouwd)</source>
      <translation>Lists on this PC (embedded)</translation>
    </message>
    <message>
      <source>Adviesdienst van de gemeente (server)</source>
      <translation>The municipality's advice service (server)</translation>
    </message>
    <message>
      <source>&amp;Adres adviesdienst:</source>
      <translation>&amp;Advice service address:</translation>
    </message>
    <message>
      <source>Aan&amp;melding:</source>
      <translation>Sign-&amp;in:</translation>
    </message>
    <message>
      <source>Geen (alleen voor een dienst op deze pc)</source>
      <translation>None (only for a service on this PC)</translation>
    </message>
    <message>
      <source>Toegangstoken (bearer)</source>
      <translation>Access token (bearer)</translation>
    </message>
    <message>
      <source>OAuth2 met clientgegevens (client credentials)</source>
      <translation>OAuth2 client credentials</translation>
    </message>
    <message>
      <source>Tok&amp;en-adres:</source>
      <translation>Tok&amp;en URL:</translation>
    </message>
    <message>
      <source>&amp;Client-id:</source>
      <translation>&amp;Client ID:</translation>
    </message>
    <message>
      <source>Sco&amp;pe (bereik):</source>
      <translation>Sco&amp;pe:</translation>
    </message>
    <message>
      <source>&amp;Geheim:</source>
      <translation>Secre&amp;t:</translation>
    </message>
    <message>
      <source>opgeslagen</source>
      <translation>stored</translation>
    </message>
    <message>
      <source>niet ingesteld</source>
      <translation>not set</translation>
    </message>
    <message>
      <source>wordt nagekeken…</source>
      <translation>checking…</translation>
    </message>
    <message>
      <source>onbekend (sleutelopslag niet bereikbaar)</source>
      <translation>unknown (keyring not reachable)</translation>
    </message>
    <message>
      <source>Het token of clientgeheim staat in de sleutelopslag van het systeem, nooit in het bestand. Typ alleen iets om het te vervangen.</source>
      <translation>The token or client secret is kept in the system keyring, never in the file. Type only to replace it.</translation>
    </message>
    <message>
      <source>CA-b&amp;undel:</source>
      <translation>CA b&amp;undle:</translation>
    </message>
    <message>
      <source>leeg: alleen de vertrouwde certificaten van het systeem</source>
      <translation>empty: only the system's trusted certificates</translation>
    </message>
    <message>
      <source>B&amp;laderen…</source>
      <translation>B&amp;rowse…</translation>
    </message>
    <message>
      <source>&amp;Verbinding testen</source>
      <translation>Test &amp;connection</translation>
    </message>
    <message>
      <source>Verbinding wordt getest…</source>
      <translation>Testing the connection…</translation>
    </message>
    <message>
      <source>✔ De adviesdienst is bereikbaar en aanvaardt de aanmelding ({count} dienst(en)).</source>
      <translation>✔ The advice service is reachable and accepts the sign-in ({count} service(s)).</translation>
    </message>
    <message>
      <source>✔ De adviesdienst is bereikbaar.</source>
      <translation>✔ The advice service is reachable.</translation>
    </message>
    <message>
      <source>De adviesdienst is bereikbaar, maar meldt dat ze beperkt werkt.</source>
      <translation>The advice service is reachable, but reports that it is degraded.</translation>
    </message>
    <message>
      <source>✘ Verbinding mislukt: {what}</source>
      <translation>✘ Connection failed: {what}</translation>
    </message>
    <message>
      <source>Balie-&amp;id:</source>
      <translation>Desk &amp;ID:</translation>
    </message>
    <message>
      <source>&amp;Diensten:</source>
      <translation>Ser&amp;vices:</translation>
    </message>
    <message>
      <source>Spatie vinkt een dienst aan of uit.</source>
      <translation>Space ticks a service on or off.</translation>
    </message>
    <message>
      <source>&amp;Standaarddienst:</source>
      <translation>&amp;Default service:</translation>
    </message>
    <message>
      <source>&amp;Kaartlezer:</source>
      <translation>Card &amp;reader:</translation>
    </message>
    <message>
      <source>Automatisch (de lezer waarin een kaart steekt)</source>
      <translation>Automatic (the reader holding a card)</translation>
    </message>
    <message>
      <source>In oefenmodus werkt de balie met een gesimuleerde lezer.</source>
      <translation>In training mode the desk uses a simulated reader.</translation>
    </message>
    <message>
      <source>Kaartlezers worden opgezocht…</source>
      <translation>Looking for card readers…</translation>
    </message>
    <message>
      <source>Geen kaartlezer gevonden. Sluit er een aan, of kies Automatisch.</source>
      <translation>No card reader found. Connect one, or choose Automatic.</translation>
    </message>
    <message>
      <source>&amp;Taal:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <source>Scherm wissen &amp;na:</source>
      <translation>Clear the screen a&amp;fter:</translation>
    </message>
    <message>
      <source>Zonder handeling wist de balie het resultaat na zoveel seconden (5–3600).</source>
      <translation>Without activity the desk clears the result after this many seconds (5–3600).</translation>
    </message>
    <message>
      <source>&amp;Opslaan</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Wordt opgeslagen…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Deze instellingen worden beheerd door uw IT-dienst ({path})</source>
      <translation>These settings are managed by your IT department ({path})</translation>
    </message>
    <message>
      <source>Het instellingenbestand kan niet gelezen worden: {what}</source>
      <translation>The settings file cannot be read: {what}</translation>
    </message>
    <message>
      <source>Niet opgeslagen: {what}</source>
      <translation>Not saved: {what}</translation>
    </message>
    <message>
      <source>vul een adres in.</source>
      <translation>enter an address.</translation>
    </message>
    <message>
      <source>dit is geen geldig webadres (https://…).</source>
      <translation>this is not a valid web address (https://…).</translation>
    </message>
    <message>
      <source>gebruik https (http mag alleen voor een dienst op deze pc).</source>
      <translation>use https (http only for a service on this PC).</translation>
    </message>
    <message>
      <source>zet geen gebruikersnaam of wachtwoord in het adres.</source>
      <translation>put no user name or password in the address.</translation>
    </message>
    <message>
      <source>vul de client-id in.</source>
      <translation>enter the client ID.</translation>
    </message>
    <message>
      <source>dit bestand bestaat niet.</source>
      <translation>this file does not exist.</translation>
    </message>
    <message>
      <source>vul een naam voor deze balie in.</source>
      <translation>enter a name for this desk.</translation>
    </message>
    <message>
      <source>hoogstens 64 tekens.</source>
      <translation>at most 64 characters.</translation>
    </message>
    <message>
      <source>kies minstens één dienst.</source>
      <translation>choose at least one service.</translation>
    </message>
    <message>
      <source>tussen 5 en 3600 seconden.</source>
      <translation>between 5 and 3600 seconds.</translation>
    </message>
    <message>
      <source>nieuw adres: typ het geheim opnieuw (het opgeslagen geheim wordt niet naar een ander adres gestuurd).</source>
      <translation>a new address: type the secret again (the stored secret is not sent to another address).</translation>
    </message>
    <message>
      <source>niet toegelaten ({detail}).</source>
      <translation>not allowed ({detail}).</translation>
    </message>
    <message>
      <source>Instellingen kunnen alleen als de balie op een kaart wacht. Rond eerst de huidige klant af; Esc wist het scherm.</source>
      <translation>Settings can only be changed while the desk waits for a card. Finish with the current citizen first; Esc clears the screen.</translation>
    </message>
    <message>
      <source>Instellingen opgeslagen en toegepast.</source>
      <translation>Settings saved and applied.</translation>
    </message>
    <message>
      <source>Instellingen opgeslagen. Ze gelden zodra de balie weer op een kaart wacht.</source>
      <translation>Settings saved. They apply as soon as the desk waits for a card again.</translation>
    </message>
    <message>
      <source>De instellingen zijn opgeslagen, maar de balie kan er niet mee starten. De balie werkt verder met de vorige instellingen tot ze herstart.</source>
      <translation>The settings are saved, but the desk cannot start with them. The desk goes on with the previous settings until it restarts.</translation>
    </message>
    <message>
      <source>&amp;Over baliecheck…</source>
      <translation>&amp;About baliecheck…</translation>
    </message>
    <message>
      <source>Over baliecheck</source>
      <translation>About baliecheck</translation>
    </message>
    <message>
      <source>Balie: {desk}
Werkwijze: {mode}
Configuratie: {config}
Gegevensmap: {data}
Logboek: {log}
Qt {qt}, Python {python}</source>
      <translation>Desk: {desk}
Mode: {mode}
Configuration: {config}
Data folder: {data}
Log: {log}
Qt {qt}, Python {python}</translation>
    </message>
    <message>
      <source>geen bestand (oefenmodus)</source>
      <translation>no file (training mode)</translation>
    </message>
    <message>
      <source>{path} (vergrendeld door de IT-dienst)</source>
      <translation>{path} (locked by IT)</translation>
    </message>
    <message>
      <source>baliecheck kan niet starten</source>
      <translation>baliecheck cannot start</translation>
    </message>
  </context>
  <context>
    <name>Problem</name>
    <message>
      <source>De kaartlezerdienst (PC/SC) draait niet.</source>
      <translation>The card reader service (PC/SC) is not running.</translation>
    </message>
    <message>
      <source>Start de dienst (Linux: pcscd; Windows: Smartcard-service) of sluit de lezer opnieuw aan.</source>
      <translation>Start the service (Linux: pcscd; Windows: Smart Card service) or plug the reader in again.</translation>
    </message>
    <message>
      <source>De kaartlezerdienst (PC/SC) is niet geïnstalleerd op deze computer.</source>
      <translation>The card reader service (PC/SC) is not installed on this computer.</translation>
    </message>
    <message>
      <source>Laat hem installeren: Linux: pakketten pcscd en libpcsclite1 (Debian/Ubuntu); Windows: dienst Smartcard (SCardSvr) inschakelen; macOS: ingebouwd.</source>
      <translation>Have it installed: Linux: packages pcscd and libpcsclite1 (Debian/Ubuntu); Windows: enable the Smart Card service (SCardSvr); macOS: built in.</translation>
    </message>
    <message>
      <source>Er is geen kaartlezer aangesloten.</source>
      <translation>No card reader is connected.</translation>
    </message>
    <message>
      <source>Sluit de kaartlezer aan en probeer opnieuw.</source>
      <translation>Connect the card reader and try again.</translation>
    </message>
    <message>
      <source>Die kaartlezer is niet gevonden.</source>
      <translation>That card reader was not found.</translation>
    </message>
    <message>
      <source>Kies een lezer uit de lijst van 'baliecheck readers'.</source>
      <translation>Pick a reader from the list of 'baliecheck readers'.</translation>
    </message>
    <message>
      <source>Er zit geen kaart in de lezer.</source>
      <translation>There is no card in the reader.</translation>
    </message>
    <message>
      <source>Steek de eID-kaart in de lezer, met de chip naar boven.</source>
      <translation>Insert the eID card, chip facing up.</translation>
    </message>
    <message>
      <source>De kaart reageert niet: ze zit misschien omgekeerd in de lezer of is geen chipkaart.</source>
      <translation>The card does not answer: it may be upside down or not a chip card.</translation>
    </message>
    <message>
      <source>Neem de kaart uit en steek ze opnieuw in, met de chip naar boven.</source>
      <translation>Take the card out and insert it again, chip facing up.</translation>
    </message>
    <message>
      <source>Dit is geen Belgische eID-kaart.</source>
      <translation>This is not a Belgian eID card.</translation>
    </message>
    <message>
      <source>Vraag de identiteitskaart van de burger.</source>
      <translation>Ask for the citizen's identity card.</translation>
    </message>
    <message>
      <source>De kaart werd uitgenomen tijdens het lezen.</source>
      <translation>The card was taken out while it was being read.</translation>
    </message>
    <message>
      <source>Steek de kaart opnieuw in en laat ze zitten tot het lezen klaar is.</source>
      <translation>Insert the card again and leave it in until reading is done.</translation>
    </message>
    <message>
      <source>De gegevens op de kaart zijn onleesbaar of beschadigd.</source>
      <translation>The data on the card is unreadable or damaged.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden; de burger kan bij Burgerzaken een nieuwe kaart aanvragen.</source>
      <translation>Decide manually with a reason; the citizen can ask Civil Affairs for a new card.</translation>
    </message>
    <message>
      <source>Het rijksregisternummer op deze kaart is niet geldig.</source>
      <translation>The national number on this card is not valid.</translation>
    </message>
    <message>
      <source>Gebruik deze kaart niet voor een advies; beslis manueel met een reden.</source>
      <translation>Do not use this card for an advice; decide manually with a reason.</translation>
    </message>
    <message>
      <source>De kaartlezer wordt door een ander programma gebruikt.</source>
      <translation>The card reader is in use by another program.</translation>
    </message>
    <message>
      <source>Sluit het andere programma (bijvoorbeeld eID Viewer) en probeer opnieuw.</source>
      <translation>Close the other program (for example eID Viewer) and try again.</translation>
    </message>
    <message>
      <source>Deze kaart kon niet als echt worden bevestigd.</source>
      <translation>This card could not be confirmed as genuine.</translation>
    </message>
    <message>
      <source>Vraag geen advies met deze kaart; beslis manueel met een reden.</source>
      <translation>Do not ask for an advice with this card; decide manually with a reason.</translation>
    </message>
    <message>
      <source>De adviesdienst is niet bereikbaar.</source>
      <translation>The advice service cannot be reached.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden, of probeer het zo meteen opnieuw.</source>
      <translation>Decide manually with a reason, or try again in a moment.</translation>
    </message>
    <message>
      <source>De adviesdienst antwoordt niet op tijd.</source>
      <translation>The advice service did not answer in time.</translation>
    </message>
    <message>
      <source>De beveiligde verbinding met de adviesdienst is geweigerd (certificaat).</source>
      <translation>The secure connection to the advice service was refused (certificate).</translation>
    </message>
    <message>
      <source>Meld dit aan de informaticadienst.</source>
      <translation>Report this to IT support.</translation>
    </message>
    <message>
      <source>De adviesdienst weigert de aanmelding van deze balie.</source>
      <translation>The advice service rejects this desk's sign-in.</translation>
    </message>
    <message>
      <source>Deze balie mag geen advies vragen voor deze dienst.</source>
      <translation>This desk may not ask for advice on this service.</translation>
    </message>
    <message>
      <source>De adviesdienst gaf een onbruikbaar antwoord.</source>
      <translation>The advice service gave an unusable answer.</translation>
    </message>
    <message>
      <source>De adviesdienst is even overbelast.</source>
      <translation>The advice service is overloaded for a moment.</translation>
    </message>
    <message>
      <source>Een gegevensbron van de adviesdienst is niet beschikbaar.</source>
      <translation>A data source of the advice service is unavailable.</translation>
    </message>
    <message>
      <source>De adviesdienst kent deze dienst niet.</source>
      <translation>The advice service does not know this service.</translation>
    </message>
    <message>
      <source>De adviesdienst kent dit advies niet.</source>
      <translation>The advice service does not know this advice.</translation>
    </message>
    <message>
      <source>De gegevensbronnen kennen deze persoon niet.</source>
      <translation>The data sources do not know this person.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden op basis van de getoonde documenten.</source>
      <translation>Decide manually with a reason, based on the documents shown.</translation>
    </message>
    <message>
      <source>Er zijn niet genoeg gegevens voor een advies.</source>
      <translation>There is not enough data for an advice.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden; meld het als dit vaak gebeurt.</source>
      <translation>Decide manually with a reason; report it if this happens often.</translation>
    </message>
    <message>
      <source>Het rijksregisternummer is niet geldig.</source>
      <translation>The national number is not valid.</translation>
    </message>
    <message>
      <source>Controleer het nummer en probeer opnieuw.</source>
      <translation>Check the number and try again.</translation>
    </message>
    <message>
      <source>De adviesdienst weigert de vraag als ongeldig.</source>
      <translation>The advice service refuses the request as invalid.</translation>
    </message>
    <message>
      <source>Deze beslissing werd al anders geregistreerd.</source>
      <translation>This decision was already recorded differently.</translation>
    </message>
    <message>
      <source>De sleutel om aan te melden bij de adviesdienst ontbreekt.</source>
      <translation>The key to sign in to the advice service is missing.</translation>
    </message>
    <message>
      <source>Stel ze in met 'baliecheck credentials set'. Meld dit aan de informaticadienst.</source>
      <translation>Set it with 'baliecheck credentials set'. Report this to IT support.</translation>
    </message>
    <message>
      <source>De beveiligde sleutelopslag van het systeem is niet beschikbaar.</source>
      <translation>The system keyring is not available.</translation>
    </message>
    <message>
      <source>Ontgrendel de sleutelopslag of stel er een in (zie de handleiding). Meld dit aan de informaticadienst.</source>
      <translation>Unlock it or configure one (see the manual). Report this to IT support.</translation>
    </message>
    <message>
      <source>Het configuratiebestand is niet in orde.</source>
      <translation>The configuration file is not right.</translation>
    </message>
    <message>
      <source>Verbeter de vermelde sleutel. Meld dit aan de informaticadienst.</source>
      <translation>Fix the key named. Report this to IT support.</translation>
    </message>
    <message>
      <source>Een regelbestand is niet in orde.</source>
      <translation>A rules file is not right.</translation>
    </message>
    <message>
      <source>Verbeter het vermelde bestand. Meld dit aan de informaticadienst.</source>
      <translation>Fix the file named. Report this to IT support.</translation>
    </message>
    <message>
      <source>Het bronbestand bevat fouten; er werd niets ingelezen.</source>
      <translation>The source file has errors; nothing was imported.</translation>
    </message>
    <message>
      <source>Verbeter de vermelde regels en lees het bestand opnieuw in.</source>
      <translation>Fix the lines named and import the file again.</translation>
    </message>
    <message>
      <source>De beslissing is niet geregistreerd: de schijf van het auditlogboek is vol.</source>
      <translation>The decision is not recorded: the audit log's disk is full.</translation>
    </message>
    <message>
      <source>Noteer de beslissing op papier en meld dit meteen aan de informaticadienst.</source>
      <translation>Write the decision down on paper and report this to IT support at once.</translation>
    </message>
    <message>
      <source>Het auditlogboek kan niet beschreven worden (alleen-lezen of geen toegang); een beslissing van nu is niet geregistreerd.</source>
      <translation>The audit log cannot be written (read-only or no access); a decision taken now is not recorded.</translation>
    </message>
    <message>
      <source>Het auditlogboek is niet bruikbaar (beschadigd of niet bereikbaar); een beslissing van nu is niet geregistreerd.</source>
      <translation>The audit log cannot be used (damaged or out of reach); a decision taken now is not recorded.</translation>
    </message>
    <message>
      <source>Het auditlogboek werd met een andere installatiesleutel geschreven dan die in de sleutelopslag.</source>
      <translation>The audit log was written under another installation key than the one in the keyring.</translation>
    </message>
    <message>
      <source>Zet de oorspronkelijke sleutel terug in de sleutelopslag. Meld dit aan de informaticadienst.</source>
      <translation>Put the original key back in the keyring. Report this to IT support.</translation>
    </message>
    <message>
      <source>Het antwoord van de adviesdienst spreekt haar eigen lijst van uitkomsten tegen.</source>
      <translation>The advice service's answer contradicts its own list of outcomes.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden en meld dit aan de informaticadienst.</source>
      <translation>Decide manually with a reason and report this to IT support.</translation>
    </message>
    <message>
      <source>Het advies is verlopen: het is niet meer geldig.</source>
      <translation>The advice has expired: it is no longer valid.</translation>
    </message>
    <message>
      <source>Het advies steunt op gegevens met een datum in de toekomst (een klok staat fout).</source>
      <translation>The advice rests on data dated in the future (a clock is wrong).</translation>
    </message>
    <message>
      <source>De mogelijke uitkomsten van deze dienst zijn niet bekend, dus er is geen advies.</source>
      <translation>This service's possible outcomes are not known, so there is no advice.</translation>
    </message>
    <message>
      <source>Probeer het zo meteen opnieuw; lukt het niet, noteer de beslissing op papier.</source>
      <translation>Try again in a moment; if that fails, write the decision down on paper.</translation>
    </message>
  </context>
</TS>
