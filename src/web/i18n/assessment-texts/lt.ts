/** Kliento vertinimo tekstai lietuviškai (raktai iš src/core/assessment/texts.ts), įtraukiami į lt.ts. */
export const assessmentTextsLt = {
  assessmentText: {
    reason: {
      fraud: 'Klientas pažeidė įstatymą jūsų atžvilgiu: {{incidents}}. Nedelsdami nutraukite bendradarbiavimą, be įspėjimo.',
      threats:
        'Šiurkštus elgesys su jumis ar jūsų komanda: {{incidents}}. Sustabdykite darbus ir projekto nebaikite; dabar svarbiausia atgauti tai, ką jums skolingi.',
      'refuses-to-pay':
        'Suma {{amount}} vėluoja daugiau nei {{days}} dienų ({{invoices}}), o klientas atsisako mokėti: {{incidents}}. Sustabdykite darbus ir projekto nebaikite; išieškokite skolą.',
      'warning-ignored':
        '{{date}} buvo parodyta geltonoji kortelė, bet po jos tai pasikartojo: {{incidents}}. Įspėjimo nepaisyta: nutraukite santykius.',
      'stop-now':
        'Tai, kas įvyko ({{incidents}}), reikalauja sustabdyti darbus dabar, o ne baigti projektą; dabar svarbiausia atgauti tai, ką jums skolingi.',
      'stop-now-overdue':
        'Kai vėluoja {{amount}}, tai, kas įvyko ({{incidents}}), reikalauja sustabdyti darbus dabar, o ne baigti projektą; dabar svarbiausia atgauti tai, ką jums skolingi.',
      'finish-then-exit':
        'Už to nėra nei įžeidinėjimų, nei nesumokėtų pinigų: užbaikite dabartinius darbus iki sutartų etapų ir toliau dirbkite pagal sutartį, kol ji baigsis.',
      'warning-heeded': '{{date}} buvo parodyta geltonoji kortelė, ir po jos rimtų incidentų nebuvo; jei toks įvyks, nutraukite santykius.',
      moved:
        '{{date}} klientas buvo perduotas kitam vadybininkui – taip buvo atsakyta į šiuos incidentus: {{incidents}}. Incidentai po šios datos vertinami jau su nauju vadybininku.',
      'moved-to':
        '{{date}} klientas buvo perduotas kitam vadybininkui ({{member}}) – taip buvo atsakyta į šiuos incidentus: {{incidents}}. Incidentai po šios datos vertinami jau su nauju vadybininku.',
      'reassign-one':
        'Rimtas incidentas susijęs su vienu komandos nariu ({{member}}): {{incidents}}. Pirmiausia perduokite klientą kitam vadybininkui; jei ir tai nepadės, nutraukite santykius.',
      'reassign-many_one':
        'Visi rimti incidentai ({{count}}) susiję su vienu komandos nariu ({{member}}): {{incidents}}. Pirmiausia perduokite klientą kitam vadybininkui; jei ir tai nepadės, nutraukite santykius.',
      'reassign-many_few':
        'Visi rimti incidentai ({{count}}) susiję su vienu komandos nariu ({{member}}): {{incidents}}. Pirmiausia perduokite klientą kitam vadybininkui; jei ir tai nepadės, nutraukite santykius.',
      'reassign-many_many':
        'Visi rimti incidentai ({{count}}) susiję su vienu komandos nariu ({{member}}): {{incidents}}. Pirmiausia perduokite klientą kitam vadybininkui; jei ir tai nepadės, nutraukite santykius.',
      'reassign-many_other':
        'Visi rimti incidentai ({{count}}) susiję su vienu komandos nariu ({{member}}): {{incidents}}. Pirmiausia perduokite klientą kitam vadybininkui; jei ir tai nepadės, nutraukite santykius.',
      warn_one:
        '{{count}} rimtas incidentas, o geltonosios kortelės dar nebuvo: {{incidents}}. Aiškiai įspėkite klientą ir pasakykite, kas bus, jei tai pasikartos.',
      warn_few:
        '{{count}} rimti incidentai, o geltonosios kortelės dar nebuvo: {{incidents}}. Aiškiai įspėkite klientą ir pasakykite, kas bus, jei tai pasikartos.',
      warn_many:
        '{{count}} rimto incidento, o geltonosios kortelės dar nebuvo: {{incidents}}. Aiškiai įspėkite klientą ir pasakykite, kas bus, jei tai pasikartos.',
      warn_other:
        '{{count}} rimtų incidentų, o geltonosios kortelės dar nebuvo: {{incidents}}. Aiškiai įspėkite klientą ir pasakykite, kas bus, jei tai pasikartos.',
      'moved-again':
        '{{date}} klientas jau buvo perduotas kitam vadybininkui, bet ir su juo tai pasikartojo: kitas žingsnis – įspėjimas, o ne dar vienas perdavimas.',
      'moved-already': 'Klientas jau buvo perduotas kitam vadybininkui, todėl kitas žingsnis – įspėjimas.',
      'no-member-one':
        'Rimtas incidentas nesusijęs su konkrečiu komandos nariu, todėl kliento perdavimas kitam vadybininkui problemos neišspręstų.',
      'no-member-many':
        'Rimti incidentai nėra susiję su vienu konkrečiu komandos nariu, todėl kliento perdavimas kitam vadybininkui problemos neišspręstų.',
      impact: 'Be šio kliento {{revenue}}; {{hours}}.',
      'impact-owed': 'Be šio kliento {{revenue}}; {{hours}}; klientas jums vis dar skolingas {{owed}}.',
      reputation:
        'Klientas grasino jūsų reputacijai: {{incidents}}. Išsaugokite įrodymus, viešai neatsakinėkite supykę ir prieš bet kokį viešą pareiškimą pasverkite pasekmes verslui.',
      'not-public':
        'Neskelbkite apie bendradarbiavimo pabaigą viešai supykę: prieš bet kokį viešą pareiškimą pasverkite priežastis, pasekmes verslui ir tai, kaip tai supras klientai bei partneriai.',
      'red-on-record': 'Raudonoji kortelė jau užfiksuota ({{dates}}); šis vertinimas jos nekeičia.',
      'refuse-unlawful':
        'Atsisakykite vykdyti neteisėtą prašymą ({{incidents}}); pakartotinis ar šiurkštus prašymas reiškia santykių pabaigą.',
      pattern_one:
        '{{count}} incidentas per paskutines {{days}} dienų, ir nė vienas rimtas neliko be atsako: {{incidents}}. Stebėkite klientą; spręskite, kai vaizdas taps aiškus, o ne po vieno nesėkmingo pokalbio.',
      pattern_few:
        '{{count}} incidentai per paskutines {{days}} dienų, ir nė vienas rimtas neliko be atsako: {{incidents}}. Stebėkite klientą; spręskite, kai vaizdas taps aiškus, o ne po vieno nesėkmingo pokalbio.',
      pattern_many:
        '{{count}} incidento per paskutines {{days}} dienų, ir nė vienas rimtas neliko be atsako: {{incidents}}. Stebėkite klientą; spręskite, kai vaizdas taps aiškus, o ne po vieno nesėkmingo pokalbio.',
      pattern_other:
        '{{count}} incidentų per paskutines {{days}} dienų, ir nė vienas rimtas neliko be atsako: {{incidents}}. Stebėkite klientą; spręskite, kai vaizdas taps aiškus, o ne po vieno nesėkmingo pokalbio.',
      judgement: 'Užfiksuota: {{incidents}}. Prieš spręsdami pasverkite, ką klientas jums duoda ir kiek jums kainuoja.',
      keep_one:
        'Nėra rimtų incidentų be atsako, per paskutines {{days}} dienų {{count}} incidentas ir nieko nepažymėta kaip „Nuostolingas klientas“, „Nebeatitinka jūsų veiklos“ ar „Kenkia savijautai“: išlaikykite klientą.',
      keep_few:
        'Nėra rimtų incidentų be atsako, per paskutines {{days}} dienų {{count}} incidentai ir nieko nepažymėta kaip „Nuostolingas klientas“, „Nebeatitinka jūsų veiklos“ ar „Kenkia savijautai“: išlaikykite klientą.',
      keep_many:
        'Nėra rimtų incidentų be atsako, per paskutines {{days}} dienų {{count}} incidento ir nieko nepažymėta kaip „Nuostolingas klientas“, „Nebeatitinka jūsų veiklos“ ar „Kenkia savijautai“: išlaikykite klientą.',
      keep_other:
        'Nėra rimtų incidentų be atsako, per paskutines {{days}} dienų {{count}} incidentų ir nieko nepažymėta kaip „Nuostolingas klientas“, „Nebeatitinka jūsų veiklos“ ar „Kenkia savijautai“: išlaikykite klientą.',
    },
    incident: {
      plain: '{{flag}} (sunkumas {{severity}}), {{date}}',
      member: '{{flag}} (sunkumas {{severity}}), {{date}}, komandos narys: {{member}}',
    },
    invoice: {
      unpaid_one: 'sąskaita {{number}}: nesumokėta {{amount}}, vėluojama {{count}} dieną',
      unpaid_few: 'sąskaita {{number}}: nesumokėta {{amount}}, vėluojama {{count}} dienas',
      unpaid_many: 'sąskaita {{number}}: nesumokėta {{amount}}, vėluojama {{count}} dienos',
      unpaid_other: 'sąskaita {{number}}: nesumokėta {{amount}}, vėluojama {{count}} dienų',
      paid_one: 'sąskaita {{number}}: apmokėta, pavėluota {{count}} dieną',
      paid_few: 'sąskaita {{number}}: apmokėta, pavėluota {{count}} dienas',
      paid_many: 'sąskaita {{number}}: apmokėta, pavėluota {{count}} dienos',
      paid_other: 'sąskaita {{number}}: apmokėta, pavėluota {{count}} dienų',
    },
    dimension: {
      none: 'Iki {{date}} neužfiksuota: {{flags}}.',
      incidents_one:
        '{{count}} incidentas: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      incidents_few:
        '{{count}} incidentai: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      incidents_many:
        '{{count}} incidento: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      incidents_other:
        '{{count}} incidentų: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      'incidents-warned_one':
        '{{count}} incidentas: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      'incidents-warned_few':
        '{{count}} incidentai: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      'incidents-warned_many':
        '{{count}} incidento: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      'incidents-warned_other':
        '{{count}} incidentų: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents_one':
        '{{count}} mokėjimo incidentas: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents_few':
        '{{count}} mokėjimo incidentai: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents_many':
        '{{count}} mokėjimo incidento: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents_other':
        '{{count}} mokėjimo incidentų: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents-warned_one':
        '{{count}} mokėjimo incidentas: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents-warned_few':
        '{{count}} mokėjimo incidentai: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents-warned_many':
        '{{count}} mokėjimo incidento: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      'payment-incidents-warned_other':
        '{{count}} mokėjimo incidentų: {{groups}}. Įvertinus sunkumą ir senumą (svoris perpus mažėja kas {{halfLife}} dienų, po geltonosios kortelės dvigubinamas), iš viso tai kainuoja {{points}} tšk.',
      late_one:
        '{{count}} sąskaita, kurios terminas suėjo, vidutiniškai apmokėta pavėlavus {{late}} (pagal sumas, naujesnės sveria daugiau): {{points}} tšk.',
      late_few:
        '{{count}} sąskaitos, kurių terminas suėjo, vidutiniškai apmokėtos pavėlavus {{late}} (pagal sumas, naujesnės sveria daugiau): {{points}} tšk.',
      late_many:
        '{{count}} sąskaitos, kurių terminas suėjo, vidutiniškai apmokėtos pavėlavus {{late}} (pagal sumas, naujesnės sveria daugiau): {{points}} tšk.',
      late_other:
        '{{count}} sąskaitų, kurių terminas suėjo, vidutiniškai apmokėtos pavėlavus {{late}} (pagal sumas, naujesnės sveria daugiau): {{points}} tšk.',
      overdue_one: 'Pradelsta {{amount}} pagal {{count}} sąskaitą, seniausia vėluoja {{oldest}}: {{points}} tšk.',
      overdue_few: 'Pradelsta {{amount}} pagal {{count}} sąskaitas, seniausia vėluoja {{oldest}}: {{points}} tšk.',
      overdue_many: 'Pradelsta {{amount}} pagal {{count}} sąskaitos, seniausia vėluoja {{oldest}}: {{points}} tšk.',
      overdue_other: 'Pradelsta {{amount}} pagal {{count}} sąskaitų, seniausia vėluoja {{oldest}}: {{points}} tšk.',
      'no-invoices': 'Iki {{date}} sąskaitų nebuvo.',
      'none-due': 'Nė vienos sąskaitos mokėjimo terminas dar nesuėjo.',
      'nothing-overdue': 'Pradelstų sąskaitų nėra.',
      trend:
        'Tendencija: {{direction}} (sąskaitos, kurių terminas suėjo per paskutines {{trendDays}} dienų, vėluoja {{recent}}, ankstesnės – {{before}}).',
      'no-time': 'Laikas neregistruotas, todėl valandinio įkainio nėra.',
      'no-hours': 'Per paskutinius 12 mėnesių valandų neregistruota, todėl valandinio įkainio nėra.',
      'rate-no-median':
        'Faktinis valandinis įkainis per paskutinius 12 mėnesių – {{rate}} per valandą; darbo erdvės medianos palyginimui nėra.',
      'rate-at-median': 'Faktinis valandinis įkainis – {{rate}} per valandą, ne mažesnis už darbo erdvės medianą ({{median}}).',
      'rate-below': 'Faktinis valandinis įkainis – {{rate}} per valandą, {{share}} darbo erdvės medianos ({{median}}): {{points}} tšk.',
      'share-unknown': 'Paslaugų teikėjo pajamos nenurodytos, todėl kliento dalis jose nežinoma.',
      share: 'Per paskutinius 12 mėnesių klientas atnešė {{share}} paslaugų teikėjo pajamų (informacijai, į įvertinimą neįskaičiuojama).',
      sentences: '{{sentences}}',
    },
    group: {
      one: '{{flag}}, {{date}} (sunkumas {{severity}})',
      many: '{{flag}} ×{{times}} (paskutinį kartą {{date}}, sunkumas iki {{severity}})',
    },
    trend: {
      steady: 'stabili',
      later: 'moka vėliau nei anksčiau',
      sooner: 'moka greičiau nei anksčiau',
    },
    unit: {
      days_one: '{{count}} dieną',
      days_few: '{{count}} dienas',
      days_many: '{{count}} dienos',
      days_other: '{{count}} dienų',
    },
    impact: {
      invoiced: 'netenkate {{amount}}, kuriuos per paskutinius 12 mėnesių sąskaitomis išrašėte šiam klientui',
      revenue: 'pajamos per paskutinius 12 mėnesių būtų {{to}}, o ne {{from}} (šis klientas: {{client}})',
      'revenue-share': 'pajamos per paskutinius 12 mėnesių būtų {{to}}, o ne {{from}} (šis klientas: {{client}}, {{share}})',
      'hours-unknown': 'kiek valandų atsilaisvintų, nežinoma (laikas neregistruotas)',
      hours_one: 'atsilaisvintų {{count}} valanda',
      hours_few: 'atsilaisvintų {{count}} valandos',
      hours_many: 'atsilaisvintų {{count}} valandos',
      hours_other: 'atsilaisvintų {{count}} valandų',
    },
    list: {
      more: 'ir dar {{count}}',
      date: '{{date}}',
    },
    flag: {
      abuse: 'įžeidinėjimai',
      payment: 'mokėjimo problemos',
      price_pressure: 'spaudimas dėl kainos',
      urgency_pressure: 'spaudimas skubėti',
      availability_demands: 'reikalavimas būti pasiekiamam visą parą',
      scope_creep: 'darbai už sutarto ribų',
      disregard_expertise: 'jūsų kompetencijos nepaisymas',
      unlawful: 'neteisėtas prašymas ar veiksmas',
      contract_breach: 'sutarties pažeidimas',
      reputation_threat: 'grasinimai reputacijai',
      negativity: 'nuolatinis negatyvumas',
      unprofitable: 'nuostolingas klientas',
      misfit: 'nebeatitinka jūsų veiklos',
      wellbeing: 'kenkia savijautai',
      staff_report: 'darbuotojo pranešimas',
    },
  },
};
