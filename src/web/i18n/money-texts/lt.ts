/** Pasitraukimo plano pinigų tekstai lietuviškai (src/core/money/texts.ts raktai), įtraukiami į lt.ts. */
export const moneyTextsLt = {
  moneyText: {
    owed: {
      'no-jurisdiction': 'Jūsų jurisdikcija neįrašyta: įstatyminės palūkanos už pavėluotus mokėjimus neskaičiuojamos.',
      'no-rule':
        'RedCard neturi įstatyminių palūkanų už pavėluotus mokėjimus taisyklės jurisdikcijai {{jurisdiction}}: jos neskaičiuojamos.',
      individual:
        'Klientas yra fizinis asmuo: verslo sandoriams taikomos įstatyminės palūkanos už pavėluotus mokėjimus jam netaikomos ir neskaičiuojamos.',
      'future-payments_one': '{{count}} mokėjimas, datuotas po {{date}}, neįskaitomas: bylos vertinimo dieną jo dar nebuvo.',
      'future-payments_few': '{{count}} mokėjimai, datuoti po {{date}}, neįskaitomi: bylos vertinimo dieną jų dar nebuvo.',
      'future-payments_many': '{{count}} mokėjimo, datuoto po {{date}}, neįskaitoma: bylos vertinimo dieną jų dar nebuvo.',
      'future-payments_other': '{{count}} mokėjimų, datuotų po {{date}}, neįskaitoma: bylos vertinimo dieną jų dar nebuvo.',
      'carried-forward':
        'Daliai palūkanų reikia normų po {{date}}: tam laikui RedCard normų lentelė taiko paskutinę žinomą normą; patikrinkite dabartinę oficialią normą.',
      'before-table_one': '{{count}} pavėluota diena tenka laikui iki RedCard normų lentelės pradžios: už ją palūkanos neskaičiuojamos.',
      'before-table_few': '{{count}} pavėluotos dienos tenka laikui iki RedCard normų lentelės pradžios: už jas palūkanos neskaičiuojamos.',
      'before-table_many':
        '{{count}} pavėluotos dienos tenka laikui iki RedCard normų lentelės pradžios: už jas palūkanos neskaičiuojamos.',
      'before-table_other': '{{count}} pavėluotų dienų tenka laikui iki RedCard normų lentelės pradžios: už jas palūkanos neskaičiuojamos.',
    },
    rule: {
      'law-lt':
        'Lietuva: Lietuvos Respublikos mokėjimų, atliekamų pagal komercinius sandorius, vėlavimo prevencijos įstatymas, perkeliantis Direktyvą 2011/7/ES: ECB palūkanų norma + 8 procentiniai punktai',
      'law-ro':
        'Rumunija: Įstatymas Nr. 72/2013 (Legea nr. 72/2013), 3 straipsnis, perkeliantis Direktyvą 2011/7/ES: Rumunijos nacionalinio banko referencinė palūkanų norma + 8 procentiniai punktai',
      'law-ru':
        'Rusija: Rusijos Federacijos civilinio kodekso 395 straipsnis: kiekvienu laikotarpiu galiojusi Rusijos banko pagrindinė palūkanų norma',
      'law-eu':
        '{{jurisdiction}}: į nacionalinę teisę perkelta Direktyva 2011/7/ES (bendroji taisyklė): ECB palūkanų norma + 8 procentiniai punktai',
      'ru-penalty': 'Sutartyje vietoj palūkanų pagal 395 straipsnį gali būti numatytos savos netesybos (неустойка); patikrinkite tai.',
      'outside-euro':
        '{{jurisdiction}} nepriklauso euro zonai: jos įstatymas remiasi nacionalinio centrinio banko referencine norma, todėl ši pagal ECB normą apskaičiuota suma tėra orientacinė.',
      generic:
        'Bendroji taisyklė: įstatymas, kuriuo {{jurisdiction}} perkėlė direktyvą, gali nustatyti didesnę maržą ar kitus terminus; patikrinkite jį prieš reikalaudami sumokėti.',
    },
    settlement: {
      'prepaid-unknown-share':
        'Už projektą {{engagement}} sumokėta iš anksto, bet jo rezultatai neįrašyti: prieš grąžindami pinigus, susitarkite su klientu, kokia darbo dalis atlikta (X10).',
      'not-invoiced-yet': 'Sąskaitų dar neišrašyta: už projektą {{engagement}} sąskaita išrašoma nuo {{month}} mėnesio pradžios.',
      'one-off-left':
        'Iki pasitraukimo vienkartinių darbų atlikta už {{earned}}, o sąskaitų išrašyta už {{invoiced}}: dar reikia išrašyti sąskaitą už {{left}}.',
      'one-off-none':
        'Iki pasitraukimo vienkartinių darbų atlikta už {{earned}}, o sąskaitų išrašyta už {{invoiced}}: daugiau sąskaitų išrašyti nereikia.',
      'one-off-compare':
        '{{engagement}}: iki pasitraukimo atlikta darbų už {{amount}}; sąskaitos nesusietos su projektais, tad palyginkite šią sumą su tuo, ką už jį išrašėte.',
      'not-yet': 'Grąžinama suma ir galutinė sąskaita apskaičiuojamos, kai nustatoma pabaigos data, t. y. po sutarties patikrinimo.',
    },
  },
};
