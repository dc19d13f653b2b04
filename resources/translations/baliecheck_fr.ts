<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="nl">
  <context>
    <name>baliecheck</name>
    <message>
      <source>OEFENMODUS — geen echte gegevens</source>
      <translation>MODE EXERCICE — aucune donnée réelle</translation>
    </message>
    <message>
      <source>TESTKAARTEN TOEGELATEN — niet voor burgers</source>
      <translation>CARTES DE TEST ACCEPTÉES — pas pour les citoyens</translation>
    </message>
    <message>
      <source>Dienst:</source>
      <translation>Service :</translation>
    </message>
    <message>
      <source>&amp;Oefenen</source>
      <translation>&amp;Exercice</translation>
    </message>
    <message>
      <source>Kaart &amp;insteken</source>
      <translation>&amp;Insérer une carte</translation>
    </message>
    <message>
      <source>Kaart &amp;uitnemen</source>
      <translation>&amp;Retirer la carte</translation>
    </message>
    <message>
      <source>Nummer intypen (F2)</source>
      <translation>Saisir le numéro (F2)</translation>
    </message>
    <message>
      <source>Afwijken van advies (Ctrl+O)</source>
      <translation>S'écarter de l'avis (Ctrl+O)</translation>
    </message>
    <message>
      <source>Wissen (Esc)</source>
      <translation>Effacer (Échap)</translation>
    </message>
    <message>
      <source>Manueel beslissen</source>
      <translation>Décider manuellement</translation>
    </message>
    <message>
      <source>Beslis zelf, met een reden die wordt geregistreerd</source>
      <translation>Décidez vous-même, avec un motif qui sera enregistré</translation>
    </message>
    <message>
      <source>Geen nummer bekend: typ het rijksregisternummer in (F2) om toch advies te vragen.</source>
      <translation>Numéro inconnu : saisissez le numéro de registre national (F2) pour demander tout de même un avis.</translation>
    </message>
    <message>
      <source>Steek de eID-kaart in de lezer</source>
      <translation>Insérez la carte eID dans le lecteur</translation>
    </message>
    <message>
      <source>Chip naar boven. Geen kaart? Typ het rijksregisternummer in (F2).</source>
      <translation>Puce vers le haut. Pas de carte ? Saisissez le numéro de registre national (F2).</translation>
    </message>
    <message>
      <source>Kaart wordt gelezen…</source>
      <translation>Lecture de la carte…</translation>
    </message>
    <message>
      <source>Advies wordt opgevraagd…</source>
      <translation>Demande d'avis en cours…</translation>
    </message>
    <message>
      <source>Laat de kaart in de lezer.</source>
      <translation>Laissez la carte dans le lecteur.</translation>
    </message>
    <message>
      <source>Toepassen: {detail}</source>
      <translation>À appliquer : {detail}</translation>
    </message>
    <message>
      <source>gegevens van {date}</source>
      <translation>données du {date}</translation>
    </message>
    <message>
      <source>datum van de gegevens onbekend</source>
      <translation>date des données inconnue</translation>
    </message>
    <message>
      <source>Nummer: {masked}</source>
      <translation>Numéro : {masked}</translation>
    </message>
    <message>
      <source>Nummer manueel ingevoerd</source>
      <translation>Numéro saisi manuellement</translation>
    </message>
    <message>
      <source>✔ Geregistreerd: {outcome}</source>
      <translation>✔ Enregistré : {outcome}</translation>
    </message>
    <message>
      <source>wordt later verzonden</source>
      <translation>sera envoyé plus tard</translation>
    </message>
    <message>
      <source>Niet geregistreerd</source>
      <translation>Non enregistré</translation>
    </message>
    <message>
      <source>De beslissing is NIET geregistreerd.</source>
      <translation>La décision n'a PAS été enregistrée.</translation>
    </message>
    <message>
      <source>Er liep iets onverwacht mis. Meld dit aan de informaticadienst.</source>
      <translation>Une erreur inattendue s'est produite. Signalez-la au service informatique.</translation>
    </message>
    <message>
      <source>Onverwachte fout</source>
      <translation>Erreur inattendue</translation>
    </message>
    <message>
      <source>Er liep iets onverwacht mis. Het scherm is gewist: er is geen advies.</source>
      <translation>Une erreur inattendue s'est produite. L'écran a été effacé : il n'y a pas d'avis.</translation>
    </message>
    <message>
      <source>Probeer opnieuw: steek de kaart opnieuw in of typ het nummer in (F2). Lukt het niet, noteer de beslissing op papier en meld het aan de informaticadienst.</source>
      <translation>Réessayez : réinsérez la carte ou tapez le numéro (F2). Si cela ne marche pas, notez la décision sur papier et signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>Een onderdeel van baliecheck is onverwacht gestopt. Het scherm is gewist: er is geen advies.</source>
      <translation>Une partie de baliecheck s'est arrêtée de manière inattendue. L'écran a été effacé : il n'y a pas d'avis.</translation>
    </message>
    <message>
      <source>Sluit baliecheck en start het opnieuw. Noteer intussen de beslissingen op papier en meld het aan de informaticadienst.</source>
      <translation>Fermez baliecheck et redémarrez-le. En attendant, notez les décisions sur papier et signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>Geen uitkomsten bekend</source>
      <translation>Aucun résultat connu</translation>
    </message>
    <message>
      <source>Manueel beslissen kan hier niet: de mogelijke uitkomsten van deze dienst zijn niet bekend (de adviesdienst werd nog niet bereikt). Noteer de beslissing op papier.</source>
      <translation>Décider manuellement n'est pas possible ici : les résultats possibles de ce service ne sont pas connus (le service d'avis n'a pas encore été joint). Notez la décision sur papier.</translation>
    </message>
    <message>
      <source>Rijksregisternummer intypen</source>
      <translation>Saisir le numéro de registre national</translation>
    </message>
    <message>
      <source>Rijksregisternummer of BIS-nummer (11 cijfers):</source>
      <translation>Numéro de registre national ou numéro BIS (11 chiffres) :</translation>
    </message>
    <message>
      <source>Nog {count} cijfer(s)</source>
      <translation>Encore {count} chiffre(s)</translation>
    </message>
    <message>
      <source>Te veel cijfers</source>
      <translation>Trop de chiffres</translation>
    </message>
    <message>
      <source>Dit nummer klopt niet (controlegetal)</source>
      <translation>Ce numéro n'est pas valable (chiffres de contrôle)</translation>
    </message>
    <message>
      <source>Dit nummer klopt niet: de geboortedatum erin bestaat niet</source>
      <translation>Ce numéro n'est pas correct : la date de naissance qu'il contient n'existe pas</translation>
    </message>
    <message>
      <source>✔ Geldig nummer</source>
      <translation>✔ Numéro valable</translation>
    </message>
    <message>
      <source>Advies vragen</source>
      <translation>Demander un avis</translation>
    </message>
    <message>
      <source>Annuleren</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Afwijken van het advies</source>
      <translation>S'écarter de l'avis</translation>
    </message>
    <message>
      <source>Advies: {label}</source>
      <translation>Avis : {label}</translation>
    </message>
    <message>
      <source>Er is geen advies. Beslis op basis van de getoonde documenten.</source>
      <translation>Il n'y a pas d'avis. Décidez sur la base des documents présentés.</translation>
    </message>
    <message>
      <source>Toe te passen:</source>
      <translation>À appliquer :</translation>
    </message>
    <message>
      <source>Reden:</source>
      <translation>Motif :</translation>
    </message>
    <message>
      <source>Toelichting:</source>
      <translation>Explication :</translation>
    </message>
    <message>
      <source>Kies wat u toepast…</source>
      <translation>Choisissez ce que vous appliquez…</translation>
    </message>
    <message>
      <source>Kies een reden…</source>
      <translation>Choisissez un motif…</translation>
    </message>
    <message>
      <source>Minstens 10 tekens. Schrijf geen gevoelige gegevens (gezondheid, schulden, rijksregisternummer): alleen wat de beslissing verklaart.</source>
      <translation>Au moins 10 caractères. N'écrivez aucune donnée sensible (santé, dettes, numéro de registre national) : seulement ce qui explique la décision.</translation>
    </message>
    <message>
      <source>Nog {count} teken(s)</source>
      <translation>Encore {count} caractère(s)</translation>
    </message>
    <message>
      <source>Te lang: hoogstens {count} tekens</source>
      <translation>Trop long : {count} caractères au maximum</translation>
    </message>
    <message>
      <source>Bevestigen en registreren</source>
      <translation>Confirmer et enregistrer</translation>
    </message>
    <message>
      <source>Kaartlezer: klaar</source>
      <translation>Lecteur de cartes : prêt</translation>
    </message>
    <message>
      <source>Kaartlezer: niet gevonden</source>
      <translation>Lecteur de cartes : introuvable</translation>
    </message>
    <message>
      <source>Kaartlezer: dienst draait niet</source>
      <translation>Lecteur de cartes : service arrêté</translation>
    </message>
    <message>
      <source>Kaartlezer: PC/SC-dienst niet geïnstalleerd</source>
      <translation>Lecteur de cartes : service PC/SC non installé</translation>
    </message>
    <message>
      <source>Adviesdienst: bereikbaar</source>
      <translation>Service d'avis : joignable</translation>
    </message>
    <message>
      <source>Adviesdienst: beperkt</source>
      <translation>Service d'avis : limité</translation>
    </message>
    <message>
      <source>Adviesdienst: onbereikbaar</source>
      <translation>Service d'avis : injoignable</translation>
    </message>
    <message>
      <source>Adviesdienst: onbekend</source>
      <translation>Service d'avis : inconnu</translation>
    </message>
    <message>
      <source>{count} beslissing(en) wachten op verzending</source>
      <translation>{count} décision(s) en attente d'envoi</translation>
    </message>
    <message>
      <source>Alle beslissingen verzonden</source>
      <translation>Toutes les décisions ont été envoyées</translation>
    </message>
    <message>
      <source>Gegevens zijn verouderd</source>
      <translation>Les données sont dépassées</translation>
    </message>
    <message>
      <source>Recent verhuisd</source>
      <translation>Déménagement récent</translation>
    </message>
    <message>
      <source>Bijzondere gezinssituatie</source>
      <translation>Situation familiale particulière</translation>
    </message>
    <message>
      <source>Bewijsstuk getoond</source>
      <translation>Justificatif présenté</translation>
    </message>
    <message>
      <source>Doorverwezen door maatschappelijk werker</source>
      <translation>Orienté par un travailleur social</translation>
    </message>
    <message>
      <source>Geen advies beschikbaar</source>
      <translation>Aucun avis disponible</translation>
    </message>
    <message>
      <source>Andere reden</source>
      <translation>Autre motif</translation>
    </message>
    <message>
      <source>&amp;Beheer</source>
      <translation>&amp;Administration</translation>
    </message>
    <message>
      <source>&amp;Instellingen…</source>
      <translation>&amp;Paramètres…</translation>
    </message>
    <message>
      <source>Instellingen</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>Adviesdienst</source>
      <translation>Service d'avis</translation>
    </message>
    <message>
      <source>Balie</source>
      <translation>Guichet</translation>
    </message>
    <message>
      <source>&amp;Werkwijze:</source>
      <translation>&amp;Mode de travail :</translation>
    </message>
    <message>
      <source>Oefenmodus (voorbeeldgegevens, gesimuleerde lezer)</source>
      <translation>Mode exercice (données d'exemple, lecteur simulé)</translation>
    </message>
    <message>
      <source>Lijsten op deze pc (ingebouwd)</source>
      <translation>Listes sur ce PC (intégré)</translation>
    </message>
    <message>
      <source>Adviesdienst van de gemeente (server)</source>
      <translation>Service d'avis de la commune (serveur)</translation>
    </message>
    <message>
      <source>&amp;Adres adviesdienst:</source>
      <translation>&amp;Adresse du service d'avis :</translation>
    </message>
    <message>
      <source>Aan&amp;melding:</source>
      <translation>Au&amp;thentification :</translation>
    </message>
    <message>
      <source>Geen (alleen voor een dienst op deze pc)</source>
      <translation>Aucune (uniquement pour un service sur ce PC)</translation>
    </message>
    <message>
      <source>Toegangstoken (bearer)</source>
      <translation>Jeton d'accès (bearer)</translation>
    </message>
    <message>
      <source>OAuth2 met clientgegevens (client credentials)</source>
      <translation>OAuth2 avec identifiants client (client credentials)</translation>
    </message>
    <message>
      <source>Tok&amp;en-adres:</source>
      <translation>Adresse du &amp;jeton :</translation>
    </message>
    <message>
      <source>&amp;Client-id:</source>
      <translation>Identifiant &amp;client :</translation>
    </message>
    <message>
      <source>Sco&amp;pe (bereik):</source>
      <translation>&amp;Portée (scope) :</translation>
    </message>
    <message>
      <source>&amp;Geheim:</source>
      <translation>&amp;Secret :</translation>
    </message>
    <message>
      <source>opgeslagen</source>
      <translation>enregistré</translation>
    </message>
    <message>
      <source>niet ingesteld</source>
      <translation>non défini</translation>
    </message>
    <message>
      <source>wordt nagekeken…</source>
      <translation>vérification…</translation>
    </message>
    <message>
      <source>onbekend (sleutelopslag niet bereikbaar)</source>
      <translation>inconnu (trousseau de clés inaccessible)</translation>
    </message>
    <message>
      <source>Het token of clientgeheim staat in de sleutelopslag van het systeem, nooit in het bestand. Typ alleen iets om het te vervangen.</source>
      <translation>Le jeton ou le secret client est conservé dans le trousseau de clés du système, jamais dans le fichier. Ne tapez quelque chose que pour le remplacer.</translation>
    </message>
    <message>
      <source>CA-b&amp;undel:</source>
      <translation>Bundle d'A&amp;C :</translation>
    </message>
    <message>
      <source>leeg: alleen de vertrouwde certificaten van het systeem</source>
      <translation>vide : uniquement les certificats de confiance du système</translation>
    </message>
    <message>
      <source>B&amp;laderen…</source>
      <translation>Parcou&amp;rir…</translation>
    </message>
    <message>
      <source>&amp;Verbinding testen</source>
      <translation>Tester la &amp;connexion</translation>
    </message>
    <message>
      <source>Verbinding wordt getest…</source>
      <translation>Test de la connexion…</translation>
    </message>
    <message>
      <source>✔ De adviesdienst is bereikbaar en aanvaardt de aanmelding ({count} dienst(en)).</source>
      <translation>✔ Le service d'avis est joignable et accepte l'authentification ({count} service(s)).</translation>
    </message>
    <message>
      <source>✔ De adviesdienst is bereikbaar.</source>
      <translation>✔ Le service d'avis est joignable.</translation>
    </message>
    <message>
      <source>De adviesdienst is bereikbaar, maar meldt dat ze beperkt werkt.</source>
      <translation>Le service d'avis est joignable, mais signale un fonctionnement limité.</translation>
    </message>
    <message>
      <source>✘ Verbinding mislukt: {what}</source>
      <translation>✘ Échec de la connexion : {what}</translation>
    </message>
    <message>
      <source>Balie-&amp;id:</source>
      <translation>&amp;Identifiant du guichet :</translation>
    </message>
    <message>
      <source>&amp;Diensten:</source>
      <translation>Ser&amp;vices :</translation>
    </message>
    <message>
      <source>Spatie vinkt een dienst aan of uit.</source>
      <translation>La barre d'espace coche ou décoche un service.</translation>
    </message>
    <message>
      <source>&amp;Standaarddienst:</source>
      <translation>Service par &amp;défaut :</translation>
    </message>
    <message>
      <source>&amp;Kaartlezer:</source>
      <translation>&amp;Lecteur de cartes :</translation>
    </message>
    <message>
      <source>Automatisch (de lezer waarin een kaart steekt)</source>
      <translation>Automatique (le lecteur qui contient une carte)</translation>
    </message>
    <message>
      <source>In oefenmodus werkt de balie met een gesimuleerde lezer.</source>
      <translation>En mode exercice, le guichet utilise un lecteur simulé.</translation>
    </message>
    <message>
      <source>Kaartlezers worden opgezocht…</source>
      <translation>Recherche des lecteurs de cartes…</translation>
    </message>
    <message>
      <source>Geen kaartlezer gevonden. Sluit er een aan, of kies Automatisch.</source>
      <translation>Aucun lecteur de cartes trouvé. Branchez-en un, ou choisissez Automatique.</translation>
    </message>
    <message>
      <source>&amp;Taal:</source>
      <translation>La&amp;ngue :</translation>
    </message>
    <message>
      <source>Scherm wissen &amp;na:</source>
      <translation>Effacer l'écran &amp;après :</translation>
    </message>
    <message>
      <source>Zonder handeling wist de balie het resultaat na zoveel seconden (5–3600).</source>
      <translation>Sans action, le guichet efface le résultat après ce nombre de secondes (5–3600).</translation>
    </message>
    <message>
      <source>&amp;Opslaan</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <source>Wordt opgeslagen…</source>
      <translation>Enregistrement…</translation>
    </message>
    <message>
      <source>Deze instellingen worden beheerd door uw IT-dienst ({path})</source>
      <translation>Ces paramètres sont gérés par votre service informatique ({path})</translation>
    </message>
    <message>
      <source>Het instellingenbestand kan niet gelezen worden: {what}</source>
      <translation>Le fichier de paramètres ne peut pas être lu : {what}</translation>
    </message>
    <message>
      <source>Niet opgeslagen: {what}</source>
      <translation>Non enregistré : {what}</translation>
    </message>
    <message>
      <source>vul een adres in.</source>
      <translation>indiquez une adresse.</translation>
    </message>
    <message>
      <source>dit is geen geldig webadres (https://…).</source>
      <translation>ce n'est pas une adresse web valide (https://…).</translation>
    </message>
    <message>
      <source>gebruik https (http mag alleen voor een dienst op deze pc).</source>
      <translation>utilisez https (http uniquement pour un service sur ce PC).</translation>
    </message>
    <message>
      <source>zet geen gebruikersnaam of wachtwoord in het adres.</source>
      <translation>ne mettez ni nom d'utilisateur ni mot de passe dans l'adresse.</translation>
    </message>
    <message>
      <source>vul de client-id in.</source>
      <translation>indiquez l'identifiant client.</translation>
    </message>
    <message>
      <source>dit bestand bestaat niet.</source>
      <translation>ce fichier n'existe pas.</translation>
    </message>
    <message>
      <source>vul een naam voor deze balie in.</source>
      <translation>indiquez un nom pour ce guichet.</translation>
    </message>
    <message>
      <source>hoogstens 64 tekens.</source>
      <translation>64 caractères au maximum.</translation>
    </message>
    <message>
      <source>kies minstens één dienst.</source>
      <translation>choisissez au moins un service.</translation>
    </message>
    <message>
      <source>tussen 5 en 3600 seconden.</source>
      <translation>entre 5 et 3600 secondes.</translation>
    </message>
    <message>
      <source>nieuw adres: typ het geheim opnieuw (het opgeslagen geheim wordt niet naar een ander adres gestuurd).</source>
      <translation>nouvelle adresse : retapez le secret (le secret enregistré n'est pas envoyé à une autre adresse).</translation>
    </message>
    <message>
      <source>niet toegelaten ({detail}).</source>
      <translation>non autorisé ({detail}).</translation>
    </message>
    <message>
      <source>Instellingen kunnen alleen als de balie op een kaart wacht. Rond eerst de huidige klant af; Esc wist het scherm.</source>
      <translation>Les paramètres ne sont accessibles que lorsque le guichet attend une carte. Terminez d'abord avec le client en cours ; Échap efface l'écran.</translation>
    </message>
    <message>
      <source>Instellingen opgeslagen en toegepast.</source>
      <translation>Paramètres enregistrés et appliqués.</translation>
    </message>
    <message>
      <source>Instellingen opgeslagen. Ze gelden zodra de balie weer op een kaart wacht.</source>
      <translation>Paramètres enregistrés. Ils s'appliqueront dès que le guichet attendra de nouveau une carte.</translation>
    </message>
    <message>
      <source>De instellingen zijn opgeslagen, maar de balie kan er niet mee starten. De balie werkt verder met de vorige instellingen tot ze herstart.</source>
      <translation>Les paramètres sont enregistrés, mais le guichet ne peut pas démarrer avec eux. Le guichet continue avec les paramètres précédents jusqu'à son redémarrage.</translation>
    </message>
    <message>
      <source>&amp;Over baliecheck…</source>
      <translation>&amp;À propos de baliecheck…</translation>
    </message>
    <message>
      <source>Over baliecheck</source>
      <translation>À propos de baliecheck</translation>
    </message>
    <message>
      <source>Balie: {desk}
Werkwijze: {mode}
Configuratie: {config}
Gegevensmap: {data}
Logboek: {log}
Qt {qt}, Python {python}</source>
      <translation>Guichet : {desk}
Mode : {mode}
Configuration : {config}
Dossier de données : {data}
Journal : {log}
Qt {qt}, Python {python}</translation>
    </message>
    <message>
      <source>geen bestand (oefenmodus)</source>
      <translation>aucun fichier (mode exercice)</translation>
    </message>
    <message>
      <source>{path} (vergrendeld door de IT-dienst)</source>
      <translation>{path} (verrouillée par le service informatique)</translation>
    </message>
    <message>
      <source>baliecheck kan niet starten</source>
      <translation>baliecheck ne peut pas démarrer</translation>
    </message>
  </context>
  <context>
    <name>Problem</name>
    <message>
      <source>De kaartlezerdienst (PC/SC) draait niet.</source>
      <translation>Le service de lecteur de cartes (PC/SC) ne fonctionne pas.</translation>
    </message>
    <message>
      <source>Start de dienst (Linux: pcscd; Windows: Smartcard-service) of sluit de lezer opnieuw aan.</source>
      <translation>Démarrez le service (Linux : pcscd ; Windows : Carte à puce) ou rebranchez le lecteur.</translation>
    </message>
    <message>
      <source>De kaartlezerdienst (PC/SC) is niet geïnstalleerd op deze computer.</source>
      <translation>Le service de lecteur de cartes (PC/SC) n'est pas installé sur cet ordinateur.</translation>
    </message>
    <message>
      <source>Laat hem installeren: Linux: pakketten pcscd en libpcsclite1 (Debian/Ubuntu); Windows: dienst Smartcard (SCardSvr) inschakelen; macOS: ingebouwd.</source>
      <translation>Faites-le installer : Linux : paquets pcscd et libpcsclite1 (Debian/Ubuntu) ; Windows : activer le service Carte à puce (SCardSvr) ; macOS : intégré.</translation>
    </message>
    <message>
      <source>Er is geen kaartlezer aangesloten.</source>
      <translation>Aucun lecteur de cartes n'est branché.</translation>
    </message>
    <message>
      <source>Sluit de kaartlezer aan en probeer opnieuw.</source>
      <translation>Branchez le lecteur et réessayez.</translation>
    </message>
    <message>
      <source>Die kaartlezer is niet gevonden.</source>
      <translation>Ce lecteur de cartes est introuvable.</translation>
    </message>
    <message>
      <source>Kies een lezer uit de lijst van 'baliecheck readers'.</source>
      <translation>Choisissez un lecteur de la liste 'baliecheck readers'.</translation>
    </message>
    <message>
      <source>Er zit geen kaart in de lezer.</source>
      <translation>Il n'y a pas de carte dans le lecteur.</translation>
    </message>
    <message>
      <source>Steek de eID-kaart in de lezer, met de chip naar boven.</source>
      <translation>Insérez la carte eID, puce vers le haut.</translation>
    </message>
    <message>
      <source>De kaart reageert niet: ze zit misschien omgekeerd in de lezer of is geen chipkaart.</source>
      <translation>La carte ne répond pas : elle est peut-être insérée à l'envers ou n'a pas de puce.</translation>
    </message>
    <message>
      <source>Neem de kaart uit en steek ze opnieuw in, met de chip naar boven.</source>
      <translation>Retirez la carte et réinsérez-la, puce vers le haut.</translation>
    </message>
    <message>
      <source>Dit is geen Belgische eID-kaart.</source>
      <translation>Ce n'est pas une carte eID belge.</translation>
    </message>
    <message>
      <source>Vraag de identiteitskaart van de burger.</source>
      <translation>Demandez la carte d'identité du citoyen.</translation>
    </message>
    <message>
      <source>De kaart werd uitgenomen tijdens het lezen.</source>
      <translation>La carte a été retirée pendant la lecture.</translation>
    </message>
    <message>
      <source>Steek de kaart opnieuw in en laat ze zitten tot het lezen klaar is.</source>
      <translation>Réinsérez la carte et laissez-la jusqu'à la fin de la lecture.</translation>
    </message>
    <message>
      <source>De gegevens op de kaart zijn onleesbaar of beschadigd.</source>
      <translation>Les données de la carte sont illisibles ou endommagées.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden; de burger kan bij Burgerzaken een nieuwe kaart aanvragen.</source>
      <translation>Décidez manuellement avec un motif ; le citoyen peut demander une nouvelle carte à la commune.</translation>
    </message>
    <message>
      <source>Het rijksregisternummer op deze kaart is niet geldig.</source>
      <translation>Le numéro de registre national sur cette carte n'est pas valide.</translation>
    </message>
    <message>
      <source>Gebruik deze kaart niet voor een advies; beslis manueel met een reden.</source>
      <translation>N'utilisez pas cette carte pour un avis ; décidez manuellement avec un motif.</translation>
    </message>
    <message>
      <source>De kaartlezer wordt door een ander programma gebruikt.</source>
      <translation>Le lecteur de cartes est utilisé par un autre programme.</translation>
    </message>
    <message>
      <source>Sluit het andere programma (bijvoorbeeld eID Viewer) en probeer opnieuw.</source>
      <translation>Fermez l'autre programme (par exemple eID Viewer) et réessayez.</translation>
    </message>
    <message>
      <source>Deze kaart kon niet als echt worden bevestigd.</source>
      <translation>Cette carte n'a pas pu être confirmée comme authentique.</translation>
    </message>
    <message>
      <source>Vraag geen advies met deze kaart; beslis manueel met een reden.</source>
      <translation>Ne demandez pas d'avis avec cette carte ; décidez manuellement avec un motif.</translation>
    </message>
    <message>
      <source>De adviesdienst is niet bereikbaar.</source>
      <translation>Le service d'avis est injoignable.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden, of probeer het zo meteen opnieuw.</source>
      <translation>Décidez manuellement avec un motif, ou réessayez dans un instant.</translation>
    </message>
    <message>
      <source>De adviesdienst antwoordt niet op tijd.</source>
      <translation>Le service d'avis ne répond pas à temps.</translation>
    </message>
    <message>
      <source>De beveiligde verbinding met de adviesdienst is geweigerd (certificaat).</source>
      <translation>La connexion sécurisée au service d'avis est refusée (certificat).</translation>
    </message>
    <message>
      <source>Meld dit aan de informaticadienst.</source>
      <translation>Signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>De adviesdienst weigert de aanmelding van deze balie.</source>
      <translation>Le service d'avis refuse l'authentification de ce guichet.</translation>
    </message>
    <message>
      <source>Deze balie mag geen advies vragen voor deze dienst.</source>
      <translation>Ce guichet ne peut pas demander d'avis pour ce service.</translation>
    </message>
    <message>
      <source>De adviesdienst gaf een onbruikbaar antwoord.</source>
      <translation>Le service d'avis a donné une réponse inutilisable.</translation>
    </message>
    <message>
      <source>De adviesdienst is even overbelast.</source>
      <translation>Le service d'avis est momentanément surchargé.</translation>
    </message>
    <message>
      <source>Een gegevensbron van de adviesdienst is niet beschikbaar.</source>
      <translation>Une source de données du service d'avis est indisponible.</translation>
    </message>
    <message>
      <source>De adviesdienst kent deze dienst niet.</source>
      <translation>Le service d'avis ne connaît pas ce service.</translation>
    </message>
    <message>
      <source>De adviesdienst kent dit advies niet.</source>
      <translation>Le service d'avis ne connaît pas cet avis.</translation>
    </message>
    <message>
      <source>De gegevensbronnen kennen deze persoon niet.</source>
      <translation>Les sources de données ne connaissent pas cette personne.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden op basis van de getoonde documenten.</source>
      <translation>Décidez manuellement avec un motif sur base des documents présentés.</translation>
    </message>
    <message>
      <source>Er zijn niet genoeg gegevens voor een advies.</source>
      <translation>Il n'y a pas assez de données pour un avis.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden; meld het als dit vaak gebeurt.</source>
      <translation>Décidez manuellement avec un motif ; signalez-le si cela arrive souvent.</translation>
    </message>
    <message>
      <source>Het rijksregisternummer is niet geldig.</source>
      <translation>Le numéro de registre national n'est pas valide.</translation>
    </message>
    <message>
      <source>Controleer het nummer en probeer opnieuw.</source>
      <translation>Vérifiez le numéro et réessayez.</translation>
    </message>
    <message>
      <source>De adviesdienst weigert de vraag als ongeldig.</source>
      <translation>Le service d'avis refuse la demande comme invalide.</translation>
    </message>
    <message>
      <source>Deze beslissing werd al anders geregistreerd.</source>
      <translation>Cette décision a déjà été enregistrée autrement.</translation>
    </message>
    <message>
      <source>De sleutel om aan te melden bij de adviesdienst ontbreekt.</source>
      <translation>La clé de connexion au service d'avis manque.</translation>
    </message>
    <message>
      <source>Stel ze in met 'baliecheck credentials set'. Meld dit aan de informaticadienst.</source>
      <translation>Définissez-la avec 'baliecheck credentials set'. Signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>De beveiligde sleutelopslag van het systeem is niet beschikbaar.</source>
      <translation>Le trousseau de clés du système est indisponible.</translation>
    </message>
    <message>
      <source>Ontgrendel de sleutelopslag of stel er een in (zie de handleiding). Meld dit aan de informaticadienst.</source>
      <translation>Déverrouillez-le ou configurez-en un (voir le manuel). Signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>Het configuratiebestand is niet in orde.</source>
      <translation>Le fichier de configuration n'est pas correct.</translation>
    </message>
    <message>
      <source>Verbeter de vermelde sleutel. Meld dit aan de informaticadienst.</source>
      <translation>Corrigez la clé indiquée. Signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>Een regelbestand is niet in orde.</source>
      <translation>Un fichier de règles n'est pas correct.</translation>
    </message>
    <message>
      <source>Verbeter het vermelde bestand. Meld dit aan de informaticadienst.</source>
      <translation>Corrigez le fichier indiqué. Signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>Het bronbestand bevat fouten; er werd niets ingelezen.</source>
      <translation>Le fichier source contient des erreurs ; rien n'a été importé.</translation>
    </message>
    <message>
      <source>Verbeter de vermelde regels en lees het bestand opnieuw in.</source>
      <translation>Corrigez les lignes indiquées et importez à nouveau le fichier.</translation>
    </message>
    <message>
      <source>De beslissing is niet geregistreerd: de schijf van het auditlogboek is vol.</source>
      <translation>La décision n'est pas enregistrée : le disque du journal d'audit est plein.</translation>
    </message>
    <message>
      <source>Noteer de beslissing op papier en meld dit meteen aan de informaticadienst.</source>
      <translation>Notez la décision sur papier et signalez-le immédiatement au service informatique.</translation>
    </message>
    <message>
      <source>Het auditlogboek kan niet beschreven worden (alleen-lezen of geen toegang); een beslissing van nu is niet geregistreerd.</source>
      <translation>Le journal d'audit ne peut pas être écrit (lecture seule ou accès refusé) ; une décision prise maintenant n'est pas enregistrée.</translation>
    </message>
    <message>
      <source>Het auditlogboek is niet bruikbaar (beschadigd of niet bereikbaar); een beslissing van nu is niet geregistreerd.</source>
      <translation>Le journal d'audit est inutilisable (endommagé ou inaccessible) ; une décision prise maintenant n'est pas enregistrée.</translation>
    </message>
    <message>
      <source>Het auditlogboek werd met een andere installatiesleutel geschreven dan die in de sleutelopslag.</source>
      <translation>Le journal d'audit a été écrit avec une autre clé d'installation que celle du trousseau.</translation>
    </message>
    <message>
      <source>Zet de oorspronkelijke sleutel terug in de sleutelopslag. Meld dit aan de informaticadienst.</source>
      <translation>Remettez la clé d'origine dans le trousseau. Signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>Het antwoord van de adviesdienst spreekt haar eigen lijst van uitkomsten tegen.</source>
      <translation>La réponse du service d'avis contredit sa propre liste de résultats.</translation>
    </message>
    <message>
      <source>Beslis manueel met een reden en meld dit aan de informaticadienst.</source>
      <translation>Décidez manuellement avec un motif et signalez-le au service informatique.</translation>
    </message>
    <message>
      <source>Het advies is verlopen: het is niet meer geldig.</source>
      <translation>L'avis a expiré : il n'est plus valable.</translation>
    </message>
    <message>
      <source>Het advies steunt op gegevens met een datum in de toekomst (een klok staat fout).</source>
      <translation>L'avis repose sur des données datées du futur (une horloge est fausse).</translation>
    </message>
    <message>
      <source>De mogelijke uitkomsten van deze dienst zijn niet bekend, dus er is geen advies.</source>
      <translation>Les résultats possibles de ce service ne sont pas connus : il n'y a donc pas d'avis.</translation>
    </message>
    <message>
      <source>Probeer het zo meteen opnieuw; lukt het niet, noteer de beslissing op papier.</source>
      <translation>Réessayez dans un instant ; sinon, notez la décision sur papier.</translation>
    </message>
  </context>
</TS>
