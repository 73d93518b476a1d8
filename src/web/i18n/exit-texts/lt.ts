/** Pasitraukimo plano tekstai lietuviškai (raktai iš src/core/exit/texts.ts), įtraukiami į lt.ts. */
export const exitTextsLt = {
  exitText: {
    step: {
      'lawyer-check': 'Paprašykite teisininko peržiūrėti sutartį ir pasitraukimo planą, kol klientas dar nieko nežino (žr. priežastis)',
      'contract-find-out': 'Išsiaiškinkite, ar ir kaip galite nutraukti sutartį; iki tol klientui nieko nesakykite. {{details}}',
      evidence:
        'Surinkite įrodymus: išsaugokite susirašinėjimą, pokalbių užrašus, sąskaitas ir incidentus, o pokalbius įrašykite ten, kur tai teisėta',
      'stop-work': 'Sustabdykite darbus; projekto nebaikite',
      'stop-work-on': 'Sustabdykite darbus ({{deliverables}}); projekto nebaikite',
      finish: 'Užbaikite „{{deliverable}}“ ({{engagement}})',
      'last-day': 'Paskutinė darbo diena: iki jos dirbkite taip, kaip numato sutartis',
      conversation:
        'Telefonu ar susitikime praneškite klientui, ką darote, kodėl ir kokios datos: faktai, trumpai, be kaltinimų; padėkokite',
      'written-confirmation': 'Tą pačią dieną pokalbį patvirtinkite raštu: sprendimas, paskutinė darbo diena, perdavimas ir pinigai',
      'referral-colleague': 'Rekomenduokite kolegą, kurį prieš tai patikrinote',
      'referral-resources': 'Pasiūlykite tik išteklių (katalogų, šablonų, vadovų), o ne kolegą',
      'handover-files': 'Atiduokite klientui visus jam priklausančius failus ir medžiagą',
      'access-inventory':
        'Surašykite prieigas, kurias reikia perduoti ar atšaukti (talpinimas, domenai, reklamos paskyros, repozitorijos, analitika): pažymėkite, kurios yra ir kokios jų būsenos, bet niekada neužrašykite slaptažodžių',
      briefing: 'Supažindinkite perėmėją su atliktu darbu ir pasiūlykite padėti jį atsirinkti',
      'interim-tools': 'Pasiūlykite įrankių, kuriais klientas galėtų naudotis pereinamuoju laikotarpiu',
      'final-invoice': 'Išsiųskite galutinę sąskaitą už atliktą darbą, už kurį dar neišrašyta sąskaita: {{amount}}',
      'final-invoice-none': 'Patikrinkite, ar už visą atliktą darbą išrašytos sąskaitos (galutinė sąskaita neapskaičiuota)',
      refund: 'Grąžinkite išankstinį mokėjimą už neatliktą darbą: {{amount}}',
      'close-contact': 'Baikite bendrauti, kai perdavimas baigtas; daugiau nieko neprivalote',
      'close-contact-collect': 'Baikite bendrauti, kai perdavimas baigtas; tęsiasi tik skolos išieškojimas',
      reflection: 'Apmąstykite: kas būtų padėję šio kliento išvengti iš anksto ir ką turėtų numatyti kita sutartis',
      'evidence-reassign': 'Surinkite įrodymus: išsaugokite susirašinėjimą, pokalbių užrašus ir incidentus',
      'choose-manager': 'Paskirkite klientui kitą vadybininką',
      'choose-manager-not': 'Paskirkite klientui kitą vadybininką (ne {{member}})',
      'brief-new-manager': 'Supažindinkite naująjį vadybininką su klientu, darbais ir incidentais',
      'conversation-reassign':
        'Telefonu ar susitikime praneškite klientui, kas nuo šiol yra jo kontaktinis asmuo ir nuo kada: faktai, be kaltinimų',
      'written-confirmation-reassign': 'Tą pačią dieną kontaktinio asmens pasikeitimą patvirtinkite raštu',
      review: 'Įvertinkite: jei su naujuoju vadybininku problemos tęsiasi, nutraukite santykius (suplanuokite pasitraukimą iš naujo)',
    },
    findOut: {
      'no-contract':
        'Rašytinės sutarties nėra: el. laiškuose ir užsakymų patvirtinimuose paieškokite, kas sutarta dėl nutraukimo, įspėjimo termino ar netesybų.',
      'right-unknown':
        'Ar sutartis leidžia ją nutraukti jūsų iniciatyva, kokia tvarka (rašytinis pranešimas? kam?) ir per kokį įspėjimo terminą.',
      grounds:
        'Kokiais pagrindais sutartį vis dėlto galima nutraukti anksčiau: dėl kliento pažeidimų, šalių susitarimu ar pagal nutraukimo dėl svarbių priežasčių sąlygą.',
      'run-to-end': 'Ar ne saugiau leisti sutarčiai pasibaigti {{date}} jos nepratęsus.',
      notice: 'Ar taikomas koks nors įspėjimo terminas: jis neįrašytas.',
      penalty: 'Kas užtraukia netesybas ({{penalty}}) ir kaip pasitraukti be jų.',
    },
    warning: {
      'no-due': 'Darbas „{{deliverable}}“ ({{engagement}}) nebaigtas ir neturi termino: susitarkite dėl jo; į datas jis neįskaičiuotas.',
      'past-due': 'Darbo „{{deliverable}}“ ({{engagement}}) terminas buvo {{date}}, bet jis vis dar nebaigtas.',
      'due-before-signed':
        'Darbo „{{deliverable}}“ terminas – {{date}}, anksčiau nei pasirašyta sutartis ({{signed}}): patikrinkite datas.',
      'stops-without-notice':
        'Darbai sustabdomi šiandien, nesilaikant sutartyje numatyto įspėjimo termino ({{notice}}): įsitikinkite, kad kliento elgesys tai pateisina (pasitarkite su teisininku).',
      'tell-before-due':
        'Pasirinkote pranešti klientui {{tell}}, anksčiau nei baigiasi nebaigtų darbų terminai (paskutinis – {{lastDue}}): darbai vis tiek baigsis {{end}}, kai bus atiduoti.',
      'end-after-contract':
        'Darbai baigtųsi {{end}}, jau pasibaigus pačiai sutarčiai ({{contractEnds}}): įspėjimo terminas išeina už sutarties ribų; patikrinkite, kuri data taikoma.',
      'unknown-currency':
        '„{{currency}}“ nėra RedCard žinoma ISO 4217 valiuta: prieš siųsdami bet kokią sumą, patikrinkite darbo srities valiutą.',
      'collection-blocked':
        'Išieškojimo grafike laikoma, kad priminimas išsiunčiamas šiandien; prieš siųsdami laišką, kuris nutraukia darbus, palaukite sutarties patikros.',
    },
    referral: {
      overdue: 'Pradelsta: {{amount}}.',
      abusive: 'Klientas elgėsi įžeidžiai (užregistruotas įžeidinėjimo incidentas).',
      paid: 'Klientas mokėjo ir nesielgė įžeidžiai.',
    },
    collection: {
      reminder: 'Išsiųskite priminimą sumokėti {{amount}}, išvardydami kiekvieną sąskaitą',
      'formal-demand': 'Išsiųskite oficialų reikalavimą sumokėti iki {{date}}',
      'legal-lt': 'Kreipkitės į teismą dėl teismo įsakymo',
      'legal-ro': 'Kreipkitės dėl mokėjimo įsakymo (ordonanța de plată)',
      'legal-ru-business': 'Kreipkitės į arbitražo teismą (арбитражный суд)',
      'legal-ru-individual': 'Kreipkitės dėl teismo įsakymo (судебный приказ)',
      'legal-eu': 'Pradėkite mokėjimo įsakymo arba nedidelių ieškinių procedūrą',
      'legal-other': 'Imkitės kito teisinio žingsnio dėl skolos',
    },
  },
};
