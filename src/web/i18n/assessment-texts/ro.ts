/** Textele evaluării clientului în română (cheile din src/core/assessment/texts.ts), incluse în ro.ts. */
export const assessmentTextsRo = {
  assessmentText: {
    reason: {
      fraud: 'Clientul a încălcat legea împotriva dumneavoastră: {{incidents}}. Renunțați imediat la client, fără avertisment.',
      threats:
        'Abuz grav îndreptat împotriva dumneavoastră sau a echipei: {{incidents}}. Opriți lucrul și nu finalizați proiectul; scopul devine recuperarea sumelor datorate.',
      'refuses-to-pay':
        'Suma de {{amount}} este restantă de peste {{days}} de zile ({{invoices}}), iar clientul refuză să plătească: {{incidents}}. Opriți lucrul și nu finalizați proiectul; recuperați banii datorați.',
      'warning-ignored':
        'Pe {{date}} s-a dat un cartonaș galben, iar după aceea s-a întâmplat din nou: {{incidents}}. Avertismentul nu a fost luat în seamă: încheiați relația.',
      'stop-now':
        'Cele întâmplate ({{incidents}}) impun oprirea lucrului acum, nu finalizarea proiectului; scopul devine recuperarea sumelor datorate.',
      'stop-now-overdue':
        'Cu o restanță de {{amount}}, cele întâmplate ({{incidents}}) impun oprirea lucrului acum, nu finalizarea proiectului; scopul devine recuperarea sumelor datorate.',
      'finish-then-exit':
        'La baza deciziei nu stau nici abuzul, nici banii neplătiți: duceți lucrarea curentă până la etapele convenite și continuați să lucrați conform contractului până la încheierea lui.',
      'warning-heeded':
        'Pe {{date}} s-a dat un cartonaș galben și de atunci nu a mai avut loc niciun incident grav; dacă va avea loc unul, încheiați relația.',
      moved:
        'Pe {{date}} clientul a fost preluat de alt manager, ca răspuns la: {{incidents}}. Incidentele de după această dată se judecă în raport cu noul manager.',
      'moved-to':
        'Pe {{date}} clientul a fost preluat de alt manager ({{member}}), ca răspuns la: {{incidents}}. Incidentele de după această dată se judecă în raport cu noul manager.',
      'reassign-one':
        'Incidentul grav privește un singur membru al echipei ({{member}}): {{incidents}}. Mai întâi dați clientul altui manager; dacă nici asta nu funcționează, încheiați relația.',
      'reassign-many_one':
        'Toate incidentele grave ({{count}}) privesc un singur membru al echipei ({{member}}): {{incidents}}. Mai întâi dați clientul altui manager; dacă nici asta nu funcționează, încheiați relația.',
      'reassign-many_few':
        'Toate incidentele grave ({{count}}) privesc un singur membru al echipei ({{member}}): {{incidents}}. Mai întâi dați clientul altui manager; dacă nici asta nu funcționează, încheiați relația.',
      'reassign-many_other':
        'Toate incidentele grave ({{count}}) privesc un singur membru al echipei ({{member}}): {{incidents}}. Mai întâi dați clientul altui manager; dacă nici asta nu funcționează, încheiați relația.',
      warn_one:
        '{{count}} incident grav și încă niciun cartonaș galben: {{incidents}}. Avertizați clientul explicit și spuneți-i ce se întâmplă dacă se repetă.',
      warn_few:
        '{{count}} incidente grave și încă niciun cartonaș galben: {{incidents}}. Avertizați clientul explicit și spuneți-i ce se întâmplă dacă se repetă.',
      warn_other:
        '{{count}} de incidente grave și încă niciun cartonaș galben: {{incidents}}. Avertizați clientul explicit și spuneți-i ce se întâmplă dacă se repetă.',
      'moved-again':
        'Pe {{date}} clientul a fost deja preluat de alt manager, iar situația s-a repetat și cu noul manager: următorul pas este avertismentul, nu încă o schimbare.',
      'moved-already': 'Clientul a fost deja preluat de alt manager, așa că următorul pas este avertismentul.',
      'no-member-one':
        'Incidentul grav nu este legat de un anumit membru al echipei, așa că preluarea clientului de alt manager nu ar rezolva problema.',
      'no-member-many':
        'Incidentele grave nu privesc toate același membru al echipei, așa că preluarea clientului de alt manager nu ar rezolva problema.',
      impact: 'Fără acest client, {{revenue}}; {{hours}}.',
      'impact-owed': 'Fără acest client, {{revenue}}; {{hours}}; vi se datorează încă {{owed}}.',
      reputation:
        'Clientul v-a amenințat reputația: {{incidents}}. Păstrați dovezile, nu răspundeți public la nervi și cântăriți consecințele pentru afacere înainte de orice declarație publică.',
      'not-public':
        'Nu faceți public sfârșitul colaborării la nervi: înainte de orice declarație publică, cântăriți motivele, consecințele pentru afacere și felul în care o vor înțelege clienții și partenerii.',
      'red-on-record': 'Un cartonaș roșu este deja înregistrat ({{dates}}); această evaluare nu îl schimbă.',
      'refuse-unlawful': 'Refuzați cererea ilegală ({{incidents}}); o cerere repetată sau gravă încheie relația.',
      pattern_one:
        '{{count}} incident în ultimele {{days}} de zile, niciunul grav rămas fără răspuns: {{incidents}}. Urmăriți clientul; decideți când tiparul este clar, nu după o singură discuție proastă.',
      pattern_few:
        '{{count}} incidente în ultimele {{days}} de zile, niciunul grav rămas fără răspuns: {{incidents}}. Urmăriți clientul; decideți când tiparul este clar, nu după o singură discuție proastă.',
      pattern_other:
        '{{count}} de incidente în ultimele {{days}} de zile, niciunul grav rămas fără răspuns: {{incidents}}. Urmăriți clientul; decideți când tiparul este clar, nu după o singură discuție proastă.',
      judgement: 'Înregistrat: {{incidents}}. Înainte de a decide, cântăriți ce vă aduce clientul față de cât vă costă.',
      keep_one:
        'Niciun incident grav fără răspuns, {{count}} incident în ultimele {{days}} de zile și nimic marcat „neprofitabil”, „nu se mai potrivește” sau „afectează starea de bine”: păstrați clientul.',
      keep_few:
        'Niciun incident grav fără răspuns, {{count}} incidente în ultimele {{days}} de zile și nimic marcat „neprofitabil”, „nu se mai potrivește” sau „afectează starea de bine”: păstrați clientul.',
      keep_other:
        'Niciun incident grav fără răspuns, {{count}} de incidente în ultimele {{days}} de zile și nimic marcat „neprofitabil”, „nu se mai potrivește” sau „afectează starea de bine”: păstrați clientul.',
    },
    incident: {
      plain: '{{flag}} (gravitate {{severity}}) pe {{date}}',
      member: '{{flag}} (gravitate {{severity}}) pe {{date}}, membru al echipei: {{member}}',
    },
    invoice: {
      unpaid_one: 'factura {{number}}: rest de plată {{amount}}, {{count}} zi de întârziere',
      unpaid_few: 'factura {{number}}: rest de plată {{amount}}, {{count}} zile de întârziere',
      unpaid_other: 'factura {{number}}: rest de plată {{amount}}, {{count}} de zile de întârziere',
      paid_one: 'factura {{number}}: plătită, {{count}} zi de întârziere',
      paid_few: 'factura {{number}}: plătită, {{count}} zile de întârziere',
      paid_other: 'factura {{number}}: plătită, {{count}} de zile de întârziere',
    },
    dimension: {
      none: 'Până la {{date}} nu s-a înregistrat: {{flags}}.',
      incidents_one:
        '{{count}} incident: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile), costă {{points}} puncte.',
      incidents_few:
        '{{count}} incidente: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile), împreună costă {{points}} puncte.',
      incidents_other:
        '{{count}} de incidente: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile), împreună costă {{points}} puncte.',
      'incidents-warned_one':
        '{{count}} incident: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile, dublată după cartonașul galben), costă {{points}} puncte.',
      'incidents-warned_few':
        '{{count}} incidente: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile, dublată după cartonașul galben), împreună costă {{points}} puncte.',
      'incidents-warned_other':
        '{{count}} de incidente: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile, dublată după cartonașul galben), împreună costă {{points}} puncte.',
      'payment-incidents_one':
        '{{count}} incident de plată: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile), costă {{points}} puncte.',
      'payment-incidents_few':
        '{{count}} incidente de plată: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile), împreună costă {{points}} puncte.',
      'payment-incidents_other':
        '{{count}} de incidente de plată: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile), împreună costă {{points}} puncte.',
      'payment-incidents-warned_one':
        '{{count}} incident de plată: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile, dublată după cartonașul galben), costă {{points}} puncte.',
      'payment-incidents-warned_few':
        '{{count}} incidente de plată: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile, dublată după cartonașul galben), împreună costă {{points}} puncte.',
      'payment-incidents-warned_other':
        '{{count}} de incidente de plată: {{groups}}. Ponderat după gravitate și vechime (ponderea se înjumătățește la fiecare {{halfLife}} de zile, dublată după cartonașul galben), împreună costă {{points}} puncte.',
      'no-invoices': 'Nicio factură până la {{date}}.',
      'none-due': 'Nicio factură nu a ajuns încă la scadență.',
      late_one:
        '{{count}} factură ajunsă la scadență, plătită în medie cu {{late}} întârziere (ponderat după sumă, cele recente contează mai mult): {{points}} puncte.',
      late_few:
        '{{count}} facturi ajunse la scadență, plătite în medie cu {{late}} întârziere (ponderat după sumă, cele recente contează mai mult): {{points}} puncte.',
      late_other:
        '{{count}} de facturi ajunse la scadență, plătite în medie cu {{late}} întârziere (ponderat după sumă, cele recente contează mai mult): {{points}} puncte.',
      'nothing-overdue': 'Nimic nu este restant.',
      overdue_one: 'Restanță de {{amount}} pe {{count}} factură, cea mai veche cu {{oldest}} peste scadență: {{points}} puncte.',
      overdue_few: 'Restanță de {{amount}} pe {{count}} facturi, cea mai veche cu {{oldest}} peste scadență: {{points}} puncte.',
      overdue_other: 'Restanță de {{amount}} pe {{count}} de facturi, cea mai veche cu {{oldest}} peste scadență: {{points}} puncte.',
      trend: 'Tendință: {{direction}} ({{recent}} întârziere la facturile scadente în ultimele {{trendDays}} de zile, {{before}} înainte).',
      'no-time': 'Nu s-a înregistrat timp, deci nu există tarif orar.',
      'no-hours': 'Nicio oră înregistrată în ultimele 12 luni, deci nu există tarif orar.',
      'rate-no-median':
        'Tarif orar efectiv de {{rate}} pe oră în ultimele 12 luni; nu există o mediană a spațiului de lucru cu care să fie comparat.',
      'rate-at-median': 'Tarif orar efectiv de {{rate}} pe oră, la nivelul medianei spațiului de lucru de {{median}} sau peste ea.',
      'rate-below': 'Tarif orar efectiv de {{rate}} pe oră, {{share}} din mediana spațiului de lucru de {{median}}: {{points}} puncte.',
      'share-unknown': 'Venitul prestatorului nu este indicat, deci ponderea clientului în el nu se cunoaște.',
      share: 'Clientul a adus {{share}} din venitul prestatorului în ultimele 12 luni (informativ, nu intră în scor).',
      sentences: '{{sentences}}',
    },
    group: {
      one: '{{flag}} pe {{date}} (gravitate {{severity}})',
      many: '{{flag}} ×{{times}} (ultima dată pe {{date}}, gravitate până la {{severity}})',
    },
    trend: {
      steady: 'stabilă',
      later: 'plătește mai târziu decât înainte',
      sooner: 'plătește mai repede decât înainte',
    },
    unit: {
      days_one: '{{count}} zi',
      days_few: '{{count}} zile',
      days_other: '{{count}} de zile',
    },
    impact: {
      invoiced: 'pierdeți {{amount}} facturați acestui client în ultimele 12 luni',
      revenue: 'venitul din ultimele 12 luni ar fi {{to}} în loc de {{from}} (acest client: {{client}})',
      'revenue-share': 'venitul din ultimele 12 luni ar fi {{to}} în loc de {{from}} (acest client: {{client}}, {{share}})',
      'hours-unknown': 'nu se știe câte ore se eliberează (nu s-a înregistrat timp)',
      hours_one: 'se eliberează {{count}} oră',
      hours_few: 'se eliberează {{count}} ore',
      hours_other: 'se eliberează {{count}} de ore',
    },
    list: {
      more: 'și încă {{count}}',
      date: '{{date}}',
    },
    flag: {
      abuse: 'comportament abuziv',
      payment: 'probleme de plată',
      price_pressure: 'presiuni pe preț',
      urgency_pressure: 'presiuni de urgență',
      availability_demands: 'cere disponibilitate non-stop',
      scope_creep: 'lucrări peste cele convenite',
      disregard_expertise: 'ignorarea expertizei dvs.',
      unlawful: 'cerere sau faptă ilegală',
      contract_breach: 'încălcarea contractului',
      reputation_threat: 'amenințări la adresa reputației',
      negativity: 'negativism constant',
      unprofitable: 'neprofitabil',
      misfit: 'nu se mai potrivește',
      wellbeing: 'afectează starea de bine',
      staff_report: 'sesizare din partea echipei',
    },
  },
};
