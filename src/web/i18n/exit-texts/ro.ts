/** Textele planului de ieșire în română (cheile din src/core/exit/texts.ts), incluse în ro.ts. */
export const exitTextsRo = {
  exitText: {
    step: {
      'lawyer-check': 'Cereți unui avocat să verifice contractul și ieșirea înainte ca clientul să afle ceva (vedeți motivele)',
      'contract-find-out': 'Aflați dacă și cum puteți înceta contractul; până atunci nu-i spuneți nimic clientului. {{details}}',
      evidence:
        'Adunați dovezile: păstrați corespondența, notițele din apeluri, facturile și incidentele și înregistrați apelurile acolo unde legea permite',
      'stop-work': 'Opriți lucrul; nu duceți proiectul la capăt',
      'stop-work-on': 'Opriți lucrul la {{deliverables}}; nu duceți proiectul la capăt',
      finish: 'Finalizați „{{deliverable}}” ({{engagement}})',
      'last-day': 'Ultima zi de lucru: până atunci continuați să lucrați așa cum prevede contractul',
      conversation:
        'Spuneți-i clientului la telefon sau într-o întâlnire ce faceți, de ce și care sunt datele: fapte, pe scurt, fără reproșuri; mulțumiți-i',
      'written-confirmation': 'Confirmați discuția în scris în aceeași zi: decizia, ultima zi de lucru, predarea și banii',
      'referral-colleague': 'Recomandați un coleg pe care l-ați verificat mai întâi',
      'referral-resources': 'Oferiți doar resurse (cataloage, șabloane, ghiduri), nu un coleg',
      'handover-files': 'Trimiteți toate fișierele și materialele care îi aparțin clientului',
      'access-inventory':
        'Faceți inventarul accesurilor de transferat sau de revocat (găzduire, domenii, conturi de publicitate, depozite de cod, analiză): notați ce există și în ce stare, niciodată o parolă',
      briefing: 'Informați-l pe cel care vă preia lucrul despre ce s-a făcut și oferiți-vă să ajutați la intervievarea candidaților',
      'interim-tools': 'Sugerați instrumente pe care clientul le poate folosi între timp',
      'final-invoice': 'Trimiteți factura finală pentru munca făcută și nefacturată: {{amount}}',
      'final-invoice-none': 'Verificați că toată munca făcută este facturată (nu s-a calculat nicio factură finală)',
      refund: 'Rambursați avansul pentru munca nefăcută: {{amount}}',
      'close-contact': 'Încheiați contactul după predare; nu mai datorați nimic',
      'close-contact-collect': 'Încheiați contactul după predare; continuă doar recuperarea sumelor datorate',
      reflection: 'Reflectați: ce v-ar fi ajutat să evitați acest client de la început și ce ar trebui să prevadă următorul contract',
      'evidence-reassign': 'Adunați dovezile: păstrați corespondența, notițele din apeluri și incidentele',
      'choose-manager': 'Alegeți alt manager pentru acest client',
      'choose-manager-not': 'Alegeți pentru acest client alt manager decât {{member}}',
      'brief-new-manager': 'Informați noul manager despre client, lucrări și incidente',
      'conversation-reassign':
        'Spuneți-i clientului la telefon sau într-o întâlnire cine este noua persoană de contact și de când: fapte, fără reproșuri',
      'written-confirmation-reassign': 'Confirmați în scris schimbarea persoanei de contact în aceeași zi',
      review: 'Reevaluați: dacă problemele continuă cu noul manager, încheiați relația (planificați din nou ieșirea)',
    },
    findOut: {
      'no-contract':
        'Nu există un contract scris: căutați în e-mailuri și în confirmările de comandă orice s-a convenit despre încetare, preaviz sau penalități.',
      'right-unknown':
        'Dacă contractul vă permite să-l încetați din inițiativa dumneavoastră, prin ce procedură (notificare scrisă? cui?) și cu ce preaviz.',
      grounds:
        'Pe ce temei se mai poate înceta contractul înainte de termen: încălcările clientului, acordul părților sau o clauză de reziliere pentru motive întemeiate.',
      'run-to-end': 'Dacă nu e mai sigur să lăsați contractul să expire pe {{date}}, fără să-l reînnoiți.',
      notice: 'Dacă se aplică vreun termen de preaviz: nu este înregistrat niciunul.',
      penalty: 'Ce declanșează penalitatea ({{penalty}}) și cum puteți ieși fără ea.',
    },
    warning: {
      'no-due': '„{{deliverable}}” ({{engagement}}) este deschis și nu are termen: stabiliți unul; nu este luat în calcul la date.',
      'past-due': '„{{deliverable}}” ({{engagement}}) avea termen pe {{date}} și este încă deschis.',
      'due-before-signed': '„{{deliverable}}” are termen pe {{date}}, înainte de semnarea contractului pe {{signed}}: verificați datele.',
      'stops-without-notice':
        'Lucrul se oprește azi, fără preavizul din contract de {{notice}}: asigurați-vă că purtarea clientului justifică acest lucru (întrebați avocatul).',
      'tell-before-due':
        'Ați ales să-i spuneți clientului pe {{tell}}, înainte de termenul lucrărilor deschise (ultimul pe {{lastDue}}): lucrul se încheie tot pe {{end}}, după predare.',
      'end-after-contract':
        'Lucrul s-ar încheia pe {{end}}, după ce contractul însuși expiră pe {{contractEnds}}: preavizul depășește contractul; verificați ce dată se aplică.',
      'unknown-currency':
        '„{{currency}}” nu este o monedă ISO 4217 cunoscută de RedCard: verificați moneda spațiului de lucru înainte de a trimite vreo sumă.',
      'collection-blocked':
        'Calendarul de recuperare presupune că reamintirea pleacă azi; așteptați verificarea contractului înainte de orice scrisoare care încheie lucrul.',
    },
    referral: {
      overdue: 'Restanță: {{amount}}.',
      abusive: 'Clientul a fost abuziv (este înregistrat un incident de abuz).',
      paid: 'Clientul a plătit și nu a fost abuziv.',
    },
    collection: {
      reminder: 'Trimiteți o reamintire de plată pentru {{amount}}, factură cu factură',
      'formal-demand': 'Trimiteți o somație de plată cu termen până pe {{date}}',
      'legal-lt': 'Cereți un ordin judecătoresc (teismo įsakymas)',
      'legal-ro': 'Depuneți cererea de ordonanță de plată',
      'legal-ru-business': 'Sesizați instanța de arbitraj (арбитражный суд)',
      'legal-ru-individual': 'Cereți un ordin judecătoresc (судебный приказ)',
      'legal-eu': 'Începeți procedura ordonanței de plată sau procedura cererilor cu valoare redusă',
      'legal-other': 'Faceți următorul pas legal pentru recuperarea datoriei',
    },
  },
};
