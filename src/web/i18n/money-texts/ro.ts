/** Textele despre bani ale planului de ieșire, în română (cheile din src/core/money/texts.ts), incluse în ro.ts. */
export const moneyTextsRo = {
  moneyText: {
    owed: {
      'no-jurisdiction':
        'Nu aveți nicio jurisdicție înregistrată: nu se calculează dobânda penalizatoare legală pentru întârzierea la plată.',
      'no-rule': 'RedCard nu are o regulă privind dobânda penalizatoare legală pentru {{jurisdiction}}: nu se calculează.',
      individual: 'Clientul este persoană fizică: dobânda penalizatoare legală dintre profesioniști nu i se aplică și nu se calculează.',
      'future-payments_one': '{{count}} plată datată după {{date}} este ignorată: nu avusese loc în ziua evaluării cazului.',
      'future-payments_few': '{{count}} plăți datate după {{date}} sunt ignorate: nu avuseseră loc în ziua evaluării cazului.',
      'future-payments_other': '{{count}} de plăți datate după {{date}} sunt ignorate: nu avuseseră loc în ziua evaluării cazului.',
      'carried-forward':
        'O parte din dobândă folosește rate de după {{date}}, pentru care tabelul de rate al RedCard păstrează ultima rată cunoscută; verificați rata oficială în vigoare.',
      'before-table_one':
        '{{count}} zi de întârziere este anterioară începutului tabelului de rate al RedCard: pentru ea nu se calculează dobândă.',
      'before-table_few':
        '{{count}} zile de întârziere sunt anterioare începutului tabelului de rate al RedCard: pentru ele nu se calculează dobândă.',
      'before-table_other':
        '{{count}} de zile de întârziere sunt anterioare începutului tabelului de rate al RedCard: pentru ele nu se calculează dobândă.',
    },
    rule: {
      'law-lt':
        'Lituania: Legea privind prevenirea întârzierii plăților în tranzacțiile comerciale (Lietuvos Respublikos mokėjimų, atliekamų pagal komercinius sandorius, vėlavimo prevencijos įstatymas), care transpune Directiva 2011/7/UE: rata BCE + 8 puncte procentuale',
      'law-ro':
        'România: Legea nr. 72/2013, art. 3 (de transpunere a Directivei 2011/7/UE): rata dobânzii de referință a BNR + 8 puncte procentuale',
      'law-ru': 'Rusia: Codul civil al Federației Ruse, articolul 395: rata cheie a Băncii Rusiei în vigoare în fiecare perioadă',
      'law-eu': '{{jurisdiction}}: Directiva 2011/7/UE, astfel cum a fost transpusă (regulă generală): rata BCE + 8 puncte procentuale',
      'ru-penalty': 'Contractul poate stabili propria penalitate (неустойка) în locul dobânzii de la articolul 395; verificați-l.',
      'outside-euro':
        '{{jurisdiction}} nu face parte din zona euro: legea sa folosește rata de referință a băncii centrale naționale, deci această sumă calculată după rata BCE este doar orientativă.',
      generic:
        'Regulă generală: legea prin care {{jurisdiction}} a transpus directiva poate stabili o marjă mai mare sau alte termene; verificați-o înainte de a cere plata.',
    },
    settlement: {
      'prepaid-unknown-share':
        'Colaborarea {{engagement}} a fost plătită în avans, dar nu are livrabile înregistrate: stabiliți cu clientul partea realizată înainte de a rambursa (X10).',
      'not-invoiced-yet': 'Nu s-a emis încă nicio factură: colaborarea {{engagement}} se facturează de la începutul lunii {{month}}.',
      'one-off-left':
        'Până la ieșire, munca punctuală realizată valorează {{earned}}, iar facturile emise însumează {{invoiced}}: mai sunt de facturat {{left}}.',
      'one-off-none':
        'Până la ieșire, munca punctuală realizată valorează {{earned}}, iar facturile emise însumează {{invoiced}}: nu mai rămâne nimic de facturat.',
      'one-off-compare':
        '{{engagement}}: până la ieșire s-a realizat muncă în valoare de {{amount}}; facturile nu sunt legate de colaborări, așa că comparați suma cu ce ați facturat pentru ea.',
      'not-yet': 'Rambursarea și factura finală se calculează după ce se stabilește data de încheiere, în urma verificării contractului.',
    },
  },
};
